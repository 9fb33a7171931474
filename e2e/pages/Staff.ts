import { expect, type Page } from "@playwright/test";
import { waitForMail } from "../support/mail";

/**
 * Signs a member of staff in the way they do it: the form, then the link from
 * the e-mail. A newer link makes older ones useless, so when a test running
 * beside this one signed the same person in between, ask again, as a person would.
 */
export async function signInAs(page: Page, email: string, locale: "fi" | "sv" | "en" = "en") {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`/${locale}/staff/sign-in`);
    await page.getByRole("textbox", { name: /E-mail|Sähköposti|E-post/ }).fill(email);
    const requested = Date.now();
    await page.getByRole("button", { name: /sign-in link|kirjautumislinkki|inloggningslänk/i }).click();
    await expect(page.getByRole("heading", { name: /Check your e-mail|Tarkista sähköpostisi|Kontrollera din e-post/ })).toBeVisible();
    const mail = await waitForMail(email, /Sign in to Kohtaamo|Kirjautuminen Kohtaamoon|Inloggning till Kohtaamo/, requested);
    const link = mail.text!.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0];
    await page.goto(link);
    if (!page.url().includes("error=Verification") || attempt === 3) return mail;
  }
}
