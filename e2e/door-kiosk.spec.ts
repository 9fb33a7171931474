import { test, expect } from "./fixtures";
import { DoorPage } from "./pages/DoorPage";
import { signInAs } from "./pages/Staff";
import { assignFacilitator, createSession, query, run } from "./support/db";

const FACILITATOR = "facilitator@kohtaamo.local";

// The door as the experience expert holds it: a tablet in landscape.
test.use({ viewport: { width: 1024, height: 768 } });

/** A session starting in a quarter of an hour (its door is open), with one booked parent on the roster. */
function doorEvening(title: string) {
  const id = createSession({ title, capacity: 8, daysAhead: 0.01 });
  assignFacilitator(id, FACILITATOR);
  run(
    `INSERT INTO bookings (session_id, code, token_hash, nickname, party_size, email, locale, status, confirmed_at)
     VALUES (?, ?, ?, 'Ronja', 1, NULL, 'en', 'confirmed', ?)`,
    id,
    `K${id}-KIO`,
    `kiosk-test-${id}-${Date.now()}`,
    Date.now(),
  );
  return id;
}

test("a mistyped visitor code keeps what was typed, with its answer next to the field and the focus back in it", async ({ page, expectAccessible }) => {
  const id = doorEvening("Code evening");
  run("INSERT OR IGNORE INTO visitor_codes (code) VALUES ('RTN-4763-KMP')");
  await signInAs(page, FACILITATOR);
  const door = new DoorPage(page);
  await door.open(id);
  await door.tap("Parent, first time here");
  await door.tap("Professional");

  await door.codeField().fill("ABC-1234-XYZ");
  await page.getByRole("button", { name: "Count the visit" }).click();
  await expect(door.codeResult()).toContainText("ABC-1234-XYZ: That code was not found.");
  // Where the expert is looking: next to the field, wholly on the screen, not in the totals above.
  await expect(door.codeResult()).toBeInViewport({ ratio: 1 });
  await expect(door.codeField()).toHaveValue("ABC-1234-XYZ");
  await expect(door.codeField()).toBeFocused();
  await expect(door.codeField()).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("code-mark")).toHaveText("✗");
  await expect(page.getByTestId("code-mark")).toBeInViewport();
  await expectAccessible();
  await page.screenshot({ path: "docs/screenshots/door-code-error.png" });

  // Corrected in place: counted, and the field empties for the next parent.
  await door.codeField().fill("rtn-4763-kmp");
  await page.getByRole("button", { name: "Count the visit" }).click();
  await expect(door.codeResult()).toContainText("Visit counted with the code RTN-4763-KMP.");
  await expect(page.getByTestId("code-mark")).toHaveText("✓");
  await expect(door.codeField()).toHaveValue("");

  // The same code again: "already counted", next to the field, the text kept.
  await door.codeField().fill("RTN-4763-KMP");
  await page.getByRole("button", { name: "Count the visit" }).click();
  await expect(door.codeResult()).toContainText("RTN-4763-KMP: This code has already been counted at this session.");
  await expect(door.codeResult()).toBeInViewport({ ratio: 1 });
  await expect(door.codeField()).toHaveValue("RTN-4763-KMP");
  await expect(door.codeField()).toBeFocused();
  // Not in the door's general refusals at the top as well.
  await expect(page.getByRole("alert").filter({ hasText: "already been counted" })).toHaveCount(1);

  // Offline, a code waits on the tablet and the desk says it is checked when it lands; then it is.
  await page.context().setOffline(true);
  await door.codeField().fill("ZZQ-0000-QQZ");
  await page.getByRole("button", { name: "Count the visit" }).click();
  await expect(door.codeResult()).toContainText("No network: the code is kept on this tablet");
  await expect(door.codeField()).toHaveValue("ZZQ-0000-QQZ");
  await page.context().setOffline(false);
  await expect(door.codeResult()).toContainText("ZZQ-0000-QQZ: That code was not found.");
  await expect(door.codeField()).toHaveValue("ZZQ-0000-QQZ");

  const coded = query<{ code: string }>("SELECT visitor_code AS code FROM visits WHERE session_id = ? AND visitor_code IS NOT NULL", id);
  expect(coded).toEqual([{ code: "RTN-4763-KMP" }]);
});

test("after closing, the feedback QR fills the screen at once and closes with Escape; a neutral A6 card prints", async ({ page, expectAccessible }) => {
  const id = doorEvening("QR evening");
  await signInAs(page, FACILITATOR);
  const door = new DoorPage(page);
  await door.open(id);
  await door.tap("Other");
  await page.getByRole("button", { name: /^Close the session/ }).click();
  await page.getByRole("button", { name: "Yes, close the session" }).click();

  const screen = door.qrScreen();
  await expect(screen).toBeVisible();
  await expect(screen.getByRole("img", { name: "QR code to the feedback form" })).toBeInViewport();
  await expect(screen.getByRole("button", { name: "Close" })).toBeFocused();
  await expectAccessible();
  await page.screenshot({ path: "docs/screenshots/door-qr.png" });
  await page.keyboard.press("Escape");
  await expect(screen).toBeHidden();

  // Again from its button, by keyboard, and closed with its own button.
  await page.getByRole("button", { name: "Show the QR code full screen" }).focus();
  await page.keyboard.press("Enter");
  await expect(screen).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(screen).toBeHidden();

  await page.getByRole("link", { name: "Print a QR card (A6)" }).click();
  const card = page.locator("[data-print-card]");
  await expect(card.getByRole("img", { name: "QR code to the feedback form" })).toBeVisible();
  await expect(card).toContainText("Tell us what you think");
  // Anyone at the table may read it: no organisation, session or place, nothing of child protection.
  for (const word of ["Kohtaamo", "QR evening", "child protection", "lastensuojelu", "barnskydd", "Järvenpää"]) await expect(card).not.toContainText(word);
  await expectAccessible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(card).toBeVisible();
});

