import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "localhost", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type ExtraServer = { url: string; dir: string; dbPath: string; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<number | null> };

/**
 * A second production server of the same build, on a fresh directory of its
 * own, for tests of how the app starts, stops and runs in production.
 */
export async function startServer(env: Record<string, string>, o: { dir?: string; waitFor?: string } = {}): Promise<ExtraServer> {
  const dir = o.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-extra-"));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const dbPath = path.join(dir, "kohtaamo.db");
  let log = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "scripts/server.mjs"), "--port", String(port), "--hostname", "localhost"], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: dbPath, APP_URL: url, OUTBOX_INTERVAL_MS: "250", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped at start:\n${log}`);
    try {
      const res = await fetch(`${url}${o.waitFor ?? "/api/health/live"}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dir,
    dbPath,
    output: () => log,
    stop: async (signal = "SIGTERM") => {
      child.kill(signal);
      return exited;
    },
  };
}
