import { SegmentedMessage } from "sms-segments-calculator";

/*
 * The one thing Kohtaamo asks of an SMS provider: send this text to this
 * number, and say whether it was taken. Any answer but "taken" is a failure
 * the outbox retries later. Adding a provider means one more function that
 * returns an SmsProvider, and one more value of SMS_PROVIDER (lib/env.mjs).
 */

export type SmsMessage = { /** E.164, "+358401234567" */ to: string; text: string };
export type SmsProvider = { send(message: SmsMessage): Promise<{ id: string }> };

export type GatewayApiOptions = {
  /** The API's base address: https://gatewayapi.eu, or the local catcher's. */
  url: string;
  token: string;
  sender: string;
  timeoutMs?: number;
};

/** "+358401234567" as GatewayAPI's msisdn: the digits with the country code, as a number. */
export function msisdn(e164: string): number {
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) throw new Error("not an E.164 number");
  return Number(e164.slice(1));
}

/** Whether a text goes as GSM-7 (160 characters a message) or needs UCS-2 (70). */
export function smsEncoding(text: string): "GSM-7" | "UCS-2" {
  return new SegmentedMessage(text, "auto").encodingName === "GSM-7" ? "GSM-7" : "UCS-2";
}

/**
 * GatewayAPI (gatewayapi.eu): POST /rest/mtsms with the token in the
 * Authorization header, answered 200 with the message's id.
 */
export function gatewayApi(o: GatewayApiOptions): SmsProvider {
  const endpoint = `${o.url.replace(/\/$/, "")}/rest/mtsms`;
  return {
    async send({ to, text }) {
      const body = {
        sender: o.sender,
        message: text,
        recipients: [{ msisdn: msisdn(to) }],
        // GSM-7 is the default; a text with a character outside it must say so or arrive garbled.
        ...(smsEncoding(text) === "UCS-2" ? { encoding: "UCS2" } : {}),
      };
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Token ${o.token}` },
        body: JSON.stringify(body),
        // Short: a provider that does not answer holds only the text lane, and only for seconds; the text is tried again later.
        signal: AbortSignal.timeout(o.timeoutMs ?? 5_000),
      });
      const answer = (await response.json().catch(() => null)) as { ids?: unknown; message?: unknown } | null;
      const id = Array.isArray(answer?.ids) ? answer.ids[0] : undefined;
      if (response.status !== 200 || (typeof id !== "number" && typeof id !== "string")) {
        // The provider's own words, never the number or the text: this goes into the outbox row and the log.
        const reason = typeof answer?.message === "string" ? `: ${answer.message.slice(0, 200)}` : "";
        throw new Error(`SMS provider answered ${response.status}${reason}`);
      }
      return { id: String(id) };
    },
  };
}

/** The provider the settings name, or null when text messages are off. */
export function smsProviderFrom(cfg: { SMS_PROVIDER: "gatewayapi" | "none"; SMS_API_URL: string; SMS_API_TOKEN?: string; SMS_SENDER: string }): SmsProvider | null {
  if (cfg.SMS_PROVIDER === "gatewayapi" && cfg.SMS_API_TOKEN) {
    return gatewayApi({ url: cfg.SMS_API_URL, token: cfg.SMS_API_TOKEN, sender: cfg.SMS_SENDER });
  }
  return null;
}

/** Whether parents are offered text messages: a provider is set up (lib/env.mjs checks its token). */
export const textMessagesOn = (cfg: { SMS_PROVIDER: "gatewayapi" | "none" }) => cfg.SMS_PROVIDER !== "none";
