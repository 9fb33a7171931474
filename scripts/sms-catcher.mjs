// A local stand-in for GatewayAPI's SMS API (POST /rest/mtsms): the demo's and the tests'
// phone. It checks the token and the request as GatewayAPI does, answers as it does, and
// keeps every message as a text file, so the app's real client code runs end to end.
// Usage: node scripts/sms-catcher.mjs [port] [dir] [token]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

/** The token `npm start` and the e2e server give both the catcher and the app; any value works locally. */
export const CATCHER_TOKEN = "local-sms-catcher";

const refuse = (res, status, code, message) => {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ code, message }));
};

/** What makes a request one GatewayAPI would take, or the reason it would not. */
function problemWith(body) {
  if (!body || typeof body !== "object") return "the body is not a JSON object";
  if (typeof body.message !== "string" || body.message.length === 0) return "message is missing";
  if (body.sender !== undefined && (typeof body.sender !== "string" || !/^[A-Za-z0-9]{1,11}$/.test(body.sender))) return "sender must be 1 to 11 letters or digits";
  if (!Array.isArray(body.recipients) || body.recipients.length === 0) return "recipients is missing";
  for (const r of body.recipients) {
    if (typeof r?.msisdn !== "number" || !Number.isSafeInteger(r.msisdn) || r.msisdn < 1_000_000) return "msisdn must be a number with the country code";
  }
  return null;
}

/**
 * @param {{ port?: number, dir?: string, host?: string, token?: string }} [o]
 * @returns {Promise<http.Server>} listening; `server.address().port` tells the port when 0 was asked
 */
export function startSmsCatcher({ port = 2580, dir = "data/sms", host = "127.0.0.1", token = CATCHER_TOKEN } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/rest/mtsms") return refuse(res, 404, "0x0404", "not found");
    if (req.headers.authorization !== `Token ${token}`) return refuse(res, 401, "0x0213", "unauthorized");
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return refuse(res, 400, "0x0001", "invalid JSON");
      }
      const problem = problemWith(body);
      if (problem) return refuse(res, 422, "0x0002", problem);
      const ids = [];
      for (const r of body.recipients) {
        const id = Number(`${Date.now() % 1e9}${String(++n).padStart(3, "0")}`);
        ids.push(id);
        const text = [`To: +${r.msisdn}`, `From: ${body.sender ?? ""}`, `Encoding: ${body.encoding ?? "UTF8"}`, `Id: ${id}`, "", body.message, ""].join("\n");
        // Named like the mail catcher's files: the time caught first, then the recipient, so a test can pick its own.
        fs.writeFileSync(path.join(dir, `${Date.now()}-${process.pid}-${n}-${r.msisdn}.txt`), text);
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ ids }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 2580);
  const dir = path.resolve(process.argv[3] ?? "data/sms");
  await startSmsCatcher({ port, dir, token: process.argv[4] ?? CATCHER_TOKEN });
  console.log(`[sms] catching GatewayAPI requests on http://localhost:${port}, messages in ${dir}`);
}
