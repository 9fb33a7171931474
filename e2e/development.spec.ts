import { test, expect } from "./fixtures";
import { signInAs } from "./pages/Staff";
import { waitForMail } from "./support/mail";
import { createSession, query, run } from "./support/db";

// Contexts opened here play a client of their own (as the fixture does for the test's page), so the rate
// limits count per parent, not for every context of the suite at once.
let client = 0;
const own = (o: { javaScriptEnabled?: boolean } = {}) => ({ ...o, extraHTTPHeaders: { "x-forwarded-for": `198.18.4.${++client % 250}` } });

// Development clients and client panels: after answering, a parent offers to take part in developing the
// service (consent, confirmed from an e-mail, about a year, renewable from a yearly e-mail); planners see
// the confirmed people, audited, and invite them to a panel meeting, a codevelopment session of the schedule.

function feedbackLink(key: string) {
  const id = createSession({ title: "Develop evening", capacity: 6, daysAhead: -0.2 });
  run("INSERT INTO feedback_links (key, session_id, expires_at) VALUES (?, ?, ?)", key, id, Date.now() + 7 * 86_400_000);
}

test("after answering, parents offer to develop the service in three languages, confirm from an e-mail, and the yearly e-mail's link keeps or deletes their details", async ({ browser, page, expectAccessible }) => {
  feedbackLink("developKey01");
  const stamp = Date.now();
  const cases = [
    ["fi", "Hyvä", "Lähetä", "Kyllä, haluan kehittää palvelua", "Sähköpostiosoite", /^Annan suostumukseni/, "Ilmoittaudu", "Tarvitsemme suostumuksesi, jotta voimme kutsua sinut.", /^Kiitos! Lähetimme sinulle sähköpostin/],
    ["sv", "Bra", "Skicka", "Ja, jag vill utveckla tjänsten", "E-postadress", /^Jag ger mitt samtycke/, "Anmäl mig", "Vi behöver ditt samtycke för att kunna bjuda in dig.", /^Tack! Vi har skickat ett e-postmeddelande/],
    ["en", "Good", "Send", "Yes, I would like to help develop the service", "E-mail address", /^I give my consent/, "Sign me up", "We need your consent to invite you.", /^Thank you! We have sent you an e-mail/],
  ] as const;
  for (const [locale, face, send, offer, email, consent, submit, needConsent, done] of cases) {
    const context = await browser.newContext(own({ javaScriptEnabled: locale !== "fi" }));
    const p = await context.newPage();
    await p.goto(`/${locale}/feedback/developKey01`);
    await p.getByText(face, { exact: true }).click();
    await p.getByRole("button", { name: send }).click();
    await p.getByRole("link", { name: offer }).click();
    await p.getByLabel(email).fill(`dev${locale}${stamp}@example.fi`);
    // What happens to the details is a link away, next to the consent.
    await expect(p.locator(`#consent-hint a[href="/${locale}/privacy#development"]`)).toBeVisible();
    await p.getByRole("button", { name: submit }).click();
    await expect(p.getByText(needConsent)).toBeVisible();
    await expect(p.getByLabel(email)).toHaveValue(`dev${locale}${stamp}@example.fi`);
    await p.getByLabel(consent).check();
    await p.getByRole("button", { name: submit }).click();
    await expect(p.getByRole("status").filter({ hasText: done })).toBeVisible();
    await context.close();
  }
  // Kept only as waiting for confirmation: nobody is invited before the address's owner opens the link.
  const rows = query<{ email: string; languages: string; locale: string; confirmed_on: number | null }>(
    "SELECT email, languages, locale, confirmed_on FROM development_clients WHERE email LIKE ? ORDER BY email",
    `dev%${stamp}@example.fi`,
  );
  expect(rows.map((r) => [r.locale, JSON.parse(r.languages), r.confirmed_on])).toEqual([
    ["en", ["en"], null],
    ["fi", ["fi"], null],
    ["sv", ["sv"], null],
  ]);

  // The confirmation e-mail, neutral, in the parent's language; its link confirms.
  const address = `deven${stamp}@example.fi`;
  const confirm = await waitForMail(address, "Kohtaamo: confirm your e-mail address");
  expect(`${confirm.subject} ${confirm.text}`).not.toMatch(/child protection/i);
  const confirmLink = /http:\/\/localhost:\d+(\/en\/develop\/[A-Za-z0-9_-]{43})/.exec(confirm.text ?? "")![1]!;
  await page.goto(confirmLink);
  await expect(page.getByText(/^Confirm that you would like to develop the service with us/)).toBeVisible();
  await expectAccessible();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Thank you, you are signed up!/ })).toBeVisible();
  expect(query<{ confirmed_on: number | null }>("SELECT confirmed_on FROM development_clients WHERE email = ?", address)[0]!.confirmed_on).not.toBeNull();

  // A year on, a month before the details go: the renewal e-mail, with a neutral subject (made due now here).
  run("UPDATE outbox SET not_before = ?, next_attempt_at = ? WHERE kind = 'development_renewal' AND recipient = ?", Date.now(), Date.now(), address);
  const mail = await waitForMail(address, "Kohtaamo: keep your contact details?");
  const link = /http:\/\/localhost:\d+(\/en\/develop\/[A-Za-z0-9_-]{43})/.exec(mail.text ?? "")![1]!;
  await page.goto(link);
  await expect(page.getByText(/^Your details are kept until/)).toBeVisible();
  await expectAccessible();
  await page.getByRole("button", { name: "Keep them for another year" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Thank you! Your details are now kept until/ })).toBeVisible();
  await page.getByRole("button", { name: "Delete my details now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your details have been deleted." })).toBeVisible();
  expect(query("SELECT id FROM development_clients WHERE email = ?", address)).toEqual([]);
});

