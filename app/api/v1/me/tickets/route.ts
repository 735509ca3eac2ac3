// The signed-in user's orders and tickets as JSON, for a mobile client. Authorised by the
// session cookie or `Authorization: Bearer <personal access token>`; the shape is documented in
// lib/api/me-tickets.ts.
import type { NextRequest } from "next/server";
import { myTicketsResponse } from "@/lib/api/me-tickets";
import { sessionUserId } from "@/lib/api/session-user";

export async function GET(request: NextRequest) {
  return myTicketsResponse({ authorization: request.headers.get("authorization"), sessionUserId });
}
