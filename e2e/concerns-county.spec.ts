import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, expectAxeClean } from "./fixtures";
import { DoorPage } from "./pages/DoorPage";
import { signInAs } from "./pages/Staff";
import { waitForMail } from "./support/mail";
import { assignFacilitator, createSession, query, run } from "./support/db";

// The demo's two counties (db/seed.ts), with plainly fake numbers.
const VANTAA_KERAVA = { emergency: "09 000 0002", ombudsman: "Demo-sosiaaliasiavastaava (Vantaa–Kerava)", clientSafety: "asiakasturvallisuus@vantaa-kerava.example" };
const KESKI_UUSIMAA = { emergency: "09 000 0004", ombudsman: "Demo-sosiaaliasiavastaava (Keski-Uusimaa)" };

const screenshots = path.join(process.cwd(), "docs/screenshots");

/** The line on 112 and the county's number, and the concern box under it, as one picture. */
async function shootConcernPart(page: Page, file: string) {
  // Bounding boxes are measured from the viewport; at the top of the page they are the page's own coordinates.
  await page.evaluate(() => window.scrollTo(0, 0));
  const top = (await page.locator("#where-to-turn").boundingBox())!;
  const box = (await page.locator("#concern-box").boundingBox())!;
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, file), clip: { x: 0, y: top.y - 8, width: 360, height: box.y + box.height - top.y + 16 }, fullPage: true });
}

/** A feedback link for a session, as closing it would make one. */
function feedbackLinkFor(sessionId: number, key: string) {
  run("INSERT INTO feedback_links (key, session_id, expires_at) VALUES (?, ?, ?)", key, sessionId, Date.now() + 7 * 86_400_000);
  return `/fi/feedback/${key}`;
}

test("each county's parents are shown their own county's emergency number and ombudsman, with 112, on the form and the thanks page", async ({ page, browser }) => {
  // A facilitator's session at Tikkurila (Vantaa–Kerava), closed at the door: the QR code's link.
  const tikkurila = createSession({ title: "Tikkurila evening", capacity: 5, daysAhead: -0.05, placeSlug: "tikkurila" });
  assignFacilitator(tikkurila, "facilitator@kohtaamo.local");
  await signInAs(page, "facilitator@kohtaamo.local");
  await page.goto(`/en/host/sessions/${tikkurila}`);
  await page.getByRole("button", { name: "+ Parent, first time here" }).click();
  await expect(page.getByTestId("total")).toHaveText("1 visitor");
  await new DoorPage(page).close();
  const link = (await page.getByTestId("feedback-link").textContent())!;

  // The parent's phone: 360 px wide, in Finnish.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "fi-FI", extraHTTPHeaders: { "x-forwarded-for": "203.0.113.71" } });
  const parent = await phone.newPage();
  await parent.goto(link);
  await expect(parent.getByRole("heading", { level: 1, name: "Kerro, miten meni" })).toBeVisible();
  // Nothing of child protection in the page's title, which a bystander sees on a tab.
  expect(await parent.title()).not.toMatch(/lastensuojelu/i);
  const line = parent.locator("#where-to-turn");
  await expect(line).toContainText("soita hätänumeroon 112");
  await expect(line).toContainText(`sosiaalipäivystykseen (Vantaan ja Keravan hyvinvointialue): ${VANTAA_KERAVA.emergency}`);
  await expect(line).not.toContainText(KESKI_UUSIMAA.emergency);
  await expect(line.getByRole("link", { name: VANTAA_KERAVA.emergency })).toHaveAttribute("href", "tel:090000002");
  await expectAxeClean(parent);

  await parent.getByLabel("Kerro huolestasi").fill("Lastani kohdeltiin huonosti tapaamisessa.");
  await parent.getByLabel(/Jos haluat, että otamme yhteyttä/).fill("040 111 2222");
  await parent.getByLabel(/ilman yhteystietojani/).check();
  await shootConcernPart(parent, "concern-form-fi.png");
  await parent.getByRole("button", { name: "Lähetä" }).click();

  await expect(parent.getByRole("heading", { name: "Kiitos palautteestasi!" })).toBeVisible();
  await expect(parent.getByText("Otamme sinuun yhteyttä 2 arkipäivän kuluessa.")).toBeVisible();
  await expect(parent.locator("#thanks-where-to-turn")).toContainText("112");
  await expect(parent.locator("#thanks-where-to-turn")).toContainText(VANTAA_KERAVA.emergency);
  await expect(parent.getByText(VANTAA_KERAVA.ombudsman)).toBeVisible();
  await expect(parent.getByText(KESKI_UUSIMAA.ombudsman)).toHaveCount(0);
  await expectAxeClean(parent);
  await parent.screenshot({ path: path.join(screenshots, "concern-thanks-fi.png"), fullPage: true });
  // The consent is kept on the concern: anonymous only (the second box was left unticked).
  expect(query("SELECT handover_consent AS consent, contact FROM concerns WHERE session_id = ?", tikkurila)).toEqual([{ consent: "anonymous", contact: "040 111 2222" }]);

  // A Järvenpää session (Keski-Uusimaa): the other county's numbers, and without a contact, how it is handled anonymously.
  const jarvenpaa = createSession({ title: "Järvenpää drop-in", capacity: null, kind: "drop_in", daysAhead: -0.05 });
  await parent.goto(feedbackLinkFor(jarvenpaa, `jarv${String(Date.now()).slice(-8)}`));
  await expect(parent.locator("#where-to-turn")).toContainText(KESKI_UUSIMAA.emergency);
  await expect(parent.locator("#where-to-turn")).not.toContainText(VANTAA_KERAVA.emergency);
  await parent.getByLabel("Kerro huolestasi").fill("Minua ei kuunneltu.");
  await parent.getByRole("button", { name: "Lähetä" }).click();
  await expect(parent.getByText(/Et jättänyt yhteystietoa, joten emme voi vastata sinulle suoraan/)).toBeVisible();
  await expect(parent.getByText(/arkipäivän kuluessa/)).toHaveCount(0);
  await expect(parent.getByText(KESKI_UUSIMAA.ombudsman)).toBeVisible();
  await expect(parent.getByText(VANTAA_KERAVA.ombudsman)).toHaveCount(0);
  await expectAxeClean(parent);
  await phone.close();
});

