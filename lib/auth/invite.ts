import "server-only";
import { getDb } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import type { StaffRole } from "@/db/schema";
import { INVITE_PROVIDER, signIn } from "./config";
import { staffReturnPath } from "./links";
import { forgetEarlierLinks } from "./staff";

/**
 * E-mails an invited member of staff their first sign-in link (valid for a
 * week), in their language. Call it only after the invitation is stored: the
 * link is sent only to an active staff address.
 */
export async function sendInvitation(email: string, locale: Locale, role: StaffRole): Promise<void> {
  forgetEarlierLinks(getDb(), email);
  await signIn(INVITE_PROVIDER, { email, redirect: false, redirectTo: staffReturnPath(null, locale, role) });
}
