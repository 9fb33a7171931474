// The production server: Next's request handler behind Node's own HTTP server,
// so that the client's address comes from the socket (or from the configured
// number of trusted reverse proxies), never from a header the client chose.
// It checks the configuration before anything starts, and shuts down
// gracefully. `npm start`, the end-to-end tests and the bench all serve
// through this file.
//   node scripts/server.mjs [--port 3000] [--hostname localhost]
import http from "node:http";
import path from "node:path";
import { format, parseArgs } from "node:util";
import { envOrExit } from "../lib/env.mjs";
import { removeServerPid, runningServerPid, writeServerPid } from "../lib/backup/backup.mjs";
import { log } from "../lib/log.mjs";
import { edgeSecret, refusal, stampRequest, transportSecurity, unconfiguredProxy, withAnswerStatus } from "../lib/http/edge.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** Whatever Next or a library prints goes out as a log line too, so every line on stdout is JSON. */
function routeConsoleToLog() {
  for (const [method, level] of [["log", "info"], ["info", "info"], ["warn", "warn"], ["error", "error"]]) {
    console[method] = (...args) => log[level]({ event: "console" }, format(...args));
  }
}

export async function serve(env, { port, hostname }) {
  routeConsoleToLog();
  // One server per database file: a restore checks this too, and refuses while it is held.
  const dbPath = path.resolve(env.DATABASE_PATH);
  const other = runningServerPid(dbPath);
  if (other) {
    log.error({ event: "server.already_running", pid: other }, `another Kohtaamo server (pid ${other}) is running on this database`);
    process.exit(1);
  }
  // Set before Next (and React through it) is loaded: they pick their production builds from it.
  process.env.NODE_ENV = "production";
  edgeSecret();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const transport = Object.entries(transportSecurity(env.APP_URL));
  let warned = false;
  const server = http.createServer((req, res) => {
    if (unconfiguredProxy(req.headers, env)) {
      if (!warned) log.error({ event: "server.proxy_unconfigured" }, "X-Forwarded-* headers arrive but TRUSTED_PROXY_HOPS is 0: set it to the number of reverse proxies in front of the app");
      warned = true;
      res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8" }).end("Kohtaamo is not configured for the proxy in front of it (TRUSTED_PROXY_HOPS).\n");
      return;
    }
    stampRequest(req, env.TRUSTED_PROXY_HOPS);
    for (const [name, value] of transport) res.setHeader(name, value);
    const refused = refusal(req.method, req.headers);
    if (refused) {
      // Connection: close, so a body left unread does not keep the socket.
      res.writeHead(refused.status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end(refused.text);
      return;
    }
    void withAnswerStatus(req, res, () => handle(req, res));
  });
  await new Promise((resolve) => server.listen(port, hostname, resolve));
  writeServerPid(dbPath);
  process.on("exit", () => removeServerPid(dbPath));
  log.info({ event: "server.listening", url: `http://${hostname}:${port}`, trustedHops: env.TRUSTED_PROXY_HOPS, mode: env.KOHTAAMO_ENV }, "listening");
  return server;
}

/**
 * Stops taking requests, lets those in flight finish, lets the app finish the
 * mail batch it is sending and close the database, then exits.
 */
async function shutDown(server, signal) {
  log.info({ event: "server.stopping", signal }, "stopping");
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const deadline = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
  await Promise.race([closed, deadline]);
  server.closeAllConnections();
  // Registered by the app's boot code (lib/server/boot.ts), in this same process.
  await globalThis.__kohtaamoShutdown?.();
  log.info({ event: "server.stopped" }, "stopped");
  process.exit(0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
  const env = envOrExit(process.env);
  const server = await serve(env, { port: Number(values.port ?? env.PORT), hostname: values.hostname ?? env.HOST });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (!stopping) void shutDown(server, signal);
      stopping = true;
    });
  }
}
