import { test, expect } from "./fixtures";
import { signInAs } from "./pages/Staff";
import { mailsTo } from "./support/mail";

test("staff sign in by e-mail link, see only their areas, and sign out", async ({ page, expectAccessible }) => {
  await page.goto("/en/host");
  await expect(page).toHaveURL(/\/en\/staff\/sign-in\?next=%2Fen%2Fhost$/);
  await expectAccessible();

  await signInAs(page, "facilitator@kohtaamo.local");
  await expect(page).toHaveURL(/\/en\/host$/);
  await expect(page.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();
  await expect(page.getByText("Signed in: Eero Kokemusasiantuntija")).toBeVisible();
  await expect(page.getByRole("link", { name: "Planning" })).toHaveCount(0);
  await expectAccessible();

  // A facilitator opening the planners' area is told no.
  await page.goto("/en/plan");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/en/host");
  await expect(page).toHaveURL(/\/en\/staff\/sign-in\?next=%2Fen%2Fhost$/);
});

test("a planner's sign-in link from the sign-in page lands on the planning pages, an experience expert's on the door's list", async ({ browser }) => {
  for (const [email, landing] of [
    ["planner@kohtaamo.local", /\/fi\/plan$/],
    ["facilitator@kohtaamo.local", /\/fi\/host$/],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, email, "fi");
    await expect(page).toHaveURL(landing);
    await context.close();
  }
});

test("an address that was not invited gets the same answer and no e-mail", async ({ page }) => {
  await page.goto("/fi/staff/sign-in");
  await page.getByRole("textbox", { name: "Sähköposti" }).fill("stranger@example.com");
  await page.getByRole("button", { name: "Lähetä kirjautumislinkki" }).click();
  await expect(page.getByRole("heading", { name: "Tarkista sähköpostisi" })).toBeVisible();
  await page.waitForTimeout(1500); // longer than the outbox's interval in the tests
  expect(mailsTo("stranger@example.com")).toEqual([]);
});

test("the sign-in mail is in the staff member's language and says nothing about child protection", async ({ page }) => {
  const mail = await signInAs(page, "facilitator2@kohtaamo.local", "sv");
  expect(mail.subject).toBe("Inloggning till Kohtaamo");
  expect(`${mail.subject}\n${mail.text}`).not.toMatch(/barnskydd|lastensuojel|child protection/i);
  await expect(page.getByRole("heading", { level: 1, name: "Mina träffar" })).toBeVisible();
});
