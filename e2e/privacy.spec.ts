import fs from "node:fs";
import { test, expect } from "./fixtures";
import { SessionPage } from "./pages/SessionPage";
import { signInAs } from "./pages/Staff";
import { bookingsOf, createSession, query } from "./support/db";

test("the privacy page says who runs the service and what is kept, in three languages, linked from every footer", async ({ page, expectAccessible }) => {
  for (const [locale, link, heading, who] of [
    ["fi", "Tietosuoja", "Tietosuoja: mitä tallennamme ja miksi", "Kohtaamoa ylläpitää Kohtaamo-demo ry."],
    ["sv", "Dataskydd", "Dataskydd: vad vi sparar och varför", "Kohtaamo drivs av Kohtaamo-demo ry."],
    ["en", "Privacy", "Privacy: what we keep and why", "Kohtaamo is run by Kohtaamo-demo ry."],
  ] as const) {
    await page.goto(`/${locale}`);
    await page.getByRole("contentinfo").getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText(who)).toBeVisible();
    await expectAccessible();
  }
  await expect(page.getByText(/is not an authority\. We do not tell child protection/)).toBeVisible();
  await expect(page.getByText(/Nothing about you is stored/)).toBeVisible();
  await expect(page.getByText(/erased 30 days after the last meeting/)).toBeVisible();
  await expect(page.getByText(/erased 90 days after the matter has been dealt with/)).toBeVisible();
  // What the dialogue keeps: a channel and never who, the quiet period's marker, development clients' year.
  await expect(page.getByText(/only the kind of channel .* is kept with the seat, never who/)).toBeVisible();
  await expect(page.getByText(/a code worked out from it \(the visitor code cannot be read back from it\) for \d+ days/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "When you offer to help develop the service" })).toBeVisible();
  await expect(page.getByText(/we first send a confirmation e-mail .* to the end of the same month next year/)).toBeVisible();
});

test("the privacy page names the legal bases, the processors, every right and the Data Protection Ombudsman, in three languages", async ({ page, expectAccessible }) => {
  for (const [locale, basis, processors, ombudsman, mail] of [
    ["fi", /6 artiklan 1 kohdan a alakohta/, "Vastaanottajat ja käsittelijät", "Valitus tietosuojavaltuutetulle", "Sähköposti lähetetään palvelimen localhost kautta."],
    ["sv", /artikel 6\.1 a/, "Mottagare och personuppgiftsbiträden", "Klagomål till dataombudsmannen", "E-post skickas via servern localhost."],
    ["en", /Article 6\(1\)\(a\)/, "Recipients and processors", "Complaint to the Data Protection Ombudsman", "E-mail is sent through the server localhost."],
  ] as const) {
    await page.goto(`/${locale}/privacy`);
    await expect(page.getByText(basis).first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: processors })).toBeVisible();
    await expect(page.getByText(mail)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: ombudsman })).toBeVisible();
    await expect(page.getByRole("link", { name: "tietosuoja.fi" })).toHaveAttribute("href", "https://tietosuoja.fi");
    // One card per kind of data a parent may leave, from lib/privacy/register.ts.
    expect(await page.getByTestId("register-row").count()).toBeGreaterThanOrEqual(8);
    await expectAccessible();
  }
  // English, last: every right and the period the deletion job uses.
  for (const right of [/^know what data there is/, /^have wrong data corrected/, /^have your data deleted/, /^restrict/, /^object/, /machine-readable/, /^withdraw your consent/]) {
    await expect(page.getByRole("listitem").filter({ hasText: right })).toHaveCount(1);
  }
  await expect(page.getByText("Deleted 30 days after the last meeting, or at once when you delete them yourself.").first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a nickname-only booking needs no consent box; the parent downloads, then deletes their details and keeps the seat", async ({ page }) => {
    const id = createSession({ title: "Privacy evening", capacity: 5 });
    const session = new SessionPage(page, "en");
    await session.open(id);
    await expect(page.getByRole("checkbox", { name: /I agree/ })).toHaveCount(0);
    await expect(page.getByText(/If you give an e-mail address, a phone number or needs, we use them only for this booking/)).toBeVisible();
    await expect(page.locator("#data-use").getByRole("link", { name: "How we handle data" })).toHaveAttribute("href", "/en/privacy#booking");
    await page.getByLabel("Accessibility needs").fill("Wheelchair");
    await session.book({ nickname: "Maija", email: "maija.privacy@example.com" });
    const link = await session.manageLink();
    expect(bookingsOf(id)).toMatchObject([{ status: "confirmed", nickname: "Maija", email: "maija.privacy@example.com" }]);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download my details" }).click();
    const file = JSON.parse(fs.readFileSync((await (await download).path())!, "utf8"));
    expect(file.booking).toMatchObject({ nickname: "Maija", email: "maija.privacy@example.com", accessibilityNeeds: "Wheelchair", partySize: 1 });

    await page.getByRole("link", { name: "Delete my details now" }).click();
    await page.getByRole("button", { name: "Yes, erase my details" }).click();
    await expect(page.getByText("Your details have been erased")).toBeVisible();
    await expect(page.getByText("No nickname, e-mail, phone number or needs are stored with this booking.")).toBeVisible();
    expect(bookingsOf(id)).toMatchObject([{ status: "confirmed", partySize: 1, nickname: null, email: null }]);
    expect(query("SELECT accessibility_needs AS needs FROM bookings WHERE session_id = ?", id)).toEqual([{ needs: null }]);
    expect(query("SELECT count(*) AS n FROM outbox WHERE recipient = 'maija.privacy@example.com'")).toEqual([{ n: 0 }]);
    // The link still works, and the seat is still taken.
    await page.goto(link);
    await expect(page.getByText("Status: Confirmed")).toBeVisible();
  });

  test("a bad link leads to the places' contact details", async ({ page }) => {
    await page.goto(`/en/manage/${"x".repeat(43)}`);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await page.getByRole("link", { name: "Kohtaamo Tikkurila" }).click();
    await expect(page.getByRole("heading", { name: "Contact" })).toBeVisible();
    await expect(page.getByRole("link", { name: "tikkurila@kohtaamo.local" })).toHaveAttribute("href", "mailto:tikkurila@kohtaamo.local");
    await expect(page.getByRole("link", { name: "040 000 0001" })).toHaveAttribute("href", "tel:0400000001");
  });
});

