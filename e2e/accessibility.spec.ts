import { test, expect } from "./fixtures";
import { SessionPage } from "./pages/SessionPage";
import { createSession, firstSessionId, run } from "./support/db";

const locales = ["fi", "sv", "en"] as const;

for (const locale of locales) {
  test(`every public page passes axe in ${locale}`, async ({ page, expectAccessible }) => {
    const pages = [
      `/${locale}`,
      `/${locale}?place=tikkurila&kind=drop_in`,
      `/${locale}/places/tikkurila`,
      `/${locale}/sessions/${firstSessionId("drop_in")}`,
      `/${locale}/sessions/${firstSessionId("info_evening")}`,
      `/${locale}/sessions/${firstSessionId("group")}`,
      `/${locale}/manage/${"x".repeat(43)}`,
      `/${locale}/no-such-page`,
      `/${locale}/privacy`,
    ];
    for (const path of pages) {
      await page.goto(path);
      await expectAccessible();
    }

    // The form with its errors, the waiting list, the booking and the cancel step.
    const id = createSession({ title: `Axe ${locale}`, capacity: 1 });
    const session = new SessionPage(page, locale);
    await session.open(id);
    await session.book({ email: "not-an-address" });
    await expect(page.locator("[aria-invalid=true]")).toHaveCount(1);
    await expectAccessible();
    await session.book({ email: "" });
    await session.manageLink();
    await expectAccessible();
    await session.open(id);
    await expectAccessible();
    await session.book({ submit: /^(Ilmoittaudu jonoon|Ställ dig i kö|Join the waiting list)$/ });
    const link = await session.manageLink();
    await expectAccessible();
    await page.goto(`${link}/cancel`);
    await expectAccessible();
  });
}

test("the accessibility statement answers in three languages, passes axe and is linked from every parents' footer", async ({ page, expectAccessible }) => {
  for (const [locale, link, heading, conformance] of [
    ["fi", "Saavutettavuusseloste", "Saavutettavuusseloste", "Palvelu täyttää osittain WCAG 2.1 -ohjeiston AA-tason vaatimukset."],
    ["sv", "Tillgänglighetsutlåtande", "Tillgänglighetsutlåtande", "Tjänsten uppfyller delvis kraven på nivå AA i riktlinjerna WCAG 2.1."],
    ["en", "Accessibility statement", "Accessibility statement", "The service partially meets the level AA requirements of WCAG 2.1."],
  ] as const) {
    const pages = [
      `/${locale}`,
      `/${locale}/places/tikkurila`,
      `/${locale}/sessions/${firstSessionId("drop_in")}`,
      `/${locale}/privacy`,
      `/${locale}/you-said-we-did`,
      `/${locale}/manage/${"x".repeat(43)}`,
      `/${locale}/no-such-page`,
    ];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("contentinfo").getByRole("link", { name: link }), path).toHaveAttribute("href", `/${locale}/accessibility`);
    }
    await page.getByRole("contentinfo").getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText(conformance)).toBeVisible();
    await expect(page.getByText(/2\.4\.11/)).toBeVisible();
    await expect(page.getByRole("link", { name: "www.saavutettavuusvaatimukset.fi" })).toHaveAttribute("href", "https://www.saavutettavuusvaatimukset.fi");
    await expect(page.getByRole("link", { name: "saavutettavuus@lvv.fi" })).toBeVisible();
    // Feedback goes to the organisation's own contact.
    await expect(page.getByText(/tietosuoja@kohtaamo\.local/)).toBeVisible();
    await expectAccessible();
  }
});

test("a parent can book with the keyboard alone", async ({ page }) => {
  const id = createSession({ title: "Keyboard evening", capacity: 5 });
  await page.goto(`/en/sessions/${id}`);
  // From the top of the page: the skip link first, then into the form.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  const nickname = page.getByLabel(/nickname/);
  for (let i = 0; i < 10 && !(await nickname.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(nickname).toBeFocused();
  await page.keyboard.type("Keyboard parent");
  await page.keyboard.press("Tab"); // party size
  await page.keyboard.press("Tab"); // e-mail
  await page.keyboard.type("keys@example.com");
  await page.keyboard.press("Tab"); // the mobile number's hint: what it is for, and the privacy page
  await expect(page.locator("#phone-hint").getByRole("link", { name: "How we handle data" })).toBeFocused();
  await page.keyboard.press("Tab"); // mobile number
  await page.keyboard.press("Tab"); // visitor code
  await page.keyboard.press("Tab"); // interpreter
  await page.keyboard.press("Tab"); // accessibility
  await page.keyboard.press("Tab"); // childcare
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab"); // how did you hear of Kohtaamo (optional)
  await expect(page.getByLabel("How did you hear of Kohtaamo?")).toBeFocused();
  await page.keyboard.press("Tab"); // what the details are for: a link to the privacy page, no consent box
  await expect(page.locator("#data-use").getByRole("link", { name: "How we handle data" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Book" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your booking is confirmed" })).toBeVisible();
  await expect(page.getByText("Childcare")).toBeVisible();
});

test("a booking page that tells of a cancelled or moved session passes axe", async ({ page, expectAccessible }) => {
  const cancelled = createSession({ title: "Axe cancelled", capacity: 5 });
  const moved = createSession({ title: "Axe moved", capacity: 5, daysAhead: 7.5 });
  const session = new SessionPage(page, "en");
  const links: string[] = [];
  for (const id of [cancelled, moved]) {
    await session.open(id);
    await session.book({});
    links.push(await session.manageLink());
  }
  run("UPDATE sessions SET status = 'cancelled' WHERE id = ?", cancelled);
  run("UPDATE sessions SET starts_at = starts_at + 3600000, ends_at = ends_at + 3600000, moved_at = ? WHERE id = ?", Date.now(), moved);
  await page.goto(links[0]!);
  await expect(page.getByRole("region", { name: /^Other coming sessions at/ })).toBeVisible();
  await expectAccessible();
  await page.goto(links[1]!);
  await expect(page.getByText("The time has changed")).toBeVisible();
  await expectAccessible();
});
