// A local SMTP server that keeps every message as an .eml file: the demo's and the tests' mailbox.
// Usage: node scripts/mail-catcher.mjs [port] [dir]
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export function startMailCatcher({ port = 2525, dir = "data/mail", host = "127.0.0.1" } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    banner: "Kohtaamo mail catcher",
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on("data", (c) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        const name = `${Date.now()}-${process.pid}-${++n}-${to.replace(/[^a-z0-9@.]/gi, "_")}.eml`;
        fs.writeFileSync(path.join(dir, name), Buffer.concat(chunks));
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 2525);
  const dir = path.resolve(process.argv[3] ?? "data/mail");
  await startMailCatcher({ port, dir });
  console.log(`[mail] catching SMTP on localhost:${port}, messages in ${dir}`);
}