test("a planner edits a county, hands a consented concern over, and the county reads and acknowledges it; the audit log shows each step", async ({ page, browser, expectAccessible }) => {
  const stamp = String(Date.now()).slice(-6);
  await signInAs(page, "planner@kohtaamo.local");

  // The counties page, from the plan navigation: each county with what parents are shown.
  await page.goto("/en/plan");
  await page.getByRole("navigation", { name: "Planning" }).getByRole("link", { name: "Counties" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wellbeing services counties" })).toBeVisible();
  await expectAccessible();
  const vantaa = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Vantaa and Kerava wellbeing services county" }) });
  await expect(vantaa).toContainText(VANTAA_KERAVA.emergency);
  await vantaa.getByRole("link", { name: "Edit the details" }).click();
  await expectAccessible();
  // A bad web address is refused next to the field, with what was typed kept.
  await page.getByLabel("Website").fill("not a web address");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Website")).toHaveAccessibleDescription("Write the web address as https://…");
  await expect(page.getByLabel("Website")).toHaveValue("not a web address");
  await page.getByLabel("Website").fill("https://vantaa-kerava.example/sosiaaliasiavastaava");
  await page.getByLabel("Name or team").fill(`Asiakasturvallisuustiimi ${stamp}`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The county's details have been saved.")).toBeVisible();
  await expect(page.getByText(`Asiakasturvallisuustiimi ${stamp}`)).toBeVisible();

  // Two concerns at Tikkurila: one whose parent allowed the hand-over (with their contact too), one who did not.
  const sessionId = createSession({ title: `Handover ${stamp}`, capacity: null, kind: "drop_in", daysAhead: -1, placeSlug: "tikkurila" });
  const day = new Date(new Date().setHours(0, 0, 0, 0)).getTime();
  const [consented] = query<{ id: number }>(
    "INSERT INTO concerns (session_id, text, contact, locale, created_at, handover_consent) VALUES (?, ?, '040 333 4444', 'fi', ?, 'with_contact') RETURNING id",
    sessionId,
    `Ohjaaja nauroi minulle ${stamp}`,
    day,
  );
  const [refused] = query<{ id: number }>("INSERT INTO concerns (session_id, text, locale, created_at) VALUES (?, ?, 'fi', ?) RETURNING id", sessionId, `Ei lupaa ${stamp}`, day);

  // Without consent, no button.
  await page.goto(`/en/plan/feedback/concerns/${refused!.id}`);
  await expect(page.getByText("The parent did not allow the concern to be passed on to the county.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Send a link to the report|Print the report/ })).toHaveCount(0);

  // With consent: by e-mail, without the contact (the planner leaves it out).
  await page.goto(`/en/plan/feedback/concerns/${consented!.id}`);
  const handover = page.getByRole("region", { name: "Hand-over to the county" });
  await expect(handover).toContainText("with their contact details too");
  await expect(handover.getByLabel("Include the parent's contact (the parent allowed it)")).not.toBeChecked();
  const since = Date.now();
  await handover.getByRole("button", { name: `Send a link to the report: ${VANTAA_KERAVA.clientSafety}` }).click();
  await expect(page.getByText("The concern has been handed over to the county.")).toBeVisible();
  await expect(handover).toContainText(`by e-mail to ${VANTAA_KERAVA.clientSafety}`);
  await expect(handover).toContainText("The county has not acknowledged the report yet.");
  await expectAccessible();

  // The county's e-mail says nothing of the content, the place or child protection.
  const mail = await waitForMail(VANTAA_KERAVA.clientSafety, "A message from Kohtaamo", since);
  expect(`${mail.subject}\n${mail.text}`).not.toMatch(new RegExp(`nauroi|Tikkurila|040 333|child protection|concern|${stamp}`, "i"));
  const reportUrl = mail.text!.match(/https?:\/\/\S+\/en\/report\/[\w-]{43}/)![0];

  // The county opens its link (no account): the anonymised report, without the contact; it acknowledges receipt.
  const county = await browser.newContext();
  const reader = await county.newPage();
  await reader.goto(reportUrl);
  await expect(reader.getByRole("heading", { level: 1, name: "A report from Kohtaamo" })).toBeVisible();
  await expect(reader.getByText(`Ohjaaja nauroi minulle ${stamp}`)).toBeVisible();
  await expect(reader.getByText("Kohtaamo Tikkurila, Drop-in")).toBeVisible();
  await expect(reader.getByText("The client did not give their contact to be passed on.")).toBeVisible();
  await expect(reader.getByText("040 333 4444")).toHaveCount(0);
  await expectAxeClean(reader);
  await reader.getByRole("button", { name: "Acknowledge receipt" }).click();
  await expect(reader.getByText(/^Receipt acknowledged on .*Thank you\.$/)).toBeVisible();
  await county.close();

  // The concern page shows the acknowledgement.
  await page.reload();
  await expect(handover).toContainText("The county acknowledged receipt on");

  // The audit log, each step: the county's edit, the hand-over, the county's opening and acknowledgement.
  const handoverId = String(query<{ id: number }>("SELECT id FROM concern_handovers WHERE concern_id = ?", consented!.id)[0]!.id);
  for (const [action, label, subject] of [
    ["county.update", "County's details changed", null],
    ["concern.handover", "Concern handed over to the county", `concern ${consented!.id}`],
    ["concern.handover_view", "The county opened a handed-over report", `concern_handover ${handoverId}`],
    ["concern.handover_ack", "The county acknowledged a report", `concern_handover ${handoverId}`],
  ] as const) {
    await page.goto(`/en/plan/audit?action=${action}`);
    const row = page.getByRole("row").filter({ hasText: label }).filter({ hasText: subject ?? "county" }).first();
    await expect(row).toBeVisible();
  }
  await expectAccessible();
});
