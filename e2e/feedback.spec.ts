import { test, expect } from "./fixtures";
import { DoorPage } from "./pages/DoorPage";
import { signInAs } from "./pages/Staff";
import { randomBytes } from "node:crypto";
import { assignFacilitator, createSession, query, run } from "./support/db";

test("closing shows the feedback QR; a parent answers in Swedish without JavaScript; staff see it and act on a concern", async ({
  page,
  browser,
  expectAccessible,
}) => {
  const id = createSession({ title: "Feedback evening", capacity: 5, daysAhead: -0.05 });
  assignFacilitator(id, "facilitator@kohtaamo.local");

  await signInAs(page, "facilitator@kohtaamo.local");
  await page.goto(`/en/host/sessions/${id}`);
  await page.getByRole("button", { name: "+ Parent, first time here" }).click();
  await expect(page.getByTestId("total")).toHaveText("1 visitor");
  await new DoorPage(page).close();
  await expect(page.getByRole("img", { name: "QR code to the feedback form" })).toBeVisible();
  await expectAccessible();
  const link = (await page.getByTestId("feedback-link").textContent())!;
  expect(link).toMatch(/^http:\/\/localhost:\d+\/feedback\/[\w-]{12}$/);

  // The planner's dashboard before the answer (the demo's history has feedback of its own).
  const office = await browser.newContext();
  const planner = await office.newPage();
  await signInAs(planner, "planner@kohtaamo.local");
  const [jarvenpaa] = query<{ id: number }>("SELECT id FROM places WHERE slug = 'jarvenpaa'");
  const dashboard = `/en/plan/reach?period=all&place=${jarvenpaa!.id}&kind=info_evening`;
  const responsesOnDashboard = async () => {
    await planner.goto(dashboard);
    const figure = planner.getByTestId("feedback-responses");
    return (await figure.count()) ? Number((await figure.textContent())!.replace(/\D/g, "")) : 0;
  };
  const before = await responsesOnDashboard();

  // The QR code's link, opened on a Swedish phone without JavaScript.
  const phone = await browser.newContext({ javaScriptEnabled: false, locale: "sv-FI", extraHTTPHeaders: { "x-forwarded-for": "203.0.113.50" } });
  const parent = await phone.newPage();
  await parent.goto(link);
  await expect(parent).toHaveURL(/\/sv\/feedback\//);
  await expect(parent.getByRole("heading", { level: 1, name: "Berätta hur det var" })).toBeVisible();
  // Ticking the concern box without writing it: the form says so and keeps the rest.
  await parent.getByText("Bra", { exact: true }).click();
  await parent.getByRole("group", { name: /Jag fick information/ }).getByLabel("Ja").check();
  await parent.getByRole("group", { name: /mindre ensam/ }).getByLabel("Vet inte").check();
  await parent.getByLabel(/Vill du säga något mer/).fill("Tack för kaffet och samtalet.");
  await parent.getByLabel(/Jag eller mitt barn blev illa bemötta/).check();
  await parent.getByRole("button", { name: "Skicka" }).click();
  await expect(parent.getByText("Skriv din oro här, eller ta bort krysset ovan.")).toBeVisible();
  await expect(parent.getByLabel(/Vill du säga något mer/)).toHaveValue("Tack för kaffet och samtalet.");
  // Written, but the box unticked again: the concern is still kept, never silently dropped.
  await parent.getByLabel(/Jag eller mitt barn blev illa bemötta/).uncheck();
  await parent.getByLabel("Berätta om din oro").fill("Min son blev illa bemött på ett möte.");
  await parent.getByLabel(/Om du vill att vi kontaktar dig/).fill("040 765 4321");
  await parent.getByRole("button", { name: "Skicka" }).click();
  await expect(parent.getByRole("heading", { name: "Tack för din respons!" })).toBeVisible();
  await expect(parent.getByText("Din oro har skickats vidare till de ansvariga (Kohtaamo-demo ry).")).toBeVisible();
  await expect(parent.getByText("Vi kontaktar dig inom 2 arbetsdagar.")).toBeVisible();
  await expect(parent.getByText(/raderas 90 dagar efter/)).toBeVisible();
  await expect(parent.getByText(/ring nödnumret 112/)).toBeVisible();
  // The official route, of the session's own county (Järvenpää: Keski-Uusimaa).
  await expect(parent.getByRole("heading", { name: "Om du vill gå vidare med saken" })).toBeVisible();
  await expect(parent.getByText(/Demo-sosiaaliasiavastaava \(Keski-Uusimaa\)/)).toBeVisible();
  await expect(parent.getByText(/sosiaaliasiavastaava@keski-uusimaa\.example/)).toBeVisible();
  // axe needs JavaScript: the same pages, checked in the facilitator's browser.
  const thanks = parent.url();
  for (const url of [parent.url().replace(/\/thanks.*$/, ""), thanks]) {
    await page.goto(url);
    await expectAccessible();
  }

  // The same device cannot answer twice.
  await parent.goto(link);
  await parent.getByText("Dåligt", { exact: true }).click();
  await parent.getByRole("button", { name: "Skicka" }).click();
  await expect(parent.getByText("Du har redan svarat om den här träffen på den här enheten. Tack!")).toBeVisible();
  await phone.close();

  expect(query("SELECT rating, got_information AS info, less_alone AS alone, comment FROM feedback_responses WHERE session_id = ?", id)).toEqual([
    { rating: 4, info: "yes", alone: "cant_say", comment: "Tack för kaffet och samtalet." },
  ]);

  // The facilitator never reads the concern; with one answer, not even the answer itself, only totals.
  await page.goto("/en/host/feedback");
  const mine = page.getByRole("region", { name: /Feedback evening.*1 answer/ });
  await expect(mine.getByText("Fewer than 5 answers: you see the totals only")).toBeVisible();
  await expect(mine.getByText("Good: 1")).toBeVisible();
  await expect(page.getByText("Tack för kaffet och samtalet.")).toHaveCount(0);
  await expect(page.getByText("Min son blev illa bemött")).toHaveCount(0);
  await expectAccessible();

  // The answer is on the planner's dashboard.
  expect(await responsesOnDashboard()).toBe(before + 1);

  // A planner finds the concern in its own queue, records what was done, and resolves it.
  await planner.goto("/en/host");
  await planner.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Feedback", exact: true }).click();
  // Other tests running beside this one may have raised concerns of their own.
  await expect(planner.getByRole("heading", { name: /^Concerns \(\d+\)$/ })).toBeVisible();
  const concernInQueue = planner.getByRole("region", { name: /^Concerns/ }).getByRole("listitem").filter({ hasText: "Min son blev illa bemött" });
  // In the comments to handle (and beside the professionals' answers, in the side-by-side view).
  await expect(planner.getByRole("region", { name: "Comments", exact: true }).getByText("Tack för kaffet och samtalet.")).toBeVisible();
  await expect(planner.getByTestId("sbs-parents").getByText("Tack för kaffet och samtalet.")).toBeVisible();
  await expectAccessibleOn(planner);
  await concernInQueue.getByRole("link", { name: "Open the concern" }).click();
  await expect(planner.getByText("040 765 4321")).toBeVisible();
  await planner.getByLabel("Write what was done").fill("Called the parent and agreed on a meeting with the unit.");
  await planner.getByLabel("Status").selectOption("contacted");
  await planner.getByRole("button", { name: "Record the action" }).click();
  await expect(planner.getByText("The action has been recorded.")).toBeVisible();
  // The control shows the status now, so the next action does not quietly reset it to "New".
  await expect(planner.getByLabel("Status")).toHaveValue("contacted");
  await planner.getByLabel("Write what was done").fill("Sent the unit's contact details.");
  await planner.getByRole("button", { name: "Record the action" }).click();
  await expect(planner.getByText("Sent the unit's contact details.")).toBeVisible();
  await expect(planner.getByLabel("Status")).toHaveValue("contacted");
  await planner.reload();
  await expect(planner.getByLabel("Status")).toHaveValue("contacted");
  await planner.getByLabel("Write what was done").fill("Meeting held; the parent was satisfied.");
  await planner.getByLabel("Status").selectOption("resolved");
  await planner.getByRole("button", { name: "Record the action" }).click();
  await expect(planner.getByText("Meeting held; the parent was satisfied.")).toBeVisible();
  await expectAccessibleOn(planner);
  const concern = query<{ id: number; status: string }>("SELECT id, status FROM concerns WHERE session_id = ?", id)[0]!;
  expect(concern.status).toBe("resolved");
  expect(query("SELECT status FROM concern_actions WHERE concern_id = ? ORDER BY id", concern.id)).toEqual([
    { status: "contacted" },
    { status: "contacted" },
    { status: "resolved" },
  ]);
  expect(query("SELECT 1 AS seen FROM audit_log WHERE action = 'concern.view' AND subject_id = ?", String(concern.id)).length).toBeGreaterThan(0);
  await office.close();
});

test("a planner publishes 'you said, we did' and parents read it in all three languages", async ({ page, expectAccessible }) => {
  await signInAs(page, "planner@kohtaamo.local");
  await page.goto("/en/plan/feedback/publish");
  await expectAccessible();
  await page.getByLabel("Applies to").selectOption({ label: "Kohtaamo Järvenpää" });
  await page.getByLabel("You said (suomi)").fill("Iltaisin on vaikea päästä.");
  await page.getByLabel("We did (suomi)").fill("Avasimme ilta-avoimet ovet torstaisin.");
  await page.getByLabel("You said (svenska)").fill("Det är svårt att komma på kvällar.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Fill this in, in all three languages.").first()).toBeVisible();
  await expect(page.getByLabel("You said (suomi)")).toHaveValue("Iltaisin on vaikea päästä.");
  // The place chosen is kept too (React resets a form after its action; the select is keyed by its value).
  await expect(page.getByLabel("Applies to").locator("option:checked")).toHaveText("Kohtaamo Järvenpää");
  await page.getByLabel("We did (svenska)").fill("Vi öppnade öppet hus på torsdagskvällar.");
  await page.getByLabel("You said (English)").fill("Evenings are hard to make.");
  await page.getByLabel("We did (English)").fill("We opened a Thursday evening drop-in.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();

  for (const [locale, title, did, place] of [
    ["fi", "Te sanoitte, me teimme", "Avasimme ilta-avoimet ovet torstaisin.", "Kohtaamo Järvenpää"],
    ["sv", "Ni sa, vi gjorde", "Vi öppnade öppet hus på torsdagskvällar.", "Kohtaamo Träskända"],
    ["en", "You said, we did", "We opened a Thursday evening drop-in.", "Kohtaamo Järvenpää"],
  ] as const) {
    await page.goto(`/${locale}/you-said-we-did`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(did)).toBeVisible();
    // The place as the reader names it (Träskända in Swedish).
    await expect(page.getByRole("listitem").filter({ hasText: did }).getByRole("heading")).toContainText(place);
    await expectAccessible();
    await page.goto(`/${locale}/places/jarvenpaa`);
    await expect(page.getByText(did)).toBeVisible();
  }
});

// axe on a page of another browser context than the fixture's (one with JavaScript).
async function expectAccessibleOn(p: import("@playwright/test").Page) {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const results = await new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("the form starts with the rating, four drawn faces with words, and folds the visitor code last", async ({ page, browser, expectAccessible }) => {
  const sessionId = createSession({ title: "Rating first", capacity: 5, daysAhead: -0.05 });
  const key = randomBytes(9).toString("base64url");
  run("INSERT INTO feedback_links (key, session_id, expires_at) VALUES (?, ?, ?)", key, sessionId, Date.now() + 7 * 86_400_000);

  // A small phone without JavaScript (and maybe without an emoji font).
  const phone = await browser.newContext({ javaScriptEnabled: false, locale: "fi-FI", viewport: { width: 360, height: 740 }, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.90" } });
  const parent = await phone.newPage();
  await parent.goto(`/fi/feedback/${key}`);
  const form = parent.locator("main form");
  // Right after "Vastaat nimettömästi" comes the rating; the code is the last thing before the button.
  const headings = (await form.locator("legend, summary").allTextContents()).map((t) => t.trim());
  expect(headings[0]).toBe("Millainen käynti oli kaiken kaikkiaan?");
  expect(headings.at(-1)).toBe("Onko sinulla kävijäkoodi?");
  const rating = parent.getByRole("group", { name: "Millainen käynti oli kaiken kaikkiaan?" });
  await expect(rating.locator("svg")).toHaveCount(4);
  expect(await rating.textContent()).not.toMatch(/\p{Extended_Pictographic}/u);
  for (const word of ["Huono", "Melko huono", "Melko hyvä", "Hyvä"]) await expect(rating.getByRole("radio", { name: word, exact: true })).toHaveCount(1);

  // Folded: the code field is out of the way until asked for, and works without JavaScript.
  const code = parent.getByLabel("Kävijäkoodisi (vapaaehtoinen)");
  await expect(code).toBeHidden();
  await parent.getByText("Onko sinulla kävijäkoodi?").click();
  await expect(code).toBeVisible();
  // A mistyped code comes back unfolded, with what was typed and the error next to it.
  await rating.getByText("Melko hyvä", { exact: true }).click();
  await code.fill("KTM-47");
  await parent.getByRole("button", { name: "Lähetä" }).click();
  await expect(parent.getByText("Koodi on muotoa KTM-4783-PXW. Tarkista koodi tai jätä kenttä tyhjäksi.")).toBeVisible();
  await expect(code).toBeVisible();
  await expect(code).toHaveValue("KTM-47");

  // In Swedish too.
  await parent.goto(`/sv/feedback/${key}`);
  await expect(parent.getByText("Har du en besökarkod?")).toBeVisible();
  await expect(parent.getByRole("group", { name: /Hur var besöket/ }).getByRole("radio", { name: "Bra", exact: true })).toHaveCount(1);
  await phone.close();

  // axe needs JavaScript: the same pages in the test's own browser.
  for (const locale of ["fi", "sv"]) {
    await page.goto(`/${locale}/feedback/${key}`);
    await expectAccessible();
  }
});
