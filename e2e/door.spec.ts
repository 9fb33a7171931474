import { test, expect, expectAxeClean } from "./fixtures";
import { DoorPage } from "./pages/DoorPage";
import { PlanSessionPage } from "./pages/PlanSessionPage";
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

  const door = new DoorPage(page);
  await door.checkIn("Maija");
  // A first-timer is tapped, then asks for a code: the tap becomes the coded visit, not a second one.
  await door.tap("Parent, first time here");
  await expect(page.getByTestId("code-counts")).toHaveText(/becomes this parent's visit with the code/);
  const issued = await door.giveCode();
  await expect(door.total()).toHaveText("3 visitors");
  await door.tap("Professional");
  await door.countCode("ktm 4783 pxw");
  await expect(door.total()).toHaveText("5 visitors");
  await door.countCode("ZZZ-9999-ZZZ");
  await expect(door.refusal("That code was not found.")).toBeVisible();

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
    { kind: "parent", source: "code", firstTime: 1, code: issued },
    { kind: "professional", source: "walk_in", firstTime: null, code: null },
    { kind: "parent", source: "code", firstTime: 0, code: "KTM-4783-PXW" },
    { kind: "parent", source: "walk_in", firstTime: 0, code: null },
  ]);
  // Looking at the roster (nicknames, needs) was logged.
  const audit = query<{ actor: string }>("SELECT actor_id AS actor FROM audit_log WHERE action = 'roster.view' AND subject_id = ?", String(id));
  expect(audit.map((a) => a.actor)).toContain(staffId("facilitator@kohtaamo.local"));

  // Closing asks first; "Not yet" keeps the door open and the note typed.
  await door.close("Busy evening, coffee ran out.", { confirm: false });
  await expect(page.getByLabel("A note about the session (optional)")).toHaveValue("Busy evening, coffee ran out.");
  expect(query("SELECT 1 FROM sessions WHERE id = ? AND closed_at IS NOT NULL", id)).toEqual([]);
  await door.close();
  await expect(page.getByTestId("feedback-link")).toBeVisible();
  await expectAccessible();
  expect(query<{ note: string }>("SELECT closing_note AS note FROM sessions WHERE id = ? AND closed_at IS NOT NULL", id)).toEqual([
    { note: "Busy evening, coffee ran out." },
  ]);
  // The facilitator cannot reopen; a planner can, and it is audited.
  await expect(page.getByRole("button", { name: "Reopen the session" })).toHaveCount(0);
  const planner = await browser.newContext();
  const plannerPage = await planner.newPage();
  await signInAs(plannerPage, "planner@kohtaamo.local");
  const plannerDoor = new DoorPage(plannerPage);
  await plannerDoor.open(id);
  await expect(plannerDoor.closedHeading()).toBeVisible();
  await plannerDoor.reopen();
  expect(query("SELECT 1 FROM sessions WHERE id = ? AND closed_at IS NULL", id)).toHaveLength(1);
  expect(query<{ actor: string }>("SELECT actor_id AS actor FROM audit_log WHERE action = 'session.reopen' AND subject_id = ?", String(id))).toEqual([
    { actor: staffId("planner@kohtaamo.local") },
  ]);
  await planner.close();
});

test("opening a closed session's door writes nothing but the audit of the roster", async ({ page }) => {
  const id = createSession({ title: "Quiet evening", capacity: 5, daysAhead: 0.01 });
  assignFacilitator(id, "facilitator@kohtaamo.local");
  await signInAs(page, "facilitator@kohtaamo.local");
  const door = new DoorPage(page);
  await door.open(id);
  expect(query("SELECT key FROM feedback_links WHERE session_id = ?", id)).toEqual([]);
  await door.close();
  const links = query<{ key: string }>("SELECT key FROM feedback_links WHERE session_id = ?", id);
  expect(links).toHaveLength(1);
  await door.open(id);
  await expect(page.getByTestId("feedback-link")).toHaveText(new RegExp(`/feedback/${links[0]!.key}$`));
});

