import { test, expect } from "./fixtures";
import { SessionPage } from "./pages/SessionPage";
import { bookingsOf, createSession } from "./support/db";
import { E2E } from "./support/env.cjs";

for (const javaScriptEnabled of [false, true]) {
  test.describe(`bad input ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test("errors show in Swedish next to their fields, what was typed is kept, nothing is saved", async ({ page }) => {
      const id = createSession({ title: `Errors ${javaScriptEnabled}`, capacity: 10 });
      const session = new SessionPage(page, "sv");
      await session.open(id);
      const longName = "N".repeat(45);
      await page.getByLabel(/smeknamn/).fill(longName);
      await page.getByRole("textbox", { name: /E-post/ }).fill("maija@");
      await page.getByLabel(/Tillgänglighetsbehov/).fill("Rullstol");
      await page.getByRole("button", { name: "Boka" }).click();

      const email = page.getByRole("textbox", { name: /E-post/ });
      await expect(page.getByText("Kontrollera de markerade fälten.")).toBeVisible();
      await expect(email).toHaveAccessibleDescription(/E-postadressen har fel form/);
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel(/smeknamn/)).toHaveAccessibleDescription(/Texten är för lång/);
      // The summary at the top links to each field with an error (and there is no consent box to tick).
      const summary = page.getByRole("alert").filter({ hasText: "Kontrollera de markerade fälten." });
      await expect(summary.getByRole("link")).toHaveCount(2);
      await expect(page.getByRole("checkbox", { name: /Jag godkänner/ })).toHaveCount(0);
      await expect(email).toHaveValue("maija@");
      await expect(page.getByLabel(/smeknamn/)).toHaveValue(longName);
      await expect(page.getByLabel(/Tillgänglighetsbehov/)).toHaveValue("Rullstol");
      expect(bookingsOf(id)).toEqual([]);
    });
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a cancelled or past session cannot be booked and says why", async ({ page }) => {
    const cancelled = createSession({ title: "Called off", capacity: 10, status: "cancelled" });
    await page.goto(`/en/sessions/${cancelled}`);
    await expect(page.getByText("This session has been cancelled.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Book" })).toHaveCount(0);

    const past = createSession({ title: "Yesterday", capacity: 10, daysAhead: -1 });
    await page.goto(`/en/sessions/${past}`);
    await expect(page.getByText("This session is already over.")).toBeVisible();
  });

  test("a session cancelled while the form was open refuses the booking and says so", async ({ page }) => {
    const id = createSession({ title: "Soon cancelled", capacity: 10 });
    const session = new SessionPage(page, "fi");
    await session.open(id);
    const { openDb } = await import("./support/db");
    const db = openDb();
    db.prepare("UPDATE sessions SET status = 'cancelled' WHERE id = ?").run(id);
    db.close();
    await session.book({ nickname: "Pekka" });
    // The page is drawn again from the database, which now says the session is off.
    await expect(page.getByText("Tämä tapaaminen on peruttu.")).toBeVisible();
    expect(bookingsOf(id)).toEqual([]);
  });

  test("a forged manage link says it does not work", async ({ page }) => {
    await page.goto(`/en/manage/${"x".repeat(43)}`);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await page.goto(`/sv/manage/short`);
    await expect(page.getByRole("heading", { name: "Länken fungerar inte" })).toBeVisible();
    const ics = await page.request.get(`/en/manage/${"x".repeat(43)}/calendar.ics`);
    expect(ics.status()).toBe(404);
  });

  test("many bookings from one address are slowed down with a clear message", async ({ page }) => {
    const id = createSession({ title: "Rate limited", capacity: 100 });
    const session = new SessionPage(page, "en");
    for (let i = 0; i < E2E.rateLimit; i++) {
      await session.open(id);
      await session.book({});
      await session.manageLink();
    }
    await session.open(id);
    await session.book({ nickname: "One too many" });
    await expect(page.getByText(/^Many bookings were just made from this network\. Please wait 10 minutes, or call the meeting place on [\d +]+\.$/)).toBeVisible();
    await expect(page.getByLabel(/nickname/)).toHaveValue("One too many");
    expect(bookingsOf(id)).toHaveLength(E2E.rateLimit);
  });
});

// Forging the request needs a script in the page, so this one runs with JavaScript.
test("too many people is refused with the limit", async ({ page }) => {
  const id = createSession({ title: "Party limit", capacity: 10, maxPartySize: 2 });
  const session = new SessionPage(page, "en");
  await session.open(id);
  // The select offers 1–2; a forged request asks for 3.
  await page.getByLabel(/How many/).evaluate((el) => {
    const option = document.createElement("option");
    option.value = option.textContent = "3";
    el.appendChild(option);
  });
  await session.book({ people: 3 });
  await expect(page.getByLabel(/How many/)).toHaveAccessibleDescription(/You can book at most 2 seats at a time./);
  expect(bookingsOf(id)).toEqual([]);
});

test.describe("answers a browser, a crawler and a proxy can read", () => {
  /** The booking form's fields as the page holds them (Next's hidden action fields too), to post by hand. */
  async function bookingFields(page: import("@playwright/test").Page, id: number) {
    await page.goto(`/en/sessions/${id}`);
    const form = page.locator("form", { has: page.getByLabel(/nickname/i) });
    const fields = await form.evaluate((f) => [...new FormData(f as HTMLFormElement).entries()].map(([name, value]) => [name, String(value)] as const));
    return Object.fromEntries(fields) as Record<string, string>;
  }

  test("a form posted from another site is a 403 and a body of a megabyte a 413, and neither books", async ({ page }) => {
    const id = createSession({ title: "Posted from elsewhere", capacity: 10 });
    const fields = await bookingFields(page, id);
    const post = (multipart: Record<string, string>, origin: string) => page.request.post(`/en/sessions/${id}`, { multipart, headers: { origin }, maxRedirects: 0 });

    const crossSite = await post({ ...fields, nickname: "From elsewhere" }, "https://evil.example");
    expect(crossSite.status()).toBe(403);
    expect((await post({ ...fields, nickname: "From nowhere" }, "null")).status()).toBe(403);
    const huge = await post({ ...fields, nickname: "x".repeat(1024 * 1024) }, E2E.baseURL);
    expect(huge.status()).toBe(413);
    expect(bookingsOf(id)).toEqual([]);

    // The same post from our own page books (a redirect to the new booking's page).
    const ours = await post({ ...fields, nickname: "From here" }, E2E.baseURL);
    expect(ours.status()).toBeLessThan(400);
    expect(bookingsOf(id).map((b) => b.nickname)).toEqual(["From here"]);
  });

  test("a page that is not there answers 404 with its own title, in the page's language", async ({ page }) => {
    const pages: [string, string, RegExp][] = [
      ["/fi/sessions/999999", "Sivua ei löytynyt", /Sivua ei löytynyt/],
      ["/sv/sessions/999999", "Sidan hittades inte", /Sidan hittades inte/],
      ["/fi/does-not-exist", "Sivua ei löytynyt", /Sivua ei löytynyt/],
      ["/en/no/such/page", "Page not found", /Page not found/],
      ["/fi/places/no-such-place", "Sivua ei löytynyt", /Sivua ei löytynyt/],
      [`/fi/manage/${"x".repeat(43)}`, "Linkki ei toimi", /Linkki ei toimi/],
      [`/en/manage/${"x".repeat(43)}/cancel`, "This link does not work", /This link does not work/],
    ];
    for (const [path, heading, title] of pages) {
      const response = await page.goto(path);
      expect([path, response!.status()]).toEqual([path, 404]);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page).toHaveTitle(title);
    }
    // A page that is there still answers 200.
    expect((await page.goto(`/fi/sessions/${createSession({ title: "There", capacity: 5 })}`))!.status()).toBe(200);
  });
});