test("a planner sees the development clients (audited) and invites them to a client panel in the schedule", async ({ page, expectAccessible }) => {
  const stamp = Date.now();
  const email = `panel${stamp}@example.fi`;
  run(
    "INSERT INTO development_clients (email, languages, locale, token_hash, consented_on, confirmed_on, delete_after) VALUES (?, '[\"sv\",\"somali\"]', 'sv', ?, ?, ?, ?)",
    email,
    `hash-${stamp}`,
    Date.now() - 86_400_000,
    Date.now() - 86_400_000,
    Date.now() + 364 * 86_400_000,
  );
  // One who has not confirmed yet is not shown.
  const waiting = `waiting${stamp}@example.fi`;
  run(
    "INSERT INTO development_clients (email, languages, locale, token_hash, consented_on, delete_after) VALUES (?, '[\"fi\"]', 'fi', ?, ?, ?)",
    waiting,
    `hash-w-${stamp}`,
    Date.now() - 86_400_000,
    Date.now() + 6 * 86_400_000,
  );
  const panel = createSession({ title: "Client panel", capacity: 10, kind: "codevelopment", daysAhead: 9 });
  await signInAs(page, "planner@kohtaamo.local");
  await page.goto("/en/plan");
  await page.getByRole("link", { name: "Development clients" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Development clients and client panels" })).toBeVisible();
  const row = page.getByTestId("development-clients").getByRole("row", { name: new RegExp(email) });
  await expect(row).toContainText("sv, somali");
  await expectAccessible();
  await expect(page.getByTestId("development-clients")).not.toContainText(waiting);
  expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'development.list'")[0]!.n).toBeGreaterThan(0);

  // Refused without a session: the person chosen stays chosen.
  await page.getByRole("checkbox", { name: `Invite ${email}` }).check();
  await page.getByRole("button", { name: "Send the invitations" }).click();
  await expect(page.getByText("Choose a session.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: `Invite ${email}` })).toBeChecked();
  await page.getByLabel("Session", { exact: true }).selectOption(String(panel));
  await page.getByRole("button", { name: "Send the invitations" }).click();
  await expect(page.getByText("Invitations sent: 1.")).toBeVisible();
  await expect(page.getByTestId("development-clients").getByRole("row", { name: new RegExp(email) })).toContainText("Client panel");
  const mail = await waitForMail(email, "Kohtaamo: en inbjudan");
  expect(mail.text).toContain(`/sv/sessions/${panel}`);
  expect(query("SELECT action FROM audit_log WHERE action = 'development.invite' AND subject_id = ?", String(panel))).toEqual([{ action: "development.invite" }]);
});
