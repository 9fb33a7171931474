import { test, expect } from "./fixtures";
import { DoorPage } from "./pages/DoorPage";
import { SessionPage } from "./pages/SessionPage";
import { signInAs } from "./pages/Staff";
import { assignFacilitator, createSession, query } from "./support/db";

// Contexts opened here play a client of their own (as the fixture does for the test's page), so the rate
// limits count per parent, not for every context of the suite at once.
let client = 0;
const own = (o: { javaScriptEnabled?: boolean } = {}) => ({ ...o, extraHTTPHeaders: { "x-forwarded-for": `198.18.1.${++client % 250}` } });

// How parents find the place: the planners' flyer, its QR link's channel tag, "how did you hear" on the
// booking form and at the door, and new parents by channel on the reach dashboard.

const placeId = () => query<{ id: number }>("SELECT id FROM places WHERE slug = 'jarvenpaa'")[0]!.id;

test("a planner prints a flyer in three languages, A4 and A5, whose QR link carries only a channel tag", async ({ page, expectAccessible }) => {
  const id = createSession({ title: "Flyer evening", capacity: 8 });
  await signInAs(page, "planner@kohtaamo.local");
  await page.goto(`/en/plan/places/${placeId()}`);
  await page.getByRole("link", { name: "Flyer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Flyer: / })).toBeVisible();
  const flyer = page.getByTestId("flyer");
  await expect(flyer.getByRole("heading", { name: "Peer support and information for parents" })).toBeVisible();
  await expect(flyer.getByRole("img", { name: /Scan the code/ })).toBeVisible();
  await expect(page.getByTestId("flyer-url")).toHaveText(/\/en\/places\/jarvenpaa\?from=flyer-sw$/);
  // Nothing on a flyer names the service's subject.
  await expect(flyer).not.toContainText(/child protection/i);
  await expectAccessible();

  // Swedish, A5, handed out at a library: chosen with the keyboard through the plain GET form.
  await page.getByLabel("Flyer language").selectOption("sv");
  await page.getByLabel("Paper size").selectOption("a5");
  await page.getByLabel("Where is the flyer handed out?").selectOption({ label: "Library or community space" });
  await page.getByRole("button", { name: "Show the flyer" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/lang=sv&size=a5&tag=library/);
  await expect(flyer.getByRole("heading", { name: "Kamratstöd och information för föräldrar" })).toBeVisible();
  await expect(flyer).toHaveAttribute("lang", "sv");
  await expect(page.getByTestId("flyer-url")).toHaveText(/\/sv\/places\/jarvenpaa\?from=flyer-library$/);
  await expectAccessible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation").first()).toBeHidden();
  // A5 at 96 dpi.
  await page.setViewportSize({ width: 559, height: 794 });
  await page.screenshot({ path: test.info().outputPath("flyer-a5-sv.png"), fullPage: true });

  // A session's own flyer in Finnish, A4, from the planner's session page.
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/en/plan/sessions/${id}`);
  await page.getByRole("link", { name: "Flyer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Flyer for a session: Flyer evening" })).toBeVisible();
  await page.getByLabel("Flyer language").selectOption("fi");
  await page.getByRole("button", { name: "Show the flyer" }).click();
  await expect(flyer.getByRole("heading", { name: "Vertaistukea ja tietoa vanhemmille" })).toBeVisible();
  await expect(flyer).toContainText("Flyer evening (fi)");
  await expect(flyer).toContainText("Infoilta");
  await page.emulateMedia({ media: "print" });
  // A4 at 96 dpi.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: test.info().outputPath("flyer-a4-fi.png"), fullPage: true });
});

test("a parent who came from a flyer's QR code finds 'a flyer' chosen on the booking form, without JavaScript", async ({ browser }) => {
  const id = createSession({ title: "Flyer booking", capacity: 8, daysAhead: 1 });
  for (const [locale, label, flyerLabel] of [
    ["fi", "Mistä kuulit Kohtaamosta?", "Esitteestä"],
    ["sv", "Hur hörde du om Kohtaamo?", "Från en broschyr"],
    ["en", "How did you hear of Kohtaamo?", "From a flyer"],
  ] as const) {
    const context = await browser.newContext(own({ javaScriptEnabled: false }));
    const page = await context.newPage();
    // The QR code's address: the place's page with the tag, which its session links pass on.
    await page.goto(`/${locale}/places/jarvenpaa?from=flyer-health`);
    await page.getByRole("link", { name: `Flyer booking (${locale})`.replace(" (en)", "") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/sessions/${id}\\?from=flyer-health$`));
    const question = page.getByLabel(label);
    await expect(question.locator("option:checked")).toHaveText(flyerLabel);
    if (locale === "en") {
      // The parent may change it, or leave it; here they say a social worker told them.
      await question.selectOption("social_worker");
    }
    await new SessionPage(page, locale).book({ nickname: `Flyer ${locale}` });
    await new SessionPage(page, locale).manageLink();
    await context.close();
  }
  const rows = query<{ nickname: string; heard_from: string | null }>("SELECT nickname, heard_from FROM bookings WHERE session_id = ? ORDER BY id", id);
  expect(rows).toEqual([
    { nickname: "Flyer fi", heard_from: "flyer" },
    { nickname: "Flyer sv", heard_from: "flyer" },
    { nickname: "Flyer en", heard_from: "social_worker" },
  ]);
  // A tag that could name someone is not a channel: nothing is chosen.
  const context = await browser.newContext(own({ javaScriptEnabled: false }));
  const page = await context.newPage();
  await page.goto(`/en/sessions/${id}?from=flyer-maija`);
  await expect(page.getByLabel("How did you hear of Kohtaamo?").locator("option:checked")).toHaveText("Rather not say");
  await context.close();
});

