import { test, expect } from "./fixtures";
import { DoorPage } from "./pages/DoorPage";
import { signInAs } from "./pages/Staff";
import { assignFacilitator, createSession, query, run } from "./support/db";

// Contexts opened here play a client of their own (as the fixture does for the test's page), so the rate
// limits count per parent, not for every context of the suite at once.
let client = 0;
const own = (o: { javaScriptEnabled?: boolean } = {}) => ({ ...o, extraHTTPHeaders: { "x-forwarded-for": `198.18.2.${++client % 250}` } });

// Feedback without fatigue: a parent who gave their visitor code with an answer is not asked again for four
// weeks; the form then thanks them and offers the concern channel alone, and the door is told.

const CODE = "HJK-3467-PQR";

function feedbackLink(key: string, title: string) {
  const id = createSession({ title, capacity: 6, daysAhead: -0.2 });
  run("INSERT INTO feedback_links (key, session_id, expires_at) VALUES (?, ?, ?)", key, id, Date.now() + 7 * 86_400_000);
  return id;
}

test("a parent who answered with their visitor code is thanked, not asked, the next time; the door knows", async ({ browser, page, expectAccessible }) => {
  run("INSERT OR IGNORE INTO visitor_codes (code) VALUES (?)", CODE);
  feedbackLink("quietKey0001", "Quiet one");
  feedbackLink("quietKey0002", "Quiet two");
  feedbackLink("quietKey0003", "Quiet three");

  // In Finnish, without JavaScript: the code is optional, and the form says what it is for.
  const first = await browser.newContext(own({ javaScriptEnabled: false }));
  const fi = await first.newPage();
  await fi.goto("/fi/feedback/quietKey0001");
  const code = fi.getByLabel("Kävijäkoodisi (vapaaehtoinen)");
  // Folded last, under a question (the rating comes first).
  await fi.getByText("Onko sinulla kävijäkoodi?").click();
  await expect(fi.getByText(/emme pyydä sinulta palautetta uudelleen 28 päivään/)).toBeVisible();
  await code.fill("hjk 3467");
  await fi.getByText("Hyvä", { exact: true }).click();
  await fi.getByRole("button", { name: "Lähetä" }).click();
  await expect(fi.getByText(/Koodi on muotoa KTM-4783-PXW/)).toBeVisible();
  await code.fill("hjk 3467 pqr");
  await fi.getByRole("button", { name: "Lähetä" }).click();
  await expect(fi.getByRole("heading", { name: "Kiitos palautteestasi!" })).toBeVisible();
  await first.close();
  // Kept: a keyed hash of the code and a day, apart from the answer; never the code.
  const quiet = query<{ marker: string; until: number }>("SELECT marker, until FROM feedback_quiet");
  expect(quiet).toHaveLength(1);
  expect(JSON.stringify(quiet)).not.toContain("3467");
  expect(JSON.stringify(query("SELECT * FROM feedback_responses"))).not.toContain("3467");

  // In Swedish, on another phone, a week later in effect: thanked, and then only the concern channel is offered.
  const second = await browser.newContext(own({ javaScriptEnabled: false }));
  const sv = await second.newPage();
  await sv.goto("/sv/feedback/quietKey0002");
  await sv.getByText("Har du en besökarkod?").click();
  await sv.getByLabel("Din besökarkod (frivilligt)").fill(CODE);
  await sv.getByText("Bra", { exact: true }).click();
  await sv.getByRole("button", { name: "Skicka" }).click();
  await expect(sv).toHaveURL(/\/sv\/feedback\/quietKey0002\?recent=1$/);
  await expect(sv.getByText("Du svarade nyligen, tack!")).toBeVisible();
  await expect(sv.getByText("Bra", { exact: true })).toHaveCount(0);
  await expect(sv.getByLabel("Din besökarkod (frivilligt)")).toHaveCount(0);
  await sv.getByLabel("Berätta om din oro").fill("Jag blev illa bemött.");
  await sv.getByRole("button", { name: "Skicka" }).click();
  await expect(sv.getByRole("heading", { name: "Tack för din respons!" })).toBeVisible();
  await second.close();
  const sessionOf = (key: string) => query<{ id: number }>("SELECT session_id AS id FROM feedback_links WHERE key = ?", key)[0]!.id;
  // What they wrote anyway is kept (nothing a parent writes is lost); only the asking stops.
  expect(query("SELECT rating FROM feedback_responses WHERE session_id = ?", sessionOf("quietKey0002"))).toEqual([{ rating: 4 }]);
  expect(query("SELECT text FROM concerns WHERE session_id = ?", sessionOf("quietKey0002"))).toEqual([{ text: "Jag blev illa bemött." }]);

  // In English, with JavaScript: the same, keyboard and axe clean.
  const third = await browser.newContext(own());
  const en = await third.newPage();
  await en.goto("/en/feedback/quietKey0003");
  await en.getByText("Do you have a visitor code?").click();
  await en.getByLabel("Your visitor code (optional)").fill(CODE);
  await en.getByText("Good", { exact: true }).click();
  await en.getByLabel("Your visitor code (optional)").press("Enter");
  await expect(en.getByRole("status").filter({ hasText: "You answered recently, thank you!" })).toBeVisible();
  await third.close();

  // The door: a facilitator counting the code is told not to ask.
  const id = createSession({ title: "Quiet door", capacity: null, kind: "drop_in", daysAhead: 0.01 });
  assignFacilitator(id, "facilitator@kohtaamo.local");
  await signInAs(page, "facilitator@kohtaamo.local");
  const door = new DoorPage(page);
  await door.open(id);
  await door.countCode(CODE.toLowerCase());
  // The note names no code: only the facilitator who just counted it needs to know.
  await expect(page.getByTestId("feedback-quiet")).toHaveText("This parent gave feedback recently: no need to ask them today.");
  await expectAccessible();
  await page.goto("/en/feedback/quietKey0003?recent=1");
  await expect(page.getByText("You answered recently, thank you!")).toBeVisible();
  await expectAccessible();
});
