import { test, expect } from "./fixtures";
import { SessionPage } from "./pages/SessionPage";
import { createSession, firstSessionId } from "./support/db";

// The parents' side as it looks on a small, cheap phone.
test.use({ viewport: { width: 360, height: 740 } });

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the first screen opens neutrally and shows the places near the top", async ({ page }) => {
    await page.goto("/fi");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tervetuloa Kohtaamoon");
    // What a bystander reads first says nothing of child protection; the second, smaller sentence does.
    const lead = page.locator("main p").first();
    await expect(lead).not.toContainText("lastensuojelu");
    await expect(page.getByText("Kohtaamo on tarkoitettu vanhemmille, joiden perhe on lastensuojelun asiakkaana.", { exact: false })).toBeVisible();
    // The places, with their town and next open hours, are within the first screen.
    const tikkurila = page.getByTestId("place").filter({ hasText: "Kohtaamo Tikkurila" });
    await expect(tikkurila).toContainText("Vantaa");
    await expect(tikkurila).toContainText(/Seuraavat avoimet ovet: ti \d+\.\d+\. 9\.00–15\.00/);
    const box = (await tikkurila.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(740);
    // The jargon kind is named in a parent's words.
    await expect(page.getByLabel("Millainen tapaaminen").locator("option")).toContainText(["Ideoi kanssamme"]);
    await expect(page.getByText("Yhteiskehittäminen")).toHaveCount(0);
  });

  test("a group is one card that says how many meetings and when", async ({ page }) => {
    await page.goto("/fi");
    const group = page.getByRole("article").filter({ hasText: "Vertaisryhmä vanhemmille" });
    await expect(group).toHaveCount(1);
    await expect(group).toContainText(/6 tapaamista keskiviikkoisin, \d+\.\d+\.–\d+\.\d+\./);
    await expect(group).toContainText("17.30–19.00");
    await page.goto("/en");
    await expect(page.getByRole("article").filter({ hasText: "Peer group for parents" })).toContainText(
      /6 meetings, Wednesdays \d+ [A-Z][a-z]{2} – \d+ [A-Z][a-z]{2}/,
    );
  });

  test("the whole card is a link, and its only link is named by the title", async ({ page }) => {
    await page.goto("/fi");
    const card = page.getByRole("article").filter({ hasText: "Infoilta: oikeutesi" });
    await expect(card.getByRole("link")).toHaveCount(1);
    await expect(card.getByRole("link")).toHaveAccessibleName("Infoilta: oikeutesi ja palvelut");
    // A tap on the card's last line, far from the title, opens the session its title links to.
    const href = await card.getByRole("link").getAttribute("href");
    await card.scrollIntoViewIfNeeded();
    const box = (await card.boundingBox())!;
    await page.mouse.click(box.x + box.width - 12, box.y + box.height - 10);
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  });

  test("a drop-in card does not say drop-in twice", async ({ page }) => {
    await page.goto("/en");
    const card = page.getByRole("article").filter({ hasText: "Drop-in" }).first();
    await expect(card.getByText("Drop-in", { exact: true })).toHaveCount(1);
  });

  test("each language has its own dates, times and words", async ({ page }) => {
    await page.goto("/fi");
    // Month names stay lowercase: the heading is written that way, not capitalised by CSS.
    const fiDay = page.locator("section[aria-labelledby^=day-] h2").first();
    await expect(fiDay).toHaveText(/^[A-ZÄÖ][a-zäö]+ \d+\. [a-zäö]+$/);
    expect(await fiDay.evaluate((h) => getComputedStyle(h).textTransform)).toBe("none");
    await expect(page.getByRole("link", { name: "Te sanoitte, me teimme" })).toBeVisible();

    await page.goto("/sv");
    await expect(page.locator("section[aria-labelledby^=day-] h2").first()).toHaveText(/^[A-ZÅÄÖ][a-zåäö]+ \d+ [a-zåäö]+$/);
    // The demo's drop-in in each language's own time format (tests add drop-ins of their own beside it).
    await expect(page.getByRole("article").filter({ hasText: "Öppet hus" }).filter({ hasText: "9.00–15.00" }).first()).toBeVisible();
    await expect(page.getByTestId("place").filter({ hasText: "Kohtaamo Dickursby" })).toContainText("Vanda");
    // In the reader's alphabetical order (other tests may have added places of their own).
    const names = await page.getByTestId("place").getByRole("link").allTextContents();
    expect(names.filter((n) => ["Kohtaamo Dickursby", "Kohtaamo Träskända"].includes(n))).toEqual(["Kohtaamo Dickursby", "Kohtaamo Träskända"]);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "sv")));

    await page.goto("/sv/places/tikkurila");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kohtaamo Dickursby");
    await expect(page.getByText("Stationsvägen 10 B, 01300 Vanda")).toBeVisible();
    await expect(page.getByText("Vanda och Kervo välfärdsområde")).toBeVisible();

    await page.goto("/en");
    await expect(page.locator("section[aria-labelledby^=day-] h2").first()).toHaveText(/^[A-Z][a-z]+day \d+ [A-Z][a-z]+$/);
    await expect(page.getByRole("article").filter({ hasText: "Drop-in" }).filter({ hasText: "09:00–15:00" }).first()).toBeVisible();
    await page.goto("/en/places/tikkurila");
    await expect(page.getByText("Asematie 10 B, 01300 Vantaa")).toBeVisible();
  });

  test("the manage link can be selected from a readonly field", async ({ page }) => {
    const session = new SessionPage(page, "fi");
    await session.open(firstSessionId("info_evening"));
    await session.book({});
    const link = await session.manageLink();
    const field = page.getByLabel("Varauksesi linkki");
    await expect(field).toHaveJSProperty("readOnly", true);
    await expect(field).toHaveValue(link);
    expect(link).toMatch(/^http:\/\/localhost:\d+\/fi\/manage\/[\w-]{43}$/);
    // Buttons that could do nothing without JavaScript are not shown.
    await expect(page.getByRole("button", { name: "Kopioi linkki" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Lisää kalenteriin" })).toBeVisible();
  });

  test("public pages may stay in the back/forward cache; a booking's page may not", async ({ page, request }) => {
    for (const path of ["/fi", "/sv/places/tikkurila", `/en/sessions/${firstSessionId("group")}`, "/fi/privacy", "/fi/you-said-we-did"]) {
      const res = await request.get(path);
      expect(res.headers()["cache-control"], path).not.toContain("no-store");
    }
    const session = new SessionPage(page, "en");
    await session.open(firstSessionId("info_evening"));
    await session.book({});
    const res = await request.get(await session.manageLink());
    expect(res.headers()["cache-control"]).toContain("no-store");
    expect((await request.get("/en/plan")).headers()["cache-control"]).toContain("no-store");
  });

  test("every page has an icon, so no browser asks for a missing one", async ({ page, request }) => {
    await page.goto("/fi");
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect((await request.get(href!)).status()).toBe(200);
    expect((await request.get("/favicon.ico")).status()).toBe(200);
  });
});

test("the copy button copies the manage link; the page passes axe", async ({ page, context, expectAccessible }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const session = new SessionPage(page, "sv");
  await session.open(firstSessionId("info_evening"));
  await session.book({});
  const link = await session.manageLink();
  await page.getByRole("button", { name: "Kopiera länken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Länken är kopierad." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectAccessible();
});

test("the front page passes axe with its cards in every language", async ({ page, expectAccessible }) => {
  for (const locale of ["fi", "sv", "en"]) {
    await page.goto(`/${locale}`);
    await expectAccessible();
  }
});

test("a place's page links to a map search of its address, and the booking form says the 30-day deletion once", async ({ page, expectAccessible }) => {
  for (const [locale, name, address] of [
    ["fi", "Katso kartalta (OpenStreetMap)", "Asematie 10 B, 01300 Vantaa"],
    ["sv", "Visa på kartan (OpenStreetMap)", "Stationsvägen 10 B, 01300 Vanda"],
  ] as const) {
    await page.goto(`/${locale}/places/tikkurila`);
    // A plain link with the address: no embedded map, nothing loaded from the map service before a tap.
    const map = page.getByRole("link", { name });
    await expect(map).toHaveAttribute("href", `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`);
    await expect(page.locator("iframe")).toHaveCount(0);
    await expectAccessible();
  }

  const id = createSession({ title: "Said once", capacity: 5 });
  for (const [locale, days] of [
    ["fi", /30 päiv/g],
    ["sv", /30 dagar/g],
  ] as const) {
    await page.goto(`/${locale}/sessions/${id}`);
    const form = page.locator("main form").first();
    expect((await form.textContent())!.match(days)).toHaveLength(1);
  }
  await expect(page.getByText("Om du anger e-post, telefonnummer eller behov använder vi dem bara för den här bokningen. Vi raderar dem 30 dagar efter den sista träffen.")).toBeVisible();
});
