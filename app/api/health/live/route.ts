/** Liveness: the process answers. A trivial route, also the bench's baseline. */
export function GET() {
  return new Response("ok", { headers: { "Content-Type": "text/plain" } });
}
export const dynamic = "force-dynamic";
