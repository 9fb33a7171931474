import ICAL from "ical.js";
import { test, expect } from "./fixtures";
import { signInAs } from "./pages/Staff";
import { PlanSessionPage } from "./pages/PlanSessionPage";
import { createSession } from "./support/db";

// Sessions where referrers look: a calendar a phone or a county's page subscribes to, and a JSON feed
// shaped after Linked Events. A subscribed calendar fetches the same address again and again.

const PLANNER = "planner@kohtaamo.local";

async function subscribed(request: import("@playwright/test").APIRequestContext, path: string) {
  const res = await request.get(path);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(await res.text()));
  return calendar.getAllSubcomponents("vevent").map((e) => ({ uid: String(e.getFirstPropertyValue("uid")), summary: String(e.getFirstPropertyValue("summary")) }));
}

test("a subscribed calendar sees a new session and loses a cancelled one; the JSON feed shows it as Linked Events does", async ({ page, request }) => {
  const title = `Feed evening ${Date.now()}`;
  const id = createSession({ title, capacity: 8, daysAhead: 6 });
  const uid = `kohtaamo-session-${id}@kohtaamo`;

  // Järvenpää's own calendar, and the whole service's, in Swedish and Finnish.
  const place = await subscribed(request, "/sv/places/jarvenpaa/calendar.ics");
  expect(place).toContainEqual({ uid, summary: `${title} (sv)` });
  expect(await subscribed(request, "/fi/calendar.ics")).toContainEqual({ uid, summary: `${title} (fi)` });
  expect(await subscribed(request, "/fi/places/tikkurila/calendar.ics")).not.toContainEqual(expect.objectContaining({ uid }));
  expect((await request.get("/fi/places/no-such-place/calendar.ics")).status()).toBe(404);

  const json = await (await request.get("/api/events?place=jarvenpaa")).json();
  const event = json.data.find((e: { id: string }) => e.id === `kohtaamo:${id}`);
  expect(event).toMatchObject({ name: { fi: `${title} (fi)`, sv: `${title} (sv)`, en: title }, offers: [{ is_free: true }], location: { id: "kohtaamo:place:jarvenpaa" } });
  expect(event.info_url.fi).toMatch(new RegExp(`/fi/sessions/${id}$`));

  // The parents' place page links its calendar.
  await page.goto("/fi/places/jarvenpaa");
  await expect(page.getByRole("link", { name: "Tilaa tulevat tapaamiset kalenteriisi" })).toHaveAttribute("href", "/fi/places/jarvenpaa/calendar.ics");

  // A planner cancels the session: the next fetch of the same calendar no longer has it.
  await signInAs(page, PLANNER);
  const plan = new PlanSessionPage(page);
  await plan.open(id);
  await plan.cancel();
  await expect(plan.notice()).toContainText("cancelled");
  expect(await subscribed(request, "/sv/places/jarvenpaa/calendar.ics")).not.toContainEqual(expect.objectContaining({ uid }));
  const after = await (await request.get("/api/events")).json();
  expect(after.data.map((e: { id: string }) => e.id)).not.toContain(`kohtaamo:${id}`);
});

test("a planner copies a place's service description for PTV in three languages", async ({ page, expectAccessible }) => {
  await signInAs(page, PLANNER);
  await page.goto("/en/plan/places");
  await page.getByRole("link", { name: /Järvenpää/ }).first().click();
  await page.getByRole("link", { name: "PTV description" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Description for the Suomi.fi service catalogue");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Language: Finnish", "Language: Swedish", "Language: English"]);
  const summaries = page.getByRole("textbox", { name: "Summary" });
  await expect(summaries).toHaveCount(3);
  await expect(summaries.nth(0)).toHaveValue(/^Maksuton kohtaamispaikka vanhemmille/);
  await expect(page.getByRole("textbox", { name: "Web page" }).nth(1)).toHaveValue(/\/sv\/places\/jarvenpaa$/);
  await expect(page.getByText(/^\d+ \/ 150 characters$/).first()).toBeVisible();
  await expectAccessible();
});
