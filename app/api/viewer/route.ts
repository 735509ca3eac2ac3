// GET /api/viewer: who is signed in in this browser, for the scripts of pages that are the same
// for everybody (components/viewer/viewer-provider.tsx). Only the caller's own session is read;
// a visitor without one gets the "nobody" answer, never an error that would tell anything apart.
import { viewerSummary } from "@/lib/accounts/viewer";
import { signedInUser } from "@/lib/guards";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const summary = await viewerSummary(await signedInUser());
  // Personal: never kept by a shared cache, and asked afresh on every page load.
  return Response.json(summary, { headers: { "Cache-Control": "private, no-store" } });
}
