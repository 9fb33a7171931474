import "server-only";
import QRCode from "qrcode";
import { feedbackUrl } from "./invite";

export type FeedbackQr = { url: string; qr: string };

/** The QR code a facilitator shows when closing: the feedback form's address, the language left to the phone. */
export async function feedbackQr(key: string): Promise<FeedbackQr> {
  const url = feedbackUrl(key);
  return { url, qr: await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}
