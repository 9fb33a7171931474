import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/*
 * One answer per device per session, without a way to follow a device: the
 * marker is an HMAC, under a key only the server holds, of the session and the
 * device's random cookie. The same phone gives unrelated markers in two
 * sessions, and without the key nobody can test a cookie against the table.
 */
let key: Buffer | undefined;

function markerKey(): Buffer {
  // Derived, so the signing secret itself never keys anything else.
  key ??= createHmac("sha256", authSecret()).update("kohtaamo:feedback-marker").digest();
  return key;
}

export function feedbackMarker(sessionId: number, deviceId: string): string {
  return createHmac("sha256", markerKey()).update(`${sessionId}:${deviceId}`).digest("base64url");
}
