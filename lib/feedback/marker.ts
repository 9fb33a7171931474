import "server-only";
import { keyedMarker } from "@/lib/secret";

/*
 * One answer per device per session, without a way to follow a device: the
 * marker is an HMAC, under a key only the server holds, of the session and the
 * device's random cookie. The same phone gives unrelated markers in two
 * sessions, and without the key nobody can test a cookie against the table.
 */
export function feedbackMarker(sessionId: number, deviceId: string): string {
  return keyedMarker("feedback-marker", `${sessionId}:${deviceId}`);
}
