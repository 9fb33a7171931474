// The production server: Next's request handler behind Node's own HTTP server,
// so that the client's address comes from the socket (or from the configured
// number of trusted reverse proxies), never from a header the client chose.
// `npm start`, the end-to-end tests and the bench all serve through this file.
//   node scripts/server.mjs [--port 3000] [--hostname localhost]
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { stampRequest, transportSecurity, trustedHopsFrom } from "./edge.mjs";

const root = path.resolve(import.meta.dirname, "..");

export async function serve({ port, hostname }) {
  const trustedHops = trustedHopsFrom(process.env);
  // Set before Next (and React through it) is loaded: they pick their production builds from it.
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const transport = Object.entries(transportSecurity(process.env.APP_URL));
  const server = http.createServer((req, res) => {
    stampRequest(req, trustedHops);
    for (const [name, value] of transport) res.setHeader(name, value);
    void handle(req, res);
  });
  await new Promise((resolve) => server.listen(port, hostname, resolve));
  console.log(`[server] listening on http://${hostname}:${port}${trustedHops ? `, behind ${trustedHops} trusted proxy hop(s)` : ""}`);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
  const server = await serve({ port: Number(values.port ?? process.env.PORT ?? 3000), hostname: values.hostname ?? process.env.HOST ?? "localhost" });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}
