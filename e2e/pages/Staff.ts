import { expect, type Page } from "@playwright/test";
import { waitForMail } from "../support/mail";

/**
 * Signs a member of staff in the way they do it: the form, then the link from
 * the e-mail. A newer link makes older ones useless, so when a test running
 * beside this one signed the same person in between (or both took the same
 * mail), ask again after a pause of a random length, as a person would.
 * Fails loudly when it never gets in, rather than letting the test go on signed out.
 */
export async function signInAs(page: Page, email: string, locale: "fi" | "sv" | "en" = "en") {
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.goto(`/${locale}/staff/sign-in`);
    await page.getByRole("textbox", { name: /E-mail|Sähköposti|E-post/ }).fill(email);
    const requested = Date.now();
    await page.getByRole("button", { name: /sign-in link|kirjautumislinkki|inloggningslänk/i }).click();
    await expect(page.getByRole("heading", { name: /Check your e-mail|Tarkista sähköpostisi|Kontrollera din e-post/ })).toBeVisible();
    const mail = await waitForMail(email, /Sign in to Kohtaamo|Kirjautuminen Kohtaamoon|Inloggning till Kohtaamo/, requested);
    const link = mail.text!.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0];
    await page.goto(link);
    const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
    if (session?.user?.email === email) return mail;
    await page.waitForTimeout(200 + Math.random() * 1500);
  }
  throw new Error(`${email} could not sign in: every link was made useless by a newer one`);
}
