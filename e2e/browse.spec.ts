import { test, expect } from "./fixtures";
import { firstSessionId } from "./support/db";

test.use({ javaScriptEnabled: false });

test.describe("in a Finnish browser", () => {
  test.use({ locale: "fi-FI" });
  test("/ opens the Finnish front page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/fi$/);
  });
});

test("the front page lists sessions by day and filters by place and kind", async ({ page }) => {
  await page.goto("/fi");
  await expect(page.locator("html")).toHaveAttribute("lang", "fi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tervetuloa Kohtaamoon");
  const dropIn = page.getByRole("article").filter({ hasText: "Avoimet ovet" }).first();
  await expect(dropIn).toContainText("Ei ilmoittautumista");
  await expect(dropIn).toContainText(/9\.00–15\.00/); // Helsinki time, whatever the browser's zone
  await expect(page.getByRole("article").filter({ hasText: "Infoilta: oikeutesi" })).toContainText(/\d+ paikkaa jäljellä/);

  await page.getByLabel("Paikka").selectOption("jarvenpaa");
  await page.getByLabel("Millainen tapaaminen").selectOption("info_evening");
  await page.getByRole("button", { name: "Näytä" }).click();
  await expect(page).toHaveURL(/place=jarvenpaa&kind=info_evening/);
  const cards = page.getByRole("article");
  await expect(cards.first()).toContainText("Kohtaamo Järvenpää");
  for (const card of await cards.all()) await expect(card).toContainText("Infoilta");
});

test("a meeting place has its own page with address, directions and accessibility", async ({ page }) => {
  await page.goto("/en/places/tikkurila");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kohtaamo Tikkurila");
  await expect(page.getByText("Asematie 10 B, 01300 Vantaa")).toBeVisible();
  await expect(page.getByText(/north along Asematie/)).toBeVisible();
  await expect(page.getByText(/Step-free entrance/)).toBeVisible();
  await expect(page.getByRole("article").first()).toBeVisible();
});

test("a drop-in says plainly that no sign-up is needed, and when and where to come", async ({ page }) => {
  await page.goto(`/en/sessions/${firstSessionId("drop_in")}`);
  await expect(page.getByRole("heading", { name: "No sign-up needed" })).toBeVisible();
  await expect(page.getByText(/Just come when it suits you: .*09:00–15:00, Kohtaamo/)).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);
});

test("the language switch keeps the page and sets the document language", async ({ page }) => {
  const id = firstSessionId("info_evening");
  await page.goto(`/fi/sessions/${id}`);
  await page.getByRole("link", { name: "På svenska" }).click();
  await expect(page).toHaveURL(new RegExp(`/sv/sessions/${id}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Infokväll: dina rättigheter och vilken hjälp som finns");
  await page.getByRole("link", { name: "In English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/sessions/${id}$`));
  await expect(page.getByRole("button", { name: "Book" })).toBeVisible();
});

test("an unknown page answers in the visitor's language", async ({ page }) => {
  await page.goto("/sv/no-such-page");
  await expect(page.getByRole("heading", { name: "Sidan hittades inte" })).toBeVisible();
  await page.goto("/en/sessions/999999");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