test("at the door, one tap says how a first-time walk-in heard, and reach shows new parents by channel", async ({ page, expectAccessible }) => {
  const id = createSession({ title: "Channel drop-in", capacity: null, kind: "drop_in", daysAhead: 0.01 });
  assignFacilitator(id, "facilitator@kohtaamo.local");
  await signInAs(page, "facilitator@kohtaamo.local");
  const door = new DoorPage(page);
  await door.open(id);
  await expect(page.getByRole("heading", { name: /How did they hear of Kohtaamo/ })).toBeHidden();
  await door.tap("Parent, first time here");
  const ask = page.getByRole("region", { name: /How did they hear of Kohtaamo/ });
  await expect(ask).toBeVisible();
  await expectAccessible();
  await ask.getByRole("button", { name: "From a friend or another parent" }).click();
  await expect(page.getByTestId("heard-from-status")).toHaveText("Saved: From a friend or another parent");
  await expect(ask.getByRole("button", { name: "From a friend or another parent" })).toHaveAttribute("aria-pressed", "true");
  // A returning parent is not asked.
  await door.tap("Parent, been before");
  await expect(ask).toBeHidden();
  await expect.poll(() => query("SELECT kind, first_time AS firstTime, heard_from AS heardFrom FROM visits WHERE session_id = ? ORDER BY id", id)).toEqual([
    { kind: "parent", firstTime: 1, heardFrom: "peer" },
    { kind: "parent", firstTime: 0, heardFrom: null },
  ]);

  // Offline: a new parent, a visitor code for them, then how they heard. Back online, the channel is on
  // the coded visit the tap became (it answers to the code desk's key by then), once.
  await page.context().setOffline(true);
  await door.tap("Parent, first time here");
  await page.getByRole("button", { name: "+ New parent, give a visitor code" }).click();
  await ask.getByRole("button", { name: "From a social worker" }).click();
  await page.context().setOffline(false);
  await expect(page.getByTestId("issued-code")).toHaveText(/^[A-Z]{3}-\d{4}-[A-Z]{3}$/);
  await expect
    .poll(() => query("SELECT source, heard_from AS heardFrom FROM visits WHERE session_id = ? AND first_time = 1 ORDER BY id", id))
    .toEqual([
      { source: "walk_in", heardFrom: "peer" },
      { source: "code", heardFrom: "social_worker" },
    ]);

  await signInAs(page, "planner@kohtaamo.local");
  await page.goto("/en/plan/reach?period=this_month");
  const table = page.getByTestId("channels");
  await expect(page.getByRole("heading", { name: "New parents: how they heard of Kohtaamo" })).toBeVisible();
  await expect(table.getByRole("row", { name: /From a friend or another parent/ })).toHaveText(/[1-9]\d*$/);
  await expectAccessible();
  // For publication, a channel under 5 is "<5".
  await page.goto("/en/plan/reach?period=this_month&publish=1");
  await expect(table.getByRole("row", { name: /From a friend or another parent/ })).toContainText("<5");
});
