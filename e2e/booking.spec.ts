import fs from "node:fs";
import { test, expect, expectAxeClean } from "./fixtures";
import { E2E } from "./support/env.cjs";
import { SessionPage } from "./pages/SessionPage";
import { bookingsOf, createSession, query } from "./support/db";
import { waitForMail } from "./support/mail";

// Parents on old phones may have no JavaScript: the whole journey must work without it.
test.use({ javaScriptEnabled: false });

test("a parent books without JavaScript, gets the e-mail and calendar file, then cancels", async ({ page }) => {
  const id = createSession({ title: "No-JS evening", capacity: 5 });
  const session = new SessionPage(page, "en");
  await session.open(id);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No-JS evening");
  await expect(page.getByText("5 seats left")).toBeVisible();

  await session.book({ nickname: "Maija", people: 2, email: "maija.nojs@example.com" });
  const link = await session.manageLink();
  await expect(page.getByRole("heading", { name: "Your booking is confirmed" })).toBeVisible();
  const [booking] = bookingsOf(id);
  expect(booking).toMatchObject({ status: "confirmed", partySize: 2, nickname: "Maija", email: "maija.nojs@example.com" });
  await expect(page.getByText(booking!.code)).toBeVisible();

  // The confirmation: neutral subject, the manage link, the calendar attached.
  const mail = await waitForMail("maija.nojs@example.com", "Your visit to Kohtaamo");
  expect(mail.text).toContain(link);
  expect(mail.text).toContain(booking!.code);
  expect(mail.attachments.some((a) => a.contentType.startsWith("text/calendar"))).toBe(true);

  // The calendar file from the page.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to calendar" }).click();
  const ics = fs.readFileSync((await (await download).path())!, "utf8");
  expect(ics).toContain("SUMMARY:Kohtaamo Järvenpää");

  // The manage link works on another device, without signing in.
  const other = await page.context().browser()!.newContext({ javaScriptEnabled: false });
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await otherPage.getByRole("link", { name: "Cancel booking" }).click();
  await expect(otherPage.getByRole("heading", { name: "Cancel this booking?" })).toBeVisible();
  expect(bookingsOf(id)[0]!.status).toBe("confirmed"); // the confirm step changes nothing yet
  await otherPage.getByRole("button", { name: "Yes, cancel the booking" }).click();
  await expect(otherPage.getByRole("heading", { name: "The booking has been cancelled" })).toBeVisible();
  expect(bookingsOf(id)[0]!.status).toBe("cancelled");
  await other.close();

  await session.open(id);
  await expect(page.getByText("5 seats left")).toBeVisible();
});

test("a full session offers the waiting list, and a cancellation promotes the first who fits", async ({ page, browser }) => {
  const id = createSession({ title: "Small evening", capacity: 2 });
  const session = new SessionPage(page, "en");
  await session.open(id);
  await session.book({ people: 2, email: "first.wl@example.com" });
  const firstLink = await session.manageLink();

  await session.open(id);
  await expect(page.getByText("Full – you can join the waiting list")).toBeVisible();
  await session.book({ people: 2, email: "second.wl@example.com", submit: "Join the waiting list" });
  const secondLink = await session.manageLink();
  await expect(page.getByRole("heading", { name: "You are on the waiting list" })).toBeVisible();
  await expect(page.getByText("You are number 1 in the queue.")).toBeVisible();

  await session.open(id);
  await session.book({ people: 1, submit: "Join the waiting list" });
  await expect(page.getByText("You are number 2 in the queue.")).toBeVisible();
  await waitForMail("second.wl@example.com", "Your visit to Kohtaamo: waiting list");

  // The first parent cancels; the second is confirmed in the same step.
  const first = await browser.newContext({ javaScriptEnabled: false });
  const firstPage = await first.newPage();
  await firstPage.goto(`${firstLink}/cancel`);
  await firstPage.getByRole("button", { name: "Yes, cancel the booking" }).click();
  await first.close();
  expect(bookingsOf(id).map((b) => b.status)).toEqual(["cancelled", "confirmed", "waitlisted"]);

  await page.goto(secondLink);
  await expect(page.getByText("Status: Confirmed")).toBeVisible();
  await waitForMail("second.wl@example.com", "Your visit to Kohtaamo is confirmed");
});

