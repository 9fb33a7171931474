import { test, expect } from "./fixtures";
import { SessionPage } from "./pages/SessionPage";
import { signInAs } from "./pages/Staff";
import { assignFacilitator, createSession, query, run, staffId } from "./support/db";

test("at the door: check a parent in, count walk-ins and a visitor code, see a colleague's taps, close", async ({ page, browser, expectAccessible }) => {
  const id = createSession({ title: "Door evening", capacity: 5, daysAhead: 0.01 });
  assignFacilitator(id, "facilitator@kohtaamo.local");
  run("INSERT INTO visitor_codes (code) VALUES ('KTM-4783-PXW')"); // given to a parent at an earlier visit

  // A parent books, without JavaScript.
  const parent = await browser.newContext({ javaScriptEnabled: false });
  const booking = new SessionPage(await parent.newPage(), "en");
  await booking.open(id);
  await booking.book({ nickname: "Maija", people: 2 });
  await booking.manageLink();
  await parent.close();

  // The facilitator signs in and opens the session from their list.
  await signInAs(page, "facilitator@kohtaamo.local");
  await page.getByRole("link", { name: "Door evening" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Door evening" })).toBeVisible();
  await expect(page.getByText("Maija · 2 people")).toBeVisible();
  await expectAccessible();

  await page.getByRole("button", { name: "Check in Maija" }).click();
  await expect(page.getByRole("button", { name: "Maija checked in. Press to undo." })).toBeVisible();
  await page.getByRole("button", { name: "+ Parent, first time here" }).click();
  await page.getByRole("button", { name: "+ Professional" }).click();
  await page.getByLabel("A returning parent shows their code").fill("ktm 4783 pxw");
  await page.getByRole("button", { name: "Count the visit" }).click();
  await expect(page.getByTestId("total")).toHaveText("5 visitors");
  await page.getByLabel("A returning parent shows their code").fill("ZZZ-9999-ZZZ");
  await page.getByRole("button", { name: "Count the visit" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code was not found." })).toBeVisible();

  // A planner at the same door sees the same totals, and the facilitator sees the planner's tap.
  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await signInAs(other, "planner@kohtaamo.local");
  await other.goto(`/en/host/sessions/${id}`);
  await expect(other.getByTestId("total")).toHaveText("5 visitors");
  await other.getByRole("button", { name: "+ Other" }).click();
  await expect(page.getByTestId("total")).toHaveText("6 visitors", { timeout: 8000 });
  await other.getByRole("button", { name: "Undo the last tap" }).click();
  await expect(page.getByTestId("total")).toHaveText("5 visitors", { timeout: 8000 });
  await colleague.close();

  // A tap made while the connection is down waits, shows, and lands once when it is back.
  await page.context().setOffline(true);
  await page.getByRole("button", { name: "+ Parent, been before" }).click();
  await expect(page.getByTestId("total")).toHaveText("6 visitors");
  await expect(page.getByText("1 tap waiting to be sent…")).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.getByText("1 tap waiting to be sent…")).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId("total")).toHaveText("6 visitors");

  const visits = query<{ kind: string; source: string; firstTime: number | null; code: string | null }>(
    "SELECT kind, source, first_time AS firstTime, visitor_code AS code FROM visits WHERE session_id = ? ORDER BY id",
    id,
  );
  expect(visits).toEqual([
    { kind: "parent", source: "booking", firstTime: null, code: null },
    { kind: "parent", source: "booking", firstTime: null, code: null },
    { kind: "parent", source: "walk_in", firstTime: 1, code: null },
    { kind: "professional", source: "walk_in", firstTime: null, code: null },
    { kind: "parent", source: "code", firstTime: 0, code: "KTM-4783-PXW" },
    { kind: "parent", source: "walk_in", firstTime: 0, code: null },
  ]);
  // Looking at the roster (nicknames, needs) was logged.
  const audit = query<{ actor: string }>("SELECT actor_id AS actor FROM audit_log WHERE action = 'roster.view' AND subject_id = ?", String(id));
  expect(audit.map((a) => a.actor)).toContain(staffId("facilitator@kohtaamo.local"));

  await page.getByLabel("A note about the session (optional)").fill("Busy evening, coffee ran out.");
  await page.getByRole("button", { name: /^Close the session/ }).click();
  await expect(page.getByRole("heading", { name: "The session is closed" })).toBeVisible();
  await expectAccessible();
  expect(query<{ note: string }>("SELECT closing_note AS note FROM sessions WHERE id = ? AND closed_at IS NOT NULL", id)).toEqual([
    { note: "Busy evening, coffee ran out." },
  ]);
});

test("a facilitator cannot open or change another facilitator's session", async ({ page }) => {
  const id = createSession({ title: "Not Eero's", capacity: 5 });
  assignFacilitator(id, "facilitator2@kohtaamo.local");
  await signInAs(page, "facilitator@kohtaamo.local");
  await page.goto(`/en/host/sessions/${id}`);
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  const state = await page.request.get(`/api/host/sessions/${id}`);
  expect(state.status()).toBe(403);
  await page.goto(`/en/host/sessions/${id}`);
  expect(query("SELECT 1 FROM audit_log WHERE subject_id = ?", String(id))).toEqual([]);
});
