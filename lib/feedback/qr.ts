import "server-only";
import QRCode from "qrcode";
import { getDb } from "@/db/client";
import { feedbackUrl } from "./invite";
import { offersProfessionalForm } from "./professionals";

/** `professionals`: the professionals' own form, when the session was for them or they came to it. */
export type FeedbackQr = { url: string; qr: string; professionals?: { url: string; qr: string } };

const svg = (url: string) => QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });

/** The QR code a facilitator shows when closing: the feedback form's address, the language left to the phone. */
export async function feedbackQr(key: string, sessionId?: number): Promise<FeedbackQr> {
  const url = feedbackUrl(key);
  const out: FeedbackQr = { url, qr: await svg(url) };
  if (sessionId !== undefined && offersProfessionalForm(getDb(), sessionId)) {
    const pro = `${url}/pro`;
    out.professionals = { url: pro, qr: await svg(pro) };
  }
  return out;
}