test("the feedback kiosk: a parent answers on the tablet, it returns to its start, reaches nothing of the staff screen, and leaving needs the PIN", async ({
  page,
  browser,
  expectAccessible,
}) => {
  const id = doorEvening("Kiosk evening");
  await signInAs(page, FACILITATOR);
  const door = new DoorPage(page);
  await door.open(id);
  await door.tap("Parent, been before");
  await door.close();

  // The expert sets a PIN on this tablet and hands it over.
  await page.getByLabel("Choose a PIN for leaving the kiosk (4–8 digits)").fill("2468");
  await page.getByLabel("The PIN again").fill("2486");
  await page.getByRole("button", { name: "Open the feedback kiosk" }).click();
  await expect(page.getByText("The PINs are not the same.")).toBeVisible();
  await page.getByLabel("The PIN again").fill("2468");
  // The idle minute is the tablet's clock: let the test move it rather than wait.
  await page.clock.install();
  await page.getByRole("button", { name: "Open the feedback kiosk" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/host/sessions/${id}/kiosk$`));
  const stored = await page.evaluate(() => localStorage.getItem("kohtaamo-kiosk"));
  expect(stored).not.toContain("2468");

  // Only the form: no link anywhere, and nothing of the staff screen (no roster, no staff bar, no totals).
  await expect(page.getByRole("heading", { level: 1, name: "Tell us how this time was" })).toBeVisible();
  await expect(page.locator("a")).toHaveCount(0);
  await expect(page.getByRole("navigation")).toHaveCount(0);
  for (const word of ["Ronja", "Signed in", "facilitator@kohtaamo.local", "My sessions", "Kiosk evening", "visitors"]) await expect(page.locator("body")).not.toContainText(word);
  await expectAccessible();

  const answer = async (face: "Good" | "Fairly bad") => {
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByText(face, { exact: true }).click();
    await page.getByRole("group", { name: /I got information/ }).getByLabel("Yes").check();
    await expect(page.locator("a")).toHaveCount(0);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("heading", { name: "Thank you for your feedback!" })).toBeVisible();
  };
  await answer("Good");
  await page.getByRole("button", { name: "Next person" }).click();
  await expect(page.getByRole("heading", { name: "Tell us how this time was" })).toBeVisible();
  await page.getByRole("button", { name: "Start" }).click();
  // Where to turn is there as on a parent's own phone, as plain text: the kiosk links nowhere.
  await expect(page.locator("#where-to-turn")).toContainText("112");
  await expect(page.locator("a")).toHaveCount(0);
  await expectAccessible();
  await page.screenshot({ path: "docs/screenshots/door-kiosk.png" });
  await page.getByRole("button", { name: "Send" }).scrollIntoViewIfNeeded();
  // The next parent walks away mid-form: a minute later the kiosk is back at its start, the choice gone.
  await page.getByText("Fairly bad", { exact: true }).click();
  await page.clock.fastForward(61_000);
  await expect(page.getByRole("heading", { name: "Tell us how this time was" })).toBeVisible();
  await answer("Fairly bad");
  // Thanks, then back to the start on its own after a minute too.
  await page.clock.fastForward(61_000);
  await expect(page.getByRole("heading", { name: "Tell us how this time was" })).toBeVisible();

  const rows = query<{ rating: number; channel: string }>("SELECT rating, channel FROM feedback_responses WHERE session_id = ? ORDER BY id", id);
  expect(rows).toEqual([
    { rating: 4, channel: "kiosk" },
    { rating: 2, channel: "kiosk" },
  ]);

  // The staff screen stays out of reach: back, or its address typed, lands in the kiosk again.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/kiosk$`));
  await page.goto(`/en/host/sessions/${id}`);
  await expect(page).toHaveURL(new RegExp(`/en/host/sessions/${id}/kiosk$`));
  await expect(page.locator("body")).not.toContainText("Ronja");

  // Leaving needs the PIN.
  await page.getByRole("button", { name: "For the experience expert: leave the kiosk" }).click();
  await page.getByLabel("The experience expert's PIN").fill("1111");
  await page.getByRole("button", { name: "Leave the kiosk", exact: true }).click();
  await expect(page.getByText("That PIN is not right.")).toBeVisible();
  await page.getByLabel("The experience expert's PIN").fill("2468");
  await page.getByRole("button", { name: "Leave the kiosk", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/en/host/sessions/${id}$`));
  await expect(door.closedHeading()).toBeVisible();

  // The planners' figures count each kiosk answer once, marked as the kiosk's.
  const planner = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const plan = await planner.newPage();
  await signInAs(plan, "planner@kohtaamo.local");
  await plan.goto("/en/plan/feedback");
  await expect(plan.getByTestId("sbs-kiosk")).toHaveText("2");
  await planner.close();
});
