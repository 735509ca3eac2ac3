// One of the signed-in user's tickets as JSON; someone else's and an unknown code are both 404.
// The shape is documented in lib/api/me-tickets.ts.
import type { NextRequest } from "next/server";
import { myTicketResponse } from "@/lib/api/me-tickets";
import { sessionUserId } from "@/lib/api/session-user";

export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return myTicketResponse(code, { authorization: request.headers.get("authorization"), sessionUserId });
}