test("after a failed booking the error summary takes focus and links to the field", async ({ page, expectAccessible }) => {
  const id = createSession({ title: "Summary evening", capacity: 5 });
  const session = new SessionPage(page, "en");
  await session.open(id);
  await session.book({ email: "not-an-address", people: 2 });
  const summary = page.getByRole("alert").filter({ hasText: "Please check the fields marked below." });
  await expect(summary).toBeFocused();
  await expectAccessible();
  await summary.getByRole("link", { name: /This e-mail address is not in the right form/ }).click();
  await expect(page).toHaveURL(/#email$/);
  await expect(page.getByRole("textbox", { name: "E-mail" })).toHaveValue("not-an-address");
  await expect(page.getByLabel(/How many/)).toHaveValue("2");
  expect(bookingsOf(id)).toEqual([]);
});

test("a planner edits a place's contact details; the audit log shows who read concerns and exported, filtered by action", async ({ page, expectAccessible }) => {
  await signInAs(page, "planner@kohtaamo.local");
  const [place] = query<{ id: number }>("SELECT id FROM places WHERE slug = 'jarvenpaa'");
  await page.goto(`/en/plan/places/${place!.id}`);
  await page.getByLabel("Phone for parents").fill("09 876 5432");
  await page.getByRole("button", { name: /Save/ }).click();
  // The save answers with the list of places: only then is the new number in the database.
  await expect(page.getByText("Saved: Kohtaamo Järvenpää.")).toBeVisible();
  await page.goto("/en/places/jarvenpaa");
  await expect(page.getByRole("link", { name: "09 876 5432" })).toBeVisible();

  await page.goto("/en/plan/feedback");
  const csv = await page.request.get("/en/plan/reach/export?format=csv&period=all");
  expect(csv.status()).toBe(200);
  const rows = () => query<{ action: string }>("SELECT action FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE u.email = 'planner@kohtaamo.local'").map((r) => r.action);
  expect(rows()).toEqual(expect.arrayContaining(["concern.list", "export.csv"]));

  await page.goto("/en/plan");
  await page.getByRole("navigation", { name: "Planning" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Audit log/ })).toBeVisible();
  await page.getByLabel("Action").selectOption("export.csv");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("cell", { name: "Figures exported (CSV)" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Concern list viewed" })).toHaveCount(0);
  await expectAccessible();
});

test("a facilitator cannot read the audit log", async ({ page }) => {
  await signInAs(page, "facilitator@kohtaamo.local");
  const response = await page.goto("/en/plan/audit");
  expect(response!.status()).toBe(403);
});
