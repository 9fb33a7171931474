import { test, expect } from "./fixtures";
import { signInAs } from "./pages/Staff";
import { createSession } from "./support/db";

// A page a person may not open must not tell them whether what they asked for exists.
test("a facilitator gets the same 403 page for a planner page, another place's session and a session that does not exist", async ({ page, expectAccessible }) => {
  const otherPlace = createSession({ title: "Not theirs", capacity: 10 });
  await signInAs(page, "facilitator@kohtaamo.local");

  const answers = [];
  for (const path of ["/en/plan", `/en/plan/sessions/${otherPlace}`, `/en/host/sessions/${otherPlace}`, "/en/host/sessions/99999999", `/en/plan/sessions/99999999`]) {
    const response = await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "No access" })).toBeVisible();
    answers.push({ path, status: response!.status(), main: await page.locator("main").innerText() });
  }
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 403));
  expect(new Set(answers.map((a) => a.main)).size).toBe(1);
  await expectAccessible();

  // In the staff member's language. (Next draws a forbidden() page from its payload with JavaScript,
  // like every staff screen; the parents' pages never answer 403.)
  const response = await page.goto(`/fi/host/sessions/${otherPlace}`);
  expect(response!.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Ei käyttöoikeutta" })).toBeVisible();
});