test("a group booking takes a seat in all its meetings", async ({ page }) => {
  await page.goto("/fi");
  await page.getByRole("link", { name: "Vertaisryhmä vanhemmille" }).click();
  await expect(page.getByRole("heading", { name: "Ryhmä kokoontuu 6 kertaa" })).toBeVisible();
  await expect(page.getByText("Varaus koskee ryhmän kaikkia tapaamisia.")).toBeVisible();
  const session = new SessionPage(page, "fi");
  await session.book({});
  await session.manageLink();
  await expect(page.getByRole("heading", { name: "Varaus on vahvistettu" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: /17\.30/ })).toHaveCount(6);

  // Cancelling names every meeting, from the first to the last, and says one missed meeting needs nothing.
  await page.getByRole("link", { name: "Peru varaus" }).click();
  await expect(page.getByText(/kaikki 6 tapaamista, \d[\d. ]*–[\d. ]*\d/)).toBeVisible();
  await expect(page.getByText("Jos et pääse yhteen tapaamiseen, sinun ei tarvitse perua mitään")).toBeVisible();
});

test("a parent keeps a visitor code from the booking page, and brings a code to a booking", async ({ page }) => {
  const id = createSession({ title: "Code evening", capacity: 5 });
  const session = new SessionPage(page, "en");
  await session.open(id);
  // A booking code typed in the wrong field is refused for its shape, and what was typed stays.
  await page.getByLabel("Visitor code (if you have one)").fill("QQQ-333");
  await session.book({ nickname: "Aino" });
  await expect(page.getByLabel("Visitor code (if you have one)")).toHaveAccessibleDescription(/A visitor code has three groups/);
  await expect(page.getByLabel("Visitor code (if you have one)")).toHaveValue("QQQ-333");
  expect(bookingsOf(id)).toEqual([]);

  await page.getByLabel("Visitor code (if you have one)").fill("");
  await session.book({ nickname: "Aino" });
  await session.manageLink();
  await page.getByRole("button", { name: "Get a visitor code" }).click();
  const code = (await page.getByText(/^[A-Z]{3}-\d{4}-[A-Z]{3}$/).textContent())!;
  await expect(page.getByRole("img", { name: `QR code of the visitor code ${code}` })).toBeVisible();

  // At the next booking the parent brings the code, typed loosely.
  const next = createSession({ title: "Next evening", capacity: 5 });
  await session.open(next);
  await page.getByLabel("Visitor code (if you have one)").fill(code.toLowerCase().replaceAll("-", ""));
  await session.book({});
  await session.manageLink();
  const known = await page.locator("#visitor-code").innerText();
  const { query } = await import("./support/db");
  expect(query<{ code: string }>("SELECT visitor_code AS code FROM bookings WHERE session_id IN (?, ?) ORDER BY id", id, next)).toEqual([{ code }, { code }]);

  // A well-formed code nobody was given is answered exactly like a real one: the form cannot be used to find codes.
  await session.open(next);
  await page.getByLabel("Visitor code (if you have one)").fill("hey 3467 abc");
  await session.book({});
  await session.manageLink();
  await expect(page.getByRole("heading", { name: "Your booking is confirmed" })).toBeVisible();
  expect((await page.locator("#visitor-code").innerText()).replace("HEY-3467-ABC", code)).toBe(known);
});

test("a party larger than the whole session is never offered, and refused with what was typed kept", async ({ page }) => {
  const id = createSession({ title: "Small evening", capacity: 3, maxPartySize: 4 });
  const session = new SessionPage(page, "en");
  await session.open(id);
  const people = page.getByLabel(/how many/i);
  await expect(people.locator("option")).toHaveText(["1", "2", "3"]);

  // The planner makes the evening smaller while the parent is filling the form in.
  const { run } = await import("./support/db");
  run("UPDATE sessions SET capacity = 2 WHERE id = ?", id);
  await session.book({ nickname: "Aino", people: 3 });
  await expect(people).toHaveAccessibleDescription(/This session has 2 seats in all/);
  await expect(page.getByLabel(/nickname/i)).toHaveValue("Aino");
  expect(bookingsOf(id)).toEqual([]);
});

