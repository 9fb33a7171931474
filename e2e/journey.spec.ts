import { test, expect } from "./fixtures";
import { DoorPage } from "./pages/DoorPage";
import { SessionPage } from "./pages/SessionPage";
import { signInAs } from "./pages/Staff";
import { query, run } from "./support/db";

/** A Helsinki calendar date some days from now, as a date input takes it, and its ISO weekday. */
function helsinkiDate(daysAhead: number) {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(new Date(Date.now() + daysAhead * 86_400_000));
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return { date, weekday: String(day === 0 ? 7 : day) };
}

// The whole story of issue 3, through the real pages of each of the three roles.
test("a planner schedules, a parent books, the facilitator runs and closes the session", async ({ page, browser }) => {
  const suffix = String(Date.now()).slice(-6);
  const name = `Kohtaamo Polku ${suffix}`;

  // The planner: a place, and a weekly series of info evenings run by Eero.
  await signInAs(page, "planner@kohtaamo.local");
  await page.goto("/en/plan/places/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Street address", { exact: true }).fill("Polkukatu 2");
  await page.getByLabel("Postal code").fill("04400");
  await page.getByLabel("City or town", { exact: true }).fill("Järvenpää");
  await page.getByLabel("Wellbeing services county", { exact: true }).selectOption({ label: "Central Uusimaa wellbeing services county" });
  await page.getByLabel("Opening hours in Finnish").fill("Maanantaisin 17–19");
  await page.getByLabel("Opening hours in Swedish").fill("Måndagar 17–19");
  await page.getByLabel("Opening hours in English").fill("Mondays 5–7 pm");
  await page.getByRole("button", { name: "Add the meeting place" }).click();
  await expect(page.getByText(`Saved: ${name}.`)).toBeVisible();
  const [place] = query<{ id: number; slug: string }>("SELECT id, slug FROM places WHERE name = ?", name);

  const first = helsinkiDate(1);
  await page.goto(`/en/plan/sessions/new?mode=series&place=${place!.id}`);
  await page.getByLabel("Kind of session").selectOption({ label: "Info evening" });
  await page.getByLabel("Weekday").selectOption(first.weekday);
  await page.getByLabel("First date").fill(first.date);
  await page.getByLabel("Last date").fill(helsinkiDate(8).date);
  await page.getByLabel("Starts").fill("17:00");
  await page.getByLabel("Ends").fill("19:00");
  await page.getByLabel("Title in Finnish").fill(`Infoilta ${suffix}`);
  await page.getByLabel("Title in Swedish").fill(`Infokväll ${suffix}`);
  await page.getByLabel("Title in English").fill(`Info evening ${suffix}`);
  await page.getByLabel("Seats", { exact: true }).fill("10");
  await page.getByRole("checkbox", { name: "Eero Kokemusasiantuntija" }).check();
  await page.getByRole("button", { name: "Add the series" }).click();
  await expect(page.getByText("2 sessions were added to the schedule.")).toBeVisible();

  // A parent finds it on the public list and books, without JavaScript.
  const phone = await browser.newContext({ javaScriptEnabled: false });
  const parentPage = await phone.newPage();
  await parentPage.goto(`/en?place=${place!.slug}`);
  await parentPage.getByRole("link", { name: `Info evening ${suffix}` }).first().click();
  const parent = new SessionPage(parentPage, "en");
  await parent.book({ nickname: "Liisa" });
  await parent.manageLink();
  await phone.close();

  // A visitor code the parent got at an earlier visit elsewhere.
  run("INSERT INTO visitor_codes (code) VALUES ('PQR-9368-ABC')");

  // The evening comes. The door counts only on the session's own day, so the test brings the first
  // meeting to now instead of waiting until tomorrow.
  const [evening] = query<{ id: number }>("SELECT id FROM sessions WHERE place_id = ? ORDER BY starts_at LIMIT 1", place!.id);
  run("UPDATE sessions SET starts_at = ?, ends_at = ? WHERE id = ?", Date.now() + 10 * 60_000, Date.now() + 130 * 60_000, evening!.id);

  // The facilitator: sign in, open the session, check Liisa in, two walk-ins, a returning code, close.
  const door = await browser.newContext();
  const facilitator = await door.newPage();
  await signInAs(facilitator, "facilitator@kohtaamo.local");
  await facilitator.getByRole("link", { name: `Info evening ${suffix}` }).first().click();
  await facilitator.getByRole("button", { name: "Check in Liisa" }).click();
  await facilitator.getByRole("button", { name: "+ Parent, first time here" }).click();
  // The parent with a code is counted before the next walk-in is tapped: a code right after a
  // "been before" tap would take that tap over (one person, one visit).
  await facilitator.getByLabel("A returning parent shows their code").fill("PQR-9368-ABC");
  await facilitator.getByRole("button", { name: "Count the visit" }).click();
  await expect(facilitator.getByTestId("total")).toHaveText("3 visitors");
  await facilitator.getByRole("button", { name: "+ Parent, been before" }).click();
  await expect(facilitator.getByTestId("total")).toHaveText("4 visitors");
  await new DoorPage(facilitator).close();
  await door.close();

  const [session] = query<{ id: number; closed: number | null }>(
    "SELECT id, closed_at AS closed FROM sessions WHERE place_id = ? ORDER BY starts_at LIMIT 1",
    place!.id,
  );
  expect(session!.closed).not.toBeNull();
  expect(query("SELECT source, first_time AS firstTime, visitor_code AS code FROM visits WHERE session_id = ? ORDER BY id", session!.id)).toEqual([
    { source: "booking", firstTime: null, code: null },
    { source: "walk_in", firstTime: 1, code: null },
    { source: "code", firstTime: 0, code: "PQR-9368-ABC" },
    { source: "walk_in", firstTime: 0, code: null },
  ]);
});
