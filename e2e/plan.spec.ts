import { test, expect, expectAxeClean } from "./fixtures";
import { signInAs } from "./pages/Staff";
import { PlanSessionPage } from "./pages/PlanSessionPage";
import { SessionPage } from "./pages/SessionPage";
import { assignFacilitator, createSession, openDb, staffId } from "./support/db";
import { waitForMail } from "./support/mail";

const PLANNER = "planner@kohtaamo.local";
const FACILITATOR = "facilitator@kohtaamo.local";

/** A Helsinki calendar date some days from now, as a date input takes it, and its ISO weekday. */
function helsinkiDate(daysAhead: number) {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(new Date(Date.now() + daysAhead * 86_400_000));
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return { date, weekday: String(day === 0 ? 7 : day) };
}

function dbRows<T>(sql: string, ...args: unknown[]): T[] {
  const db = openDb();
  const rows = db.prepare(sql).all(...args) as T[];
  db.close();
  return rows;
}

test("a planner sets up a place and a weekly series with a facilitator, and parents see it", async ({ page, expectAccessible }) => {
  const suffix = String(Date.now()).slice(-6);
  const name = `Kohtaamo Testilä ${suffix}`;
  await signInAs(page, PLANNER);
  await page.getByRole("link", { name: "Planning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  await expectAccessible();

  // A place: a form sent empty says what is missing, next to each field.
  await page.getByRole("navigation", { name: "Planning" }).getByRole("link", { name: "Meeting places" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meeting places" })).toBeVisible();
  await expectAccessible();
  await page.getByRole("link", { name: "Add a meeting place" }).click();
  await expectAccessible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Postal code").fill("123");
  await page.getByRole("button", { name: "Add the meeting place" }).click();
  await expect(page.getByText("Please check the fields marked below.")).toBeVisible();
  await expect(page.getByText("A postal code has five digits, for example 01300.")).toBeVisible();
  await expect(page.getByLabel("Street address", { exact: true })).toHaveAccessibleDescription("Please fill this in.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expectAccessible();
  expect(dbRows("SELECT id FROM places WHERE name = ?", name)).toEqual([]);

  await page.getByLabel("Street address", { exact: true }).fill("Testikatu 1");
  await page.getByLabel("Postal code").fill("00100");
  await page.getByLabel("City or town", { exact: true }).fill("Helsinki");
  // The Swedish name of the town, where it has one, for the Swedish pages.
  await page.getByLabel("City or town in Swedish").fill("Helsingfors");
  await page.getByLabel("Wellbeing services county", { exact: true }).selectOption({ label: "Vantaa and Kerava wellbeing services county" });
  await page.getByLabel("Opening hours in Finnish").fill("Tiistaisin 10–12");
  await page.getByLabel("Opening hours in Swedish").fill("Tisdagar 10–12");
  await page.getByLabel("Opening hours in English").fill("Tuesdays 10–12");
  await page.getByRole("button", { name: "Add the meeting place" }).click();
  await expect(page.getByText(`Saved: ${name}.`)).toBeVisible();
  const [place] = dbRows<{ id: number; slug: string; citySv: string | null; nameSv: string | null }>(
    "SELECT id, slug, city_sv AS citySv, name_sv AS nameSv FROM places WHERE name = ?",
    name,
  );
  expect(place).toMatchObject({ slug: `testila-${suffix}`, citySv: "Helsingfors", nameSv: null });

  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible();

  // A weekly series starting tomorrow, three weeks long.
  const first = helsinkiDate(1);
  const last = helsinkiDate(15);
  await page.goto(`/en/plan/sessions/new?mode=series&place=${place!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "New weekly series" })).toBeVisible();
  await expectAccessible();
  await page.getByLabel("Kind of session").selectOption({ label: "Drop-in" });
  await page.getByLabel("Weekday").selectOption(first.weekday);
  await page.getByLabel("First date").fill(first.date);
  await page.getByLabel("Last date").fill(last.date);
  await page.getByLabel("Starts").fill("10:00");
  await page.getByLabel("Ends").fill("12:00");
  await page.getByLabel("Title in Finnish").fill(`Avoimet ovet ${suffix}`);
  await page.getByLabel("Title in Swedish").fill(`Öppet hus ${suffix}`);
  await page.getByLabel("Title in English").fill(`Open doors ${suffix}`);
  await page.getByRole("checkbox", { name: "English" }).check();
  await page.getByRole("checkbox", { name: "Eero Kokemusasiantuntija" }).check();
  await page.getByRole("button", { name: "Add the series" }).click();
  await expect(page.getByText("3 sessions were added to the schedule.")).toBeVisible();
  const table = page.getByRole("table", { name: `Coming sessions at ${name}` });
  await expect(table.getByRole("link", { name: `Open doors ${suffix}` })).toHaveCount(3);
  await expect(table.getByText("Eero Kokemusasiantuntija")).toHaveCount(3);
  await expectAccessible();

  const rows = dbRows<{ id: number; seriesId: number; startsAt: number; userId: string | null }>(
    `SELECT s.id, s.series_id AS seriesId, s.starts_at AS startsAt, f.user_id AS userId
       FROM sessions s LEFT JOIN session_facilitators f ON f.session_id = s.id WHERE s.place_id = ? ORDER BY s.starts_at`,
    place!.id,
  );
  const [eero] = dbRows<{ id: string }>("SELECT id FROM users WHERE email = ?", FACILITATOR);
  expect(rows).toHaveLength(3);
  expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);
  expect(rows[0]!.seriesId).not.toBeNull();
  expect(rows.every((r) => r.userId === eero!.id)).toBe(true);
  // 10:00 in Helsinki, whatever the time zone of the test machine.
  const helsinkiTime = (ms: number) => new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Helsinki", hour: "2-digit", minute: "2-digit" }).format(ms);
  expect(rows.map((r) => helsinkiTime(r.startsAt))).toEqual(["10:00", "10:00", "10:00"]);

  // The same series again would overlap: refused, with the dates named and what was typed kept.
  await page.goto(`/en/plan/sessions/new?mode=series&place=${place!.id}`);
  await page.getByLabel("Kind of session").selectOption({ label: "Drop-in" });
  await page.getByLabel("Weekday").selectOption(first.weekday);
  await page.getByLabel("First date").fill(first.date);
  await page.getByLabel("Last date").fill(last.date);
  await page.getByLabel("Starts").fill("11:00");
  await page.getByLabel("Ends").fill("13:00");
  await page.getByLabel("Title in Finnish").fill("Päällekkäin");
  await page.getByLabel("Title in Swedish").fill("Överlappar");
  await page.getByLabel("Title in English").fill("Overlapping");
  await page.getByRole("button", { name: "Add the series" }).click();
  const refusal = page.getByText(/^Nothing was saved: 3 sessions at this place would overlap/);
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(`(Open doors ${suffix})`);
  await expect(page.getByLabel("Title in English")).toHaveValue("Overlapping");
  await expectAccessible();
  expect(dbRows("SELECT id FROM sessions WHERE place_id = ?", place!.id)).toHaveLength(3);

  // The session page for planners.
  await page.goto(`/en/plan/sessions/${rows[0]!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Open doors ${suffix}` })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Eero Kokemusasiantuntija" })).toBeChecked();
  await expectAccessible();

  // The other ways to add sessions.
  for (const mode of ["once", "group"]) {
    await page.goto(`/en/plan/sessions/new?mode=${mode}`);
    await expect(page.getByRole("heading", { level: 1, name: mode === "once" ? "New session" : "New group" })).toBeVisible();
    await expectAccessible();
  }

  // Parents see the series on the public list of the new place.
  await page.goto(`/en?place=${place!.slug}`);
  await expect(page.getByRole("link", { name: `Open doors ${suffix}` })).toHaveCount(3);
});

test("cancelling a booked session takes it off the list and e-mails the booker", async ({ page, browser, expectAccessible }) => {
  const title = `Evening to cancel ${Date.now()}`;
  const id = createSession({ title, capacity: 10, daysAhead: 9 });
  const email = `booker.${Date.now()}@example.com`;

  const parentContext = await browser.newContext();
  const parent = new SessionPage(await parentContext.newPage(), "en");
  await parent.open(id);
  await parent.book({ nickname: "Liisa", email });
  await parent.manageLink();
  await parentContext.close();
  const [booking] = dbRows<{ id: number }>("SELECT id FROM bookings WHERE session_id = ?", id);
  expect(dbRows("SELECT id FROM outbox WHERE booking_id = ? AND kind = 'booking_reminder' AND dropped_at IS NULL", booking!.id)).toHaveLength(1);

  await signInAs(page, PLANNER);
  await page.goto(`/en/plan/sessions/${id}`);
  await expect(page.getByText("1 seat is booked.", { exact: false })).toBeVisible();
  await expectAccessible();
  const since = Date.now();
  await page.getByRole("button", { name: "Cancel the session" }).click();
  await expect(page.getByText("The session is cancelled. 1 booker gets a message.")).toBeVisible();
  await expect(page.getByText("This session is cancelled.")).toBeVisible();
  await expectAccessible();

  const mail = await waitForMail(email, "A change to your visit to Kohtaamo", since);
  expect(mail.text).toContain("the session has been cancelled");
  expect(`${mail.subject}\n${mail.text}`).not.toMatch(/child protection|lastensuojel|barnskydd/i);
  expect(dbRows<{ status: string }>("SELECT status FROM sessions WHERE id = ?", id)).toEqual([{ status: "cancelled" }]);
  expect(dbRows("SELECT id FROM outbox WHERE booking_id = ? AND kind = 'booking_reminder' AND dropped_at IS NULL", booking!.id)).toEqual([]);

  await page.goto("/en?place=jarvenpaa");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("raising the seats confirms the waiting list at once and tells the parent", async ({ page, browser }) => {
  const title = `Full evening ${Date.now()}`;
  const id = createSession({ title, capacity: 1, daysAhead: 11.3 });
  const email = `waiting.${Date.now()}@example.com`;
  const parentContext = await browser.newContext();
  const parent = new SessionPage(await parentContext.newPage(), "en");
  await parent.open(id);
  await parent.book({});
  await parent.manageLink();
  await parent.open(id);
  await parent.book({ email });
  const manage = await parent.manageLink();
  await expect(parent.page.getByText("Status: On the waiting list, number 1")).toBeVisible();

  await signInAs(page, PLANNER);
  const plan = new PlanSessionPage(page);
  await plan.open(id);
  const since = Date.now();
  await plan.edit({ Seats: "2" });
  await expect(plan.notice()).toContainText("1 booking moved from the waiting list to confirmed");
  await waitForMail(email, "Your visit to Kohtaamo is confirmed", since);
  await parent.page.goto(manage);
  await expect(parent.page.getByText("Status: Confirmed")).toBeVisible();
  await parentContext.close();
});

test("a planner invites a facilitator, who gets a sign-in link by e-mail in their language, and deactivating signs them out", async ({ page, browser, expectAccessible }) => {
  const email = `new.helper.${Date.now()}@example.com`;
  const invitedAt = Date.now();
  await signInAs(page, PLANNER);
  await page.goto("/en/plan/staff");
  await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
  // A planner is not offered the administrator role (and the server would refuse it).
  await expect(page.getByLabel("Role", { exact: true }).locator("option")).toHaveText(["Experience expert", "Planner"]);
  await expectAccessible();

  await page.getByLabel("E-mail", { exact: true }).fill("not-an-address");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText("This e-mail address is not in the right form, for example name@example.com.")).toBeVisible();
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Name", { exact: true }).fill("Helmi Uusi");
  await page.getByLabel("Language of their e-mails").selectOption({ label: "Finnish" });
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`An invitation with a sign-in link is on its way to ${email}.`, { exact: false })).toBeVisible();
  await expectAccessible();

  // The invitation: in Finnish as chosen, neutral, naming who invited, with a link that signs in.
  const invitation = await waitForMail(email, "Kutsu Kohtaamoon", invitedAt);
  expect(invitation.text).toContain("on kutsunut sinut Kohtaamoon");
  expect(`${invitation.subject}\n${invitation.text}`).not.toMatch(/lastensuojel|child protection|barnskydd/i);
  const link = invitation.text!.match(/https?:\/\/\S+\/api\/auth\/callback\/invite\S+/)![0];
  const helperContext = await browser.newContext();
  const helper = await helperContext.newPage();
  await helper.goto(link);
  await expect(helper).toHaveURL(/\/fi\/host$/);

  await page.getByRole("button", { name: "Deactivate Helmi Uusi" }).click();
  await expect(page.getByText("Deactivated. They were signed out and can no longer sign in.")).toBeVisible();
  await helper.reload();
  await expect(helper).toHaveURL(/\/fi\/staff\/sign-in\?next=%2Ffi%2Fhost$/);
  await helperContext.close();
});

test("a facilitator gets the No access page on every planners' page", async ({ page, expectAccessible }) => {
  await signInAs(page, FACILITATOR);
  const [session] = dbRows<{ id: number }>("SELECT id FROM sessions ORDER BY id LIMIT 1");
  for (const path of ["/en/plan", "/en/plan/places", "/en/plan/places/new", "/en/plan/places/1", "/en/plan/sessions/new?mode=series", `/en/plan/sessions/${session!.id}`, "/en/plan/staff"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "No access" })).toBeVisible();
    await expect(page.getByRole("textbox")).toHaveCount(0);
  }
  await expectAccessible();
});

test.describe("without JavaScript", () => {
  // Forms are plain posts to server actions. (axe needs JavaScript; the same pages are checked above.)
  test.use({ javaScriptEnabled: false });

  test("a planner adds a one-off session, and moving it tells the booker the new time", async ({ page, browser }) => {
    const title = `Info evening ${Date.now()}`;
    const day = helsinkiDate(20);
    const later = helsinkiDate(21);
    await signInAs(page, PLANNER);
    await page.goto("/en/plan/sessions/new?mode=once");
    await page.getByLabel("Meeting place").selectOption({ label: "Kohtaamo Järvenpää" });
    await page.getByLabel("Kind of session").selectOption({ label: "Info evening" });
    await page.getByLabel("Date", { exact: true }).fill(day.date);
    await page.getByLabel("Starts").fill("18:00");
    await page.getByLabel("Ends").fill("17:00");
    await page.getByLabel("Title in Finnish").fill(`${title} fi`);
    await page.getByLabel("Title in Swedish").fill(`${title} sv`);
    await page.getByLabel("Title in English").fill(title);
    await page.getByRole("textbox", { name: "Seats", exact: true }).fill("12");
    await page.getByRole("button", { name: "Add the session" }).click();
    await expect(page.getByText("The end must be after the start.")).toBeVisible();
    await expect(page.getByLabel("Title in English")).toHaveValue(title);
    await expect(page.getByRole("textbox", { name: "Seats", exact: true })).toHaveValue("12");
    expect(dbRows("SELECT id FROM sessions WHERE json_extract(title, '$.en') = ?", title)).toEqual([]);

    await page.getByLabel("Ends").fill("19:30");
    await page.getByRole("button", { name: "Add the session" }).click();
    await expect(page.getByText("1 session was added to the schedule.")).toBeVisible();
    const [session] = dbRows<{ id: number; capacity: number }>("SELECT id, capacity FROM sessions WHERE json_extract(title, '$.en') = ?", title);
    expect(session!.capacity).toBe(12);

    const email = `moved.${Date.now()}@example.com`;
    const parentContext = await browser.newContext({ javaScriptEnabled: false });
    const parent = new SessionPage(await parentContext.newPage(), "en");
    await parent.open(session!.id);
    await parent.book({ email });
    await parent.manageLink();
    await parentContext.close();

    await page.goto(`/en/plan/sessions/${session!.id}`);
    await page.getByLabel("Date", { exact: true }).fill(later.date);
    const since = Date.now();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("The new time is saved. 1 booker gets a message.")).toBeVisible();
    const mail = await waitForMail(email, "A change to your visit to Kohtaamo", since);
    expect(mail.text).toContain("The time of the session has changed.");
    const [row] = dbRows<{ startsAt: number; remindAt: number }>(
      `SELECT s.starts_at AS startsAt, o.not_before AS remindAt FROM sessions s JOIN bookings b ON b.session_id = s.id
         JOIN outbox o ON o.booking_id = b.id AND o.kind = 'booking_reminder' AND o.dropped_at IS NULL WHERE s.id = ?`,
      session!.id,
    );
    expect(row!.remindAt).toBe(row!.startsAt - 86_400_000);
    expect(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(row!.startsAt)).toBe(later.date);
  });
});

/** A group of three weekly meetings of its own, for one test. */
function createGroup(title: string, capacity: number) {
  const db = openDb();
  const place = db.prepare("SELECT id FROM places WHERE slug = 'jarvenpaa'").get() as { id: number };
  const text = (s: string) => JSON.stringify({ fi: s, sv: s, en: s });
  // "A test session" keeps it out of firstSessionId(), which other tests use to find the demo's own.
  const described = JSON.stringify({ fi: "A test session (fi)", sv: "A test session (sv)", en: "A test session" });
  const group = db
    .prepare("INSERT INTO session_groups (place_id, title, description, capacity, max_party_size) VALUES (?, ?, ?, ?, 2) RETURNING id")
    .get(place.id, text(title), described, capacity) as { id: number };
  const ids = [0, 1, 2].map((i) => {
    const start = Date.now() + (6 + 7 * i) * 86_400_000;
    return (
      db
        .prepare(
          `INSERT INTO sessions (place_id, kind, starts_at, ends_at, title, description, languages, max_party_size, status, group_id)
           VALUES (?, 'group', ?, ?, ?, ?, '["fi"]', 2, 'scheduled', ?) RETURNING id`,
        )
        .get(place.id, start, start + 7_200_000, text(`${title} ${i + 1}/3`), described, group.id) as { id: number }
    ).id;
  });
  db.close();
  return ids;
}

test("a planner edits a whole group: fewer seats than booked is refused, more seats confirm the queue, and a new title reaches the parents", async ({ page, browser, expectAccessible }) => {
  const title = `Evening group ${Date.now()}`;
  const [first] = createGroup(title, 2);
  const parentContext = await browser.newContext();
  const parent = new SessionPage(await parentContext.newPage(), "en");
  await parent.open(first!);
  await parent.book({ people: 2 });
  await parent.manageLink();
  const email = `queue.${Date.now()}@example.com`;
  await parent.open(first!);
  await parent.book({ people: 1, email });
  await parent.manageLink();

  await signInAs(page, PLANNER);
  const plan = new PlanSessionPage(page);
  await plan.open(first!);
  const group = page.getByRole("region", { name: "The whole group" });
  await expectAccessible();
  await group.getByLabel("Seats in the group").fill("1");
  await group.getByRole("button", { name: "Save the group" }).click();
  await expect(group.getByText("2 seats are already booked.", { exact: false })).toBeVisible();
  await expect(group.getByLabel("Seats in the group")).toHaveValue("1");
  await expect(group.getByLabel("Seats in the group")).toHaveAccessibleDescription(/Fewer seats than are already booked/);

  const since = Date.now();
  await group.getByLabel("Seats in the group").fill("3");
  await group.getByLabel("Title in English").fill(`${title} (renamed)`);
  await group.getByRole("button", { name: "Save the group" }).click();
  await expect(page.getByText("The group is saved.", { exact: false })).toBeVisible();
  await expect(page.getByText("1 booking moved from the waiting list to confirmed", { exact: false })).toBeVisible();
  await waitForMail(email, "Your visit to Kohtaamo is confirmed", since);
  await parent.open(first!);
  await expect(parent.page.getByRole("heading", { level: 1 })).toContainText(`${title} (renamed)`);
  await parentContext.close();
});

test("a planner ends a weekly series from a date: that meeting and the later ones are cancelled, the earlier one stays", async ({ page }) => {
  const db = openDb();
  const place = db.prepare("SELECT id FROM places WHERE slug = 'jarvenpaa'").get() as { id: number };
  const text = JSON.stringify({ fi: "Sarja", sv: "Serie", en: `Weekly evening ${Date.now()}` });
  const rule = db
    .prepare("INSERT INTO series (place_id, weekday, start_time, end_time, from_date, to_date, skip_dates) VALUES (?, 2, '17:00', '19:00', '2026-01-01', '2027-12-31', '[]') RETURNING id")
    .get(place.id) as { id: number };
  const ids = [0, 1, 2].map((i) => {
    const start = Date.now() + (8 + 7 * i) * 86_400_000;
    return (
      db
        .prepare(
          `INSERT INTO sessions (place_id, kind, starts_at, ends_at, title, description, languages, capacity, max_party_size, status, series_id)
           VALUES (?, 'info_evening', ?, ?, ?, ?, '["fi"]', 20, 4, 'scheduled', ?) RETURNING id`,
        )
        .get(place.id, start, start + 7_200_000, text, JSON.stringify({ fi: "A test session (fi)", sv: "A test session (sv)", en: "A test session" }), rule.id) as { id: number }
    ).id;
  });
  db.close();

  await signInAs(page, PLANNER);
  const plan = new PlanSessionPage(page);
  await plan.open(ids[1]!);
  const form = page.getByRole("region", { name: "End the series from a date" });
  await form.getByRole("button", { name: "Cancel the series from this date" }).click();
  await expect(page.getByText("2 meetings were cancelled; nobody had to be told.")).toBeVisible();
  const statuses = openDb()
    .prepare(`SELECT status FROM sessions WHERE id IN (${ids.join(",")}) ORDER BY starts_at`)
    .all()
    .map((r) => (r as { status: string }).status);
  expect(statuses).toEqual(["scheduled", "cancelled", "cancelled"]);
});

test("a planner records a long session's hours and exports the month; the experience expert sees their own", async ({ page, browser, expectAccessible }) => {
  const title = `Long evening ${Date.now()}`;
  const id = createSession({ title, capacity: null, daysAhead: -1 });
  assignFacilitator(id, "facilitator@kohtaamo.local");
  const day = new Date(Date.now() - 86_400_000);
  const from = new Date(day.getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(day.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);

  await signInAs(page, PLANNER);
  await page.goto(`/en/plan/hours?from=${from}&to=${to}&person=${staffId("facilitator@kohtaamo.local")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Experience experts' hours" })).toBeVisible();
  // The filter shows the period and the person it was opened with.
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(from);
  await expect(page.getByLabel("To", { exact: true })).toHaveValue(to);
  await expect(page.getByLabel("Experience expert", { exact: true })).toHaveValue(String(staffId("facilitator@kohtaamo.local")));
  await expectAccessible();
  const hours = page.getByLabel(`Hours for Eero Kokemusasiantuntija, ${title}`);
  await expect(hours).toHaveValue("2");
  await hours.fill("2,5");
  await page.getByRole("row", { name: new RegExp(title) }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The hours are saved.")).toBeVisible();
  await expect(page.getByLabel(`Hours for Eero Kokemusasiantuntija, ${title}`)).toHaveValue("2.5");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("(recorded)");

  const csv = await page.request.get(`/en/plan/hours/export?format=csv&from=${from}&to=${to}`);
  expect(csv.status()).toBe(200);
  const line = (await csv.text()).split("\r\n").find((l) => l.includes(title))!;
  expect(line).toMatch(/Eero Kokemusasiantuntija,.*,2,2\.5$/);
  // In Finnish: semicolons and decimal commas, as Excel here opens them.
  const fiCsv = await page.request.get(`/fi/plan/hours/export?format=csv&from=${from}&to=${to}`);
  expect((await fiCsv.text()).split("\r\n").find((l) => l.includes(title))).toMatch(/^Eero Kokemusasiantuntija;.*;2;2,5$/);

  const own = await browser.newContext();
  const facilitator = await own.newPage();
  await signInAs(facilitator, "facilitator@kohtaamo.local");
  await facilitator.goto(`/en/host/hours?from=${from}&to=${to}`);
  await expect(facilitator.getByRole("row", { name: new RegExp(title) })).toContainText("2.5");
  await expect(facilitator.getByRole("button", { name: "Save" })).toHaveCount(0);
  // The same in Finnish, as most experience experts read it.
  await facilitator.goto(`/fi/host/hours?from=${from}&to=${to}`);
  await expect(facilitator.getByRole("heading", { level: 1, name: "Omat tuntini" })).toBeVisible();
  await expect(facilitator.getByRole("row", { name: new RegExp(title) })).toContainText("2,5");
  await expectAxeClean(facilitator);
  const refused = await facilitator.request.get(`/en/plan/hours/export?format=csv&from=${from}&to=${to}`);
  expect(refused.status()).toBe(403);
  await own.close();
});
