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

  it("never carries a phone number, however it is written, and leaves dates, times and ids alone", () => {
    const { log, lines } = capture();
    log.warn(
      { err: new Error("recipient 358401234567 rejected"), typed: "040 123 4567", other: ["+358 50 765 4321", "0457-1234567", "0046701234567"] },
      "could not text +358401234567",
    );
    const line = lines.join("");
    for (const digits of ["358401234567", "123 4567", "765 4321", "1234567", "701234567"]) expect(line).not.toContain(digits);
    expect(JSON.parse(line).err.message).toBe("recipient [phone] rejected");
    expect(JSON.parse(line).msg).toBe("could not text [phone]");

    const { log: log2, lines: lines2 } = capture();
    log2.info({ event: "outbox.sms_batch", outboxId: 1234567, day: "2026-11-05", at: "18:00", note: "batch 20 of 1500" }, "sent 3 at 2026-11-05T10:00:00Z");
    const kept = JSON.parse(lines2[0]!);
    expect(kept).toMatchObject({ outboxId: 1234567, day: "2026-11-05", at: "18:00", note: "batch 20 of 1500", msg: "sent 3 at 2026-11-05T10:00:00Z" });
  });

  it("drops fields named for what a parent wrote or who they are, whatever their shape", () => {
    const { log, lines } = capture();
    log.warn({ event: "booking.odd", bookingId: 7, nickname: "Maija", values: { comment: "Hoitaja kohteli huonosti", partySize: 2 } }, "odd booking");
    const kept = JSON.parse(lines[0]!);
    expect(lines[0]).not.toMatch(/Maija|kohteli/);
    expect(kept).toMatchObject({ bookingId: 7, nickname: "[redacted]", values: { comment: "[redacted]", partySize: 2 } });
  });
});
