import { test, expect } from "./fixtures";
import { DoorPage } from "./pages/DoorPage";
import { PlanSessionPage } from "./pages/PlanSessionPage";
import { signInAs } from "./pages/Staff";
import { assignFacilitator, createSession, query } from "./support/db";

// Contexts opened here play a client of their own (as the fixture does for the test's page), so the rate
// limits count per parent, not for every context of the suite at once.
let client = 0;
const own = (o: { javaScriptEnabled?: boolean } = {}) => ({ ...o, extraHTTPHeaders: { "x-forwarded-for": `198.18.3.${++client % 250}` } });

// Professionals' voice: a session for professionals, their own short form through the same kind of QR link,
// and the planners' feedback page with parents' and professionals' answers side by side.

test("a planner marks a session for professionals; its professionals answer their own form in three languages", async ({ page, browser, expectAccessible }) => {
  const id = createSession({ title: "Workers' info", capacity: 20, daysAhead: 2 });
  await signInAs(page, "planner@kohtaamo.local");
  const plan = new PlanSessionPage(page);
  await plan.open(id);
  await page.getByLabel("A session for professionals").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(plan.notice()).toHaveText("Changes saved.");
  expect(query("SELECT for_professionals AS f FROM sessions WHERE id = ?", id)).toEqual([{ f: 1 }]);
  await expect(page.getByLabel("A session for professionals")).toBeChecked();

  // The session is held today: the facilitator counts a professional and a parent, and closes.
  const today = createSession({ title: "Side by side", capacity: 20, daysAhead: -0.05 });
  assignFacilitator(today, "facilitator@kohtaamo.local");
  await signInAs(page, "facilitator@kohtaamo.local");
  const door = new DoorPage(page);
  await door.open(today);
  await door.tap("Professional");
  await door.tap("Parent, first time here");
  await expect(door.total()).toHaveText("2 visitors");
  await door.close();
  await expect(page.getByRole("img", { name: "QR code to the professionals' feedback form" })).toBeVisible();
  await expectAccessible();
  const proLink = (await page.getByTestId("professionals-link").textContent())!;
  expect(proLink).toMatch(/^http:\/\/localhost:\d+\/feedback\/[\w-]{12}\/pro$/);
  const key = proLink.split("/").at(-2)!;

  const answers = [
    ["fi", "Opinko jotain uutta asiakkaiden osallisuudesta?", "Kyllä", "Mitä muutat omassa työssäsi?", "Kysyn vanhemman näkemystä ensin.", "Lähetä", "Kiitos palautteestasi!"],
    ["sv", "Lärde jag mig något nytt om klienternas delaktighet?", "Ja", "Vad ändrar du i ditt arbete?", "Jag förklarar besluten tydligare.", "Skicka", "Tack för din respons!"],
    ["en", "Did I learn something new about client participation?", "Yes", "What will you change in your work?", "I will send the agenda to parents first.", "Send", "Thank you for your feedback!"],
  ] as const;
  for (const [locale, learned, yes, change, text, send, thanks] of answers) {
    const context = await browser.newContext(own({ javaScriptEnabled: locale !== "fi" }));
    const pro = await context.newPage();
    await pro.goto(`/${locale}/feedback/${key}/pro`);
    await pro.getByRole("group", { name: learned }).getByLabel(yes).check();
    await pro.getByLabel(change).fill(text);
    await pro.getByRole("button", { name: send }).click();
    await expect(pro.getByRole("heading", { name: thanks })).toBeVisible();
    // A professional is not offered a parents' development-client place.
    await expect(pro.locator("#develop")).toHaveCount(0);
    await context.close();
  }
  // A parent answers the parents' form of the same session.
  const parentContext = await browser.newContext(own());
  const parent = await parentContext.newPage();
  await parent.goto(`/en/feedback/${key}`);
  await parent.getByText("Good", { exact: true }).click();
  await parent.getByLabel(/Anything else you want to say/).fill("I understood my rights better.");
  await parent.getByRole("button", { name: "Send" }).click();
  await expect(parent.getByRole("heading", { name: "Thank you for your feedback!" })).toBeVisible();
  await parentContext.close();
  expect(query("SELECT locale, learned, will_change AS willChange FROM professional_feedback WHERE session_id = ? ORDER BY id", today)).toEqual([
    { locale: "fi", learned: "yes", willChange: "Kysyn vanhemman näkemystä ensin." },
    { locale: "sv", learned: "yes", willChange: "Jag förklarar besluten tydligare." },
    { locale: "en", learned: "yes", willChange: "I will send the agenda to parents first." },
  ]);

  // The planner reads both side by side for the same place and day.
  await signInAs(page, "planner@kohtaamo.local");
  const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki" }).format(new Date(Date.now() - 0.05 * 86_400_000));
  await page.goto(`/en/plan/feedback?from=${day}&to=${day}&place=jarvenpaa`);
  const both = page.getByTestId("side-by-side");
  await expect(both.getByRole("heading", { name: "Parents and professionals side by side" })).toBeVisible();
  await expect(page.getByTestId("sbs-parents")).toContainText("I understood my rights better.");
  await expect(page.getByTestId("sbs-professionals")).toContainText("I will send the agenda to parents first.");
  await expect(page.getByTestId("sbs-professionals")).toContainText("Kysyn vanhemman näkemystä ensin.");
  await expectAccessible();
  await both.screenshot({ path: test.info().outputPath("feedback-side-by-side.png") });
  // The look is in the audit log.
  expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'feedback.view'")[0]!.n).toBeGreaterThan(0);
});
