/** A trivial route: the benchmark's baseline, and a liveness check for whoever runs the server. */
export function GET() {
  return new Response("ok", { headers: { "Content-Type": "text/plain" } });
}
export const dynamic = "force-dynamic";