test("a parent without e-mail sees on the booking page that the session was cancelled, or moved, and what else is coming", async ({ page }) => {
  const cancelled = createSession({ title: "Evening to be cancelled", capacity: 5 });
  const moved = createSession({ title: "Evening to be moved", capacity: 5, daysAhead: 6 });
  const session = new SessionPage(page, "en");
  await session.open(cancelled);
  await session.book({});
  const cancelledLink = await session.manageLink();
  await session.open(moved);
  await session.book({});
  const movedLink = await session.manageLink();

  // The planner cancels one and moves the other (as the schedule's own writes do).
  const { run } = await import("./support/db");
  run("UPDATE sessions SET status = 'cancelled' WHERE id = ?", cancelled);
  run("UPDATE sessions SET starts_at = starts_at + 86400000, ends_at = ends_at + 86400000, moved_at = ? WHERE id = ?", Date.now(), moved);

  await page.goto(cancelledLink);
  await expect(page.getByText("The session was cancelled", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Status: The session was cancelled")).toBeVisible();
  await expect(page.getByRole("link", { name: "Cancel booking" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add to calendar" })).toHaveCount(0);
  const others = page.getByRole("region", { name: /^Other coming sessions at/ });
  await expect(others.getByRole("link").first()).toBeVisible(); // the place's next sessions, soonest first
  const ics = await page.request.get(`${cancelledLink}/calendar.ics`);
  expect(await ics.text()).toContain("STATUS:CANCELLED");

  await page.goto(movedLink);
  await expect(page.getByText("The time has changed")).toBeVisible();
  await expect(page.getByText("Status: Confirmed")).toBeVisible();
  await expect(page.getByRole("link", { name: "Cancel booking" })).toBeVisible();
});

test.describe("a booking limit speaks of people", () => {
  const placePhone = () => query<{ phone: string }>("SELECT contact_phone AS phone FROM places WHERE slug = 'jarvenpaa'")[0]!.phone;
  // An address of this test's own, so the refusal can be seen again in a browser with JavaScript (for axe).
  const address = `192.0.2.${20 + Math.floor(Math.random() * 200)}`;

  test("the seat cap, in Finnish: how many one booker may book, and the meeting place's phone", async ({ page, browser }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
    const id = createSession({ title: "Paikkaraja", capacity: 25 });
    const session = new SessionPage(page, "fi");
    for (let i = 0; i < 2; i++) {
      await session.open(id);
      await session.book({ people: 4 });
      await session.manageLink();
    }
    await session.open(id);
    await session.book({ nickname: "Yhdeksäs", people: 1 });
    // The session's place's phone as it is now (another test may edit it).
    const said = `Yksi varaaja voi varata tähän enintään 8 paikkaa. Jos tarvitset enemmän, soita kohtaamispaikkaan, puh. ${placePhone()}.`;
    await expect(page.getByText(said)).toBeVisible();
    await expect(page.getByLabel(/nimimerkki/i)).toHaveValue("Yhdeksäs");
    expect(bookingsOf(id).reduce((n, b) => n + b.partySize, 0)).toBe(8);

    // The same refusal with JavaScript, checked by axe.
    const withScript = await browser.newContext({ javaScriptEnabled: true, extraHTTPHeaders: { "x-forwarded-for": address } });
    const again = await withScript.newPage();
    await new SessionPage(again, "fi").open(id);
    await new SessionPage(again, "fi").book({ people: 1 });
    await expect(again.getByText(said)).toBeVisible();
    await expectAxeClean(again);
    await withScript.close();
  });

  test("the rate limit, in Swedish: from this network, wait ten minutes or call the meeting place", async ({ page }) => {
    const id = createSession({ title: "Nätverksgräns", capacity: 100 });
    const session = new SessionPage(page, "sv");
    for (let i = 0; i < E2E.rateLimit; i++) {
      await session.open(id);
      await session.book({});
      await session.manageLink();
    }
    await session.open(id);
    await session.book({ nickname: "En för mycket" });
    await expect(page.getByText(`Många bokningar har just gjorts från det här nätverket. Vänta 10 minuter eller ring mötesplatsen, tfn ${placePhone()}.`)).toBeVisible();
    await expect(page.getByLabel(/smeknamn/i)).toHaveValue("En för mycket");
    expect(bookingsOf(id)).toHaveLength(E2E.rateLimit);
  });
});