test("a session left open yesterday waits under 'To close'; the door counts nothing then but closes it", async ({ page, expectAccessible }) => {
  const id = createSession({ title: "Yesterday's drop-in", capacity: null, kind: "drop_in", daysAhead: -1.2 });
  const early = createSession({ title: "Next week's evening", capacity: 5, daysAhead: 9 });
  assignFacilitator(id, "facilitator@kohtaamo.local");
  assignFacilitator(early, "facilitator@kohtaamo.local");
  await signInAs(page, "facilitator@kohtaamo.local");
  const toClose = page.getByRole("region", { name: /^To close/ });
  await expect(toClose).toBeVisible();
  await expectAccessible();
  await toClose.getByRole("link", { name: "Yesterday's drop-in" }).click();
  const door = new DoorPage(page);
  await expect(page.getByTestId("door-phase")).toHaveText(/day is over/);
  await expectAccessible();
  await expect(page.getByRole("button", { name: "+ Parent, first time here" })).toHaveCount(0);
  await door.close();
  await expect(page.getByTestId("feedback-link")).toBeVisible();
  await page.goto("/en/host");
  await expect(page.getByRole("link", { name: "Yesterday's drop-in" })).toHaveCount(0);

  // Nine days early the door does not open at all.
  await door.open(early);
  await expect(page.getByTestId("door-phase")).toHaveText(/The door opens/);
  await expect(page.getByRole("button", { name: "+ Parent, first time here" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Close the session/ })).toHaveCount(0);
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

test("staff pages give times as people here write them: 17:00 in English (British), 17.00 in Finnish and Swedish", async ({ page }) => {
  const title = `Time format evening ${Date.now()}`;
  // A day no other test uses: the place's sessions must not overlap one that another test edits.
  const id = createSession({ title, capacity: 5, daysAhead: 13 });
  assignFacilitator(id, "facilitator@kohtaamo.local");
  await signInAs(page, "facilitator@kohtaamo.local");
  for (const [locale, time] of [
    ["en", "17:00"],
    ["sv", "17.00"],
    ["fi", "17.00"],
  ] as const) {
    await page.goto(`/${locale}/host`);
    const item = page.getByRole("listitem").filter({ hasText: title });
    await expect(item).toContainText(time);
    await expect(item).not.toContainText(/\b(AM|PM)\b/);
  }
});

test("the door refuses walk-ins past the room and says to ask a planner; figures changed after the day are marked, with the door's history", async ({
  page,
  browser,
  expectAccessible,
}) => {
  // Today's drop-in in Järvenpää's room of 30 (the default), already counted full: 20 parents, 10 of the rest.
  const full = createSession({ title: "Full room drop-in", capacity: null, kind: "drop_in", daysAhead: 0.01 });
  assignFacilitator(full, "facilitator@kohtaamo.local");
  for (let i = 0; i < 30; i++) {
    run("INSERT INTO visits (session_id, kind, source, first_time, client_key) VALUES (?, ?, 'walk_in', ?, ?)", full, i < 20 ? "parent" : "other", i < 20 ? 1 : null, `full-room-${i}`);
  }
  await signInAs(page, "facilitator@kohtaamo.local");
  const door = new DoorPage(page);
  await door.open(full);
  await expect(door.total()).toHaveText("30 visitors");
  await door.tap("Professional");
  // The queued tap is answered, not dropped in silence nor sent for ever: the facilitator reads why.
  await expect(door.refusal("The room is full")).toContainText("ask a planner");
  await expect(door.waiting(1)).toBeHidden();
  await expect(door.total()).toHaveText("30 visitors");
  await expectAccessible();
  expect(query("SELECT 1 FROM visits WHERE session_id = ?", full)).toHaveLength(30);

  // Yesterday's evening (no other test counts at it): the tablet's taps reach the server only today.
  const late = createSession({ title: "Evening sent late", capacity: 10, kind: "info_evening", daysAhead: -1 });
  assignFacilitator(late, "facilitator@kohtaamo.local");
  const [{ startsAt }] = query<{ startsAt: number }>("SELECT starts_at AS startsAt FROM sessions WHERE id = ?", late) as [{ startsAt: number }];
  const answer = await page.evaluate(
    async ({ id, at }) => {
      const ops = [
        { seq: 1, at, type: "tap", clientKey: "late-evening-1", kind: "parent", firstTime: true },
        { seq: 2, at, type: "tap", clientKey: "late-evening-2", kind: "parent", firstTime: false },
        { seq: 3, at, type: "tap", clientKey: "late-evening-3", kind: "professional", firstTime: null },
      ];
      const res = await fetch(`/api/host/sessions/${id}/taps`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ops }) });
      return ((await res.json()) as { results: { ok: boolean }[] }).results.map((r) => r.ok);
    },
    { id: late, at: startsAt },
  );
  expect(answer).toEqual([true, true, true]);

  // A planner corrects the same evening at its door: audited too.
  const planner = await browser.newContext();
  const plannerPage = await planner.newPage();
  await signInAs(plannerPage, "planner@kohtaamo.local");
  const plannerDoor = new DoorPage(plannerPage);
  await plannerDoor.open(late);
  await plannerDoor.tap("Other");
  await expect(plannerDoor.total()).toHaveText("4 visitors");
  await expect(plannerDoor.waiting(1)).toBeHidden({ timeout: 20_000 });

  const session = new PlanSessionPage(plannerPage);
  await session.open(late);
  await expect(session.changedLater()).toHaveText(/^Figures changed later by Pia Suunnittelija, \d{2}\/\d{2}\/\d{4}$/);
  await expectAxeClean(plannerPage);
  const rows = await session.openDoorHistory();
  await expect(rows).toHaveCount(3); // the header and two changes, oldest first
  await expect(rows.nth(1)).toContainText("Eero Kokemusasiantuntija");
  await expect(rows.nth(1)).toContainText("Changes from a tablet that arrived after the day");
  await expect(rows.nth(1)).toContainText(": 2 walk-in parents, 1 professional");
  await expect(rows.nth(2)).toContainText("Pia Suunnittelija");
  await expect(rows.nth(2)).toContainText("A planner's correction");
  await expect(rows.nth(2)).toContainText("1 other visitor");
  await expectAxeClean(plannerPage);
  // A session nobody changed after its day has no mark.
  await session.open(full);
  await expect(session.changedLater()).toHaveCount(0);
  await planner.close();
});
