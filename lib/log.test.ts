import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log.mjs";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(stream), lines };
}

describe("the log", () => {
  it("writes one JSON line per event", () => {
    const { log, lines } = capture();
    log.info({ event: "outbox.sent", sent: 3 }, "mail sent");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "info", event: "outbox.sent", sent: 3, msg: "mail sent" });
  });

  it("never carries an e-mail address or a token, in fields, errors or the message", () => {
    const { log, lines } = capture();
    const token = "J8ml_DuDMcSjx1ByK2tL1Q-1eqNXQnJDC3XXBpwOgyk";
    log.error(
      { err: new Error("550 mailbox parent@example.com unavailable"), url: `https://kohtaamo.example/fi/manage/${token}` },
      "could not send to maija.meikalainen@example.fi",
    );
    const line = lines.join("");
    expect(line).not.toContain("@example");
    expect(line).not.toContain(token);
    expect(JSON.parse(line).err.message).toBe("550 mailbox [e-mail] unavailable");
  });
});
