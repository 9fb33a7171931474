"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { allowAttempt } from "@/lib/http/rate-limit";
import { clientAddress } from "@/lib/http/client-address";
import { localeOf } from "@/lib/forms";
import { signIn, signOut } from "./config";
import { staffReturnPath } from "./links";
import { sendSignInLinkIfStaff } from "./sign-in";

export type SignInState = { error?: string; email: string };

const email = z.string().trim().toLowerCase().pipe(z.email({ message: "emailInvalid" }));

/**
 * Sends a sign-in link to an invited address. Every address gets the same
 * answer after the same time (sendSignInLinkIfStaff), so the form does not
 * tell a stranger who works here. A new link makes the earlier ones for that
 * address useless.
 */
export async function requestSignIn(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const raw = String(formData.get("email") ?? "");
  const locale = localeOf(formData);
  const parsed = email.safeParse(raw);
  if (!parsed.success) return { error: "emailInvalid", email: raw };
  if (!(await allowAttempt("signIn", await clientAddress()))) return { error: "rateLimited", email: raw };

  // Back to the page that sent them here (a concern's notice link), if it is one of ours; else their role's front page.
  const next = formData.get("next");
  await sendSignInLinkIfStaff(getDb(), parsed.data, (address, role) =>
    signIn("nodemailer", { email: address, redirect: false, redirectTo: staffReturnPath(next, locale, role) }),
  );
  redirect(`/${locale}/staff/check-email`);
}

export async function signOutAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  await signOut({ redirectTo: `/${locale}/staff/sign-in?signedOut=1` });
}
