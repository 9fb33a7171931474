import fs from "node:fs";
import http from "node:http";
import type { AddressInfo, Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DB } from "@/db/client";
import { outbox } from "@/db/schema";
import { composeMail } from "@/lib/booking/mail";
import { composeSms } from "@/lib/booking/sms";
import { createBooking } from "@/lib/booking/writes";
import { queueMail } from "@/lib/mail/outbox";
import { smtpTransport } from "@/lib/mail/sender";
import { gatewayApi } from "@/lib/sms/provider";
import { addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { startMailCatcher } from "@/scripts/mail-catcher.mjs";
import { startDelivery, startLane, type Lane } from "./lanes";

vi.stubEnv("AUTH_SECRET", "unit-test-secret");

/** Checks `ready` every 50 ms until it holds; the test's own time-out ends a wait that never does. */
async function until<T>(ready: () => T | undefined | null | false): Promise<T> {
  for (;;) {
    const value = ready();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let db: DB;
let lanes: Lane[] = [];
const servers: Server[] = [];
const closing: (() => void)[] = [];
beforeEach(() => {
  db = testDb();
});
afterEach(async () => {
  // The hanging provider lets go first, so the text lane's round in flight can end.
  for (const s of servers) (s as http.Server).closeAllConnections?.();
  await Promise.all(lanes.splice(0).map((l) => l.stop()));
  for (const close of closing.splice(0)) close();
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

describe("the outbox's lanes", () => {
  it("sends a sign-in link at once while the SMS provider hangs, and keeps the text for later", { timeout: 30_000 }, async () => {
    // The SMS provider: takes the connection and the request, and never answers.
    const hanging: http.IncomingMessage[] = [];
    const provider = http.createServer((request) => void hanging.push(request));
    await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
    servers.push(provider);
    const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-lanes-mail-"));
    const catcher = await startMailCatcher({ port: 0, dir: mailDir });
    servers.push(catcher.server);

    // A text first: a booking with only a phone number.
    const session = addSession(db, { placeId: addPlace(db).id });
    expect(createBooking(db, bookingInput(session.id, { phone: "+358401234567" })).ok).toBe(true);
    const transport = smtpTransport(`smtp://127.0.0.1:${(catcher.server.address() as AddressInfo).port}`);
    closing.push(() => (transport as unknown as { close(): void }).close());
    lanes = startDelivery(db, {
      transport,
      composeMail,
      // A minute's patience: longer than this test waits for the e-mail, so only a lane of its own gets it out.
      sms: gatewayApi({ url: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`, token: "t", sender: "Kohtaamo", timeoutMs: 60_000 }),
      composeSms,
      smsDailyCap: 5,
      smsCountries: ["FI"],
      intervalMs: 50,
    });
    await until(() => hanging.length > 0);

    // Then a staff member asks for a sign-in link, with the provider still hanging.
    queueMail(db, {
      kind: "staff_sign_in",
      recipient: "planner@kohtaamo.example",
      notBefore: new Date(),
      rendered: { subject: "Kirjautuminen", text: "http://localhost:3000/api/auth/callback/nodemailer?token=abc" },
    });
    const mail = await until(() => fs.readdirSync(mailDir).find((f) => f.includes("planner@kohtaamo.example")));
    expect(fs.readFileSync(path.join(mailDir, mail), "utf8")).toContain("Kirjautuminen");
    // Marked sent once the server's answer is in (a moment after the catcher wrote the file).
    await until(() => db.select().from(outbox).where(eq(outbox.kind, "staff_sign_in")).get()?.sentAt);

    // The text is still waiting, neither sent nor lost.
    const text = () => db.select().from(outbox).where(eq(outbox.channel, "sms")).get()!;
    expect(text()).toMatchObject({ sentAt: null, droppedAt: null, attempts: 0 });
    // The provider drops the connection: the attempt fails and the text is kept for a later try.
    provider.closeAllConnections();
    const failed = await until(() => (text().attempts > 0 ? text() : null));
    expect(failed).toMatchObject({ sentAt: null, droppedAt: null, attempts: 1 });
    expect(failed.lastError).toBeTruthy();
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("a lane whose provider keeps failing", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits longer after each failing round, and goes back to its pace after a good one", async () => {
    let rounds = 0;
    let failing = true;
    const lane = startLane("test", 1_000, async () => {
      rounds++;
      return { failing };
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds).toBe(1);
    // Failed: no new round for 15 seconds, though the timer ticks every second.
    await vi.advanceTimersByTimeAsync(14_000);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rounds).toBe(2);
    // Failed again (at 15 s): 30 seconds now.
    await vi.advanceTimersByTimeAsync(29_000);
    expect(rounds).toBe(2);
    failing = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rounds).toBe(3);
    // A good round: every tick again.
    await vi.advanceTimersByTimeAsync(3_000);
    expect(rounds).toBe(6);
    await lane.stop();
  });
});
