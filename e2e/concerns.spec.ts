import { randomBytes } from "node:crypto";
import { test, expect } from "./fixtures";
import { waitForMail } from "./support/mail";
import { createSession, query, run } from "./support/db";

const DAY = 86_400_000;

test("a parent's concern reaches a planner at once, who signs in by the link, takes it, contacts the parent and resolves it", async ({ browser, page, expectAccessible }) => {
  // A planner of this test's own, so no other test's sign-in makes their link useless.
  const planner = `concerns${randomBytes(4).toString("hex")}@kohtaamo.local`;
  run("INSERT INTO users (id, email, name, role, locale) VALUES (?, ?, 'Paula Planner', 'planner', 'en')", `concerns-${planner}`, planner);
  const sessionId = createSession({ title: "Concern evening", capacity: 5, daysAhead: -0.05 });
  const key = randomBytes(9).toString("base64url");
  run("INSERT INTO feedback_links (key, session_id, expires_at) VALUES (?, ?, ?)", key, sessionId, Date.now() + 7 * DAY);
  const [place] = query<{ name: string }>("SELECT name FROM places WHERE slug = 'jarvenpaa'");

  // The parent, on a phone without JavaScript.
  const phone = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB", extraHTTPHeaders: { "x-forwarded-for": "203.0.113.71" } });
  const parent = await phone.newPage();
  await parent.goto(`/en/feedback/${key}`);
  await parent.getByLabel("I or my child were treated badly, and I want to tell you about it").check();
  const concernText = "My daughter was shouted at in the waiting room.";
  await parent.getByLabel("Tell us about your concern").fill(concernText);
  await parent.getByLabel(/If you want us to contact you/).fill("040 555 0199");
  const sent = Date.now();
  await parent.getByRole("button", { name: "Send" }).click();
  await expect(parent.getByRole("heading", { name: "Thank you for your feedback!" })).toBeVisible();
  await phone.close();
  const [concern] = query<{ id: number }>("SELECT id FROM concerns WHERE session_id = ?", sessionId);

  // Within 30 seconds the planner has a neutral e-mail that links to the concern and says nothing of it.
  const mail = await waitForMail(planner, "A new message is waiting in Kohtaamo", sent - 1000);
  expect(Date.now() - sent).toBeLessThan(30_000);
  const body = `${mail.subject}\n${mail.text}`;
  expect(body).toContain(`/en/plan/feedback/concerns/${concern!.id}`);
  for (const secret of [concernText, "shouted", "555 0199", place!.name, "Järvenpää", "Concern evening"]) expect(body).not.toContain(secret);
  const link = mail.text!.match(/https?:\/\/\S+\/plan\/feedback\/concerns\/\d+/)![0];

  // Not signed in: the link asks them to sign in, and the sign-in link brings them back to the concern.
  await page.goto(link);
  await expect(page).toHaveURL(/\/en\/staff\/sign-in\?next=/);
  await expectAccessible();
  await page.getByRole("textbox", { name: "E-mail" }).fill(planner);
  const asked = Date.now();
  await page.getByRole("button", { name: /sign-in link/i }).click();
  const signIn = await waitForMail(planner, /Sign in to Kohtaamo/, asked);
  await page.goto(signIn.text!.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0]);
  await expect(page).toHaveURL(new RegExp(`/en/plan/feedback/concerns/${concern!.id}$`));
  await expect(page.getByRole("heading", { name: `Concern #${concern!.id}` })).toBeVisible();
  await expect(page.getByText(concernText)).toBeVisible();
  await expect(page.getByText("No owner yet")).toBeVisible();
  await expect(page.getByText(/^Reply by /)).toBeVisible();
  await expectAccessible();

  // Takes it, records the contact, resolves it.
  await page.getByRole("button", { name: "Take this concern" }).click();
  await expect(page.getByText("You took the concern.")).toBeVisible();
  await expect(page.getByText("Owner: Paula Planner")).toBeVisible();
  await expect(page.getByText(/^First response /)).toBeVisible();
  await page.getByLabel("Write what was done").fill("Called the parent; a meeting is agreed.");
  await page.getByLabel("Status").selectOption("contacted");
  await page.getByRole("button", { name: "Record the action" }).click();
  await expect(page.getByText("The action has been recorded.")).toBeVisible();
  await page.getByLabel("Write what was done").fill("Met the parent and the unit; settled.");
  await page.getByLabel("Status").selectOption("resolved");
  await page.getByRole("button", { name: "Record the action" }).click();
  await expect(page.getByText("Met the parent and the unit; settled.")).toBeVisible();
  await expectAccessible();
  expect(query("SELECT status, owner_id IS NOT NULL AS owned, first_response_at IS NOT NULL AS answered FROM concerns WHERE id = ?", concern!.id)).toEqual([
    { status: "resolved", owned: 1, answered: 1 },
  ]);

  // Each step is on the audit log.
  const [me] = query<{ id: string }>("SELECT id FROM users WHERE email = ?", planner);
  await page.goto(`/en/plan/audit?actor=${me!.id}`);
  const rows = page.getByRole("row").filter({ hasText: `concern ${concern!.id}` });
  for (const step of ["Concern opened", "Concern taken", "Action recorded on a concern", "Concern status changed"]) {
    await expect(rows.filter({ hasText: step }).first()).toBeVisible();
  }
  await expect(rows.filter({ hasText: "to: contacted" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "to: resolved" })).toHaveCount(1);
  await expectAccessible();
});

