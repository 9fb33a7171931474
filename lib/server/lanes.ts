import "server-only";
import type { DB } from "@/db/client";
import { log } from "@/lib/log.mjs";
import { deliverDueMail, type Composer, type MailTransport } from "@/lib/mail/sender";
import type { SmsProvider } from "@/lib/sms/provider";
import { deliverDueSms, type SmsComposer } from "@/lib/sms/sender";

/*
 * The background work runs in lanes that cannot hold each other up: e-mail
 * (sign-in links among it), text messages, and the housekeeping (retention,
 * backups). Each lane has its own timer and does one round at a time; a
 * provider that hangs or keeps failing holds only its own lane, which then
 * waits longer and longer before its next round. The outbox keeps every
 * message meanwhile: nothing is lost, it goes when the provider is back.
 */

/** What a round says: `failing` when the provider took nothing and refused something, so the lane backs off. */
type Round = { failing: boolean } | void;

export type Lane = { stop(): Promise<void> };

/** Waits 15 s after a failing round, doubling up to ten minutes; a good round starts again from nothing. */
export function laneBackoffMs(failingRounds: number): number {
  return failingRounds === 0 ? 0 : Math.min(15_000 * 2 ** (failingRounds - 1), 600_000);
}

/** Runs `round` every intervalMs, never two at once, backing off while it fails. */
export function startLane(name: string, intervalMs: number, round: () => Promise<Round>): Lane {
  let running: Promise<void> | null = null;
  let failing = 0;
  let notBefore = 0;
  const work = async () => {
    try {
      const result = await round();
      failing = result?.failing ? failing + 1 : 0;
    } catch (error) {
      failing++;
      log.error({ event: "background.failed", lane: name, err: error }, "background work failed, will retry");
    }
    notBefore = Date.now() + laneBackoffMs(failing);
    if (failing > 0) log.warn({ event: "lane.backoff", lane: name, failing, waitMs: laneBackoffMs(failing) }, "lane waits before its next round");
  };
  const tick = () => {
    if (Date.now() < notBefore) return;
    running ??= work().finally(() => (running = null));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

const failingRound = (o: { sent: number; failed: number }) => ({ failing: o.failed > 0 && o.sent === 0 });

/** The e-mail lane: every due message through SMTP. */
export function startMailLane(db: DB, transport: MailTransport, compose: Composer, intervalMs: number): Lane {
  return startLane("email", intervalMs, async () => {
    const outcome = await deliverDueMail(db, transport, compose);
    if (outcome.sent || outcome.failed || outcome.dropped) log.info({ event: "outbox.batch", ...outcome }, "outbox batch");
    return failingRound(outcome);
  });
}

/** The text-message lane: every due text through the SMS provider, with its daily cap and countries. */
export function startSmsLane(
  db: DB,
  provider: SmsProvider,
  compose: SmsComposer,
  o: { dailyCap: number; countries: readonly string[]; intervalMs: number },
): Lane {
  return startLane("sms", o.intervalMs, async () => {
    const outcome = await deliverDueSms(db, provider, compose, { dailyCap: o.dailyCap, countries: o.countries });
    if (outcome.sent || outcome.failed || outcome.dropped || outcome.capped) log.info({ event: "outbox.sms_batch", ...outcome }, "text message batch");
    return failingRound(outcome);
  });
}

export type Delivery = {
  transport: MailTransport | null;
  composeMail: Composer;
  sms: SmsProvider | null;
  composeSms: SmsComposer;
  smsDailyCap: number;
  smsCountries: readonly string[];
  intervalMs: number;
};

/** The outbox's two lanes, as the server runs them: e-mail and text messages side by side, neither waiting for the other. */
export function startDelivery(db: DB, d: Delivery): Lane[] {
  const lanes: Lane[] = [];
  if (d.transport) lanes.push(startMailLane(db, d.transport, d.composeMail, d.intervalMs));
  if (d.sms) lanes.push(startSmsLane(db, d.sms, d.composeSms, { dailyCap: d.smsDailyCap, countries: d.smsCountries, intervalMs: d.intervalMs }));
  return lanes;
}