test("the planners' concern queue puts an overdue concern first, marked in words", async ({ page, expectAccessible }) => {
  const planner = `queue${randomBytes(4).toString("hex")}@kohtaamo.local`;
  run("INSERT INTO users (id, email, name, role, locale) VALUES (?, ?, 'Jonna Jono', 'planner', 'fi')", `queue-${planner}`, planner);
  const sessionId = createSession({ title: "Queue evening", capacity: 5, daysAhead: -0.05 });
  // Received ten days ago and never answered: long past its due day. A newer one, still in time.
  const tenDaysAgo = Date.now() - 10 * DAY;
  run(
    "INSERT INTO concerns (session_id, text, locale, status, created_at, due_at) VALUES (?, 'Minua ei kuunneltu tapaamisessa, vaikka pyysin.', 'fi', 'new', ?, ?)",
    sessionId,
    tenDaysAgo,
    tenDaysAgo + 2 * DAY,
  );
  run("INSERT INTO concerns (session_id, text, locale, status, created_at, due_at) VALUES (?, 'Odotustila oli ahdas lastenvaunuille.', 'fi', 'new', ?, ?)", sessionId, Date.now(), Date.now() + 2 * DAY);

  await page.goto("/fi/staff/sign-in");
  await page.getByRole("textbox", { name: "Sähköposti" }).fill(planner);
  const asked = Date.now();
  await page.getByRole("button", { name: /kirjautumislinkki/i }).click();
  const signIn = await waitForMail(planner, /Kirjautuminen Kohtaamoon/, asked);
  await page.goto(signIn.text!.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0]);

  // The front page says that something is overdue.
  await page.goto("/fi/plan");
  await expect(page.getByText(/myöhässä\./)).toBeVisible();
  await page.goto("/fi/plan/feedback");
  const queue = page.getByRole("region", { name: /^Huolet/ });
  const first = queue.getByRole("listitem").first();
  await expect(first.getByText("Myöhässä", { exact: true })).toBeVisible();
  await expect(first).toContainText("Minua ei kuunneltu tapaamisessa");
  await expect(queue.getByRole("listitem").filter({ hasText: "Odotustila oli ahdas" }).getByText("Myöhässä", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Huolten hoito valitulla ajalla" })).toBeVisible();
  await expectAccessible();
  await queue.screenshot({ path: "docs/screenshots/concern-queue-fi.png" });
});

test("a planner gives a mobile number and the places they answer for on the staff page", async ({ page, expectAccessible }) => {
  const planner = `notice${randomBytes(4).toString("hex")}@kohtaamo.local`;
  run("INSERT INTO users (id, email, name, role, locale) VALUES (?, ?, 'Niko Notice', 'planner', 'en')", `notice-${planner}`, planner);
  await page.goto("/en/staff/sign-in");
  await page.getByRole("textbox", { name: "E-mail" }).fill(planner);
  const asked = Date.now();
  await page.getByRole("button", { name: /sign-in link/i }).click();
  const signIn = await waitForMail(planner, /Sign in to Kohtaamo/, asked);
  await page.goto(signIn.text!.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0]);

  await page.goto("/en/plan/staff");
  const mine = page.getByRole("form", { name: "Notices: Niko Notice" });
  // A landline cannot take a text message: said next to the field, with what was typed kept.
  await mine.getByLabel("Mobile number for text messages").fill("09 123 4567");
  await mine.getByLabel("Kohtaamo Tikkurila").check();
  await mine.getByRole("button", { name: "Save notice settings" }).click();
  await expect(mine.getByText(/Write the phone number in digits/)).toBeVisible();
  await expect(mine.getByLabel("Mobile number for text messages")).toHaveValue("09 123 4567");
  await expect(mine.getByLabel("Kohtaamo Tikkurila")).toBeChecked();
  await expectAccessible();
  await mine.getByLabel("Mobile number for text messages").fill("040 123 4567");
  await mine.getByRole("button", { name: "Save notice settings" }).click();
  await expect(page.getByText("Notice settings saved.")).toBeVisible();
  const [me] = query<{ id: string; phone: string }>("SELECT id, phone FROM users WHERE email = ?", planner);
  expect(me!.phone).toBe("+358401234567");
  expect(query("SELECT p.slug FROM place_planners pp JOIN places p ON p.id = pp.place_id WHERE pp.user_id = ?", me!.id)).toEqual([{ slug: "tikkurila" }]);
  await expect(page.getByRole("form", { name: "Notices: Niko Notice" }).getByLabel("Mobile number for text messages")).toHaveValue("+358401234567");
  await expectAccessible();
  // Leave the demo's Tikkurila to everyone again, for the tests beside this one.
  run("DELETE FROM place_planners WHERE user_id = ?", me!.id);
});
