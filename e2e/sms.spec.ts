import fs from "node:fs";
import { test, expect } from "./fixtures";
import { SessionPage } from "./pages/SessionPage";
import { bookingsOf, createSession, query } from "./support/db";
import { smsTo, waitForSms } from "./support/sms";

test.describe("without JavaScript", () => {
  // Parents on old phones may have no JavaScript: booking with only a phone number must work without it.
  test.use({ javaScriptEnabled: false });

  test("a parent books with only a mobile number, in Swedish, and the confirmation text brings a working manage link", async ({ page, browser }) => {
    const id = createSession({ title: "SMS-kväll", capacity: 5 });
    const session = new SessionPage(page, "sv");
    await session.open(id);

    // What the number is for is said next to the field, with the privacy link.
    const field = page.getByRole("textbox", { name: "Mobilnummer (frivilligt)" });
    await expect(field).toHaveAccessibleDescription(/textmeddelande.*Erfarenhetsexperten ser inte numret/);
    await expect(page.locator("#phone-hint").getByRole("link", { name: "Hur vi behandlar uppgifter" })).toBeVisible();

    // A landline cannot get a text: the error sits next to the field and what was typed stays.
    await session.book({ phone: "09 1234 5678" });
    await expect(field).toHaveValue("09 1234 5678");
    await expect(field).toHaveAccessibleDescription(/Det här är inte ett mobilnummer/);
    expect(bookingsOf(id)).toEqual([]);

    await session.book({ phone: "040 123 9876" });
    const link = await session.manageLink();
    await expect(page.getByText("Vi skickade en bekräftelse som textmeddelande.")).toBeVisible();
    const [booking] = bookingsOf(id);
    expect(booking).toMatchObject({ status: "confirmed", email: null, phone: "+358401239876" });

    // Through the app's real GatewayAPI client to the catcher: Swedish, neutral sender, GSM-7, the code and the link.
    const sms = await waitForSms("+358401239876", /bokning är bekräftad/);
    expect(sms).toMatchObject({ from: "Kohtaamo", encoding: "UTF8" });
    expect(sms.text).toContain(booking!.code);
    expect(sms.text).toContain(link);
    expect(sms.text).not.toMatch(/SMS-kväll|barnskydd/i); // no title of the session on a locked screen
    const sent = sms.text.match(/http\S+/)![0];

    // The link from the text opens the booking on another phone, without JavaScript or signing in.
    const other = await browser.newContext({ javaScriptEnabled: false });
    const phone = await other.newPage();
    await phone.goto(sent);
    await expect(phone.getByText(booking!.code)).toBeVisible();
    await expect(phone.getByRole("link", { name: /Avboka/ })).toBeVisible();
    await other.close();
    expect(smsTo("+358401239876")).toHaveLength(1); // the reminder waits for the day before

    // Her own data: the number is in the download, and "Delete my details now" erases it with the reminder waiting for it.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Ladda ner mina uppgifter" }).click();
    const file = JSON.parse(fs.readFileSync((await (await download).path())!, "utf8"));
    expect(file.booking).toMatchObject({ phone: "+358401239876", email: null, language: "sv" });
    await page.getByRole("link", { name: "Radera mina uppgifter nu" }).click();
    await page.getByRole("button", { name: "Ja, radera mina uppgifter" }).click();
    await expect(page.getByText("Dina uppgifter har raderats")).toBeVisible();
    expect(bookingsOf(id)).toMatchObject([{ status: "confirmed", phone: null }]);
    expect(query("SELECT count(*) AS n FROM outbox WHERE recipient = '+358401239876'")).toEqual([{ n: 0 }]);
  });
});

test("a mobile number abroad is refused next to the field, saying e-mail works for any address, with what was typed kept", async ({ page, expectAccessible }) => {
  const id = createSession({ title: "SMS abroad", capacity: 5 });
  const session = new SessionPage(page, "en");
  await session.open(id);
  await session.book({ phone: "+44 7400 123456" });
  const field = page.getByRole("textbox", { name: "Mobile number (optional)" });
  await expect(field).toHaveAccessibleDescription(/only to these countries: Finland\. E-mail works with any address/);
  await expect(field).toHaveValue("+44 7400 123456");
  expect(bookingsOf(id)).toEqual([]);
  await expectAccessible();
  // In Finnish too, and a Finnish number goes through.
  const fi = new SessionPage(page, "fi");
  await fi.open(id);
  await fi.book({ phone: "+234 803 123 4567" });
  await expect(page.getByRole("textbox", { name: "Matkapuhelinnumero (vapaaehtoinen)" })).toHaveAccessibleDescription(/vain näihin maihin: Suomi\. Sähköposti toimii/);
  await fi.book({ phone: "+358 40 123 4000" });
  await fi.manageLink();
  expect(bookingsOf(id)).toMatchObject([{ phone: "+358401234000" }]);
});

test("the phone field and its error pass axe", async ({ page, expectAccessible }) => {
  const id = createSession({ title: "Axe SMS", capacity: 5 });
  const session = new SessionPage(page, "fi");
  await session.open(id);
  await expectAccessible();
  await session.book({ phone: "12" });
  const field = page.getByRole("textbox", { name: "Matkapuhelinnumero (vapaaehtoinen)" });
  await expect(field).toHaveAccessibleDescription(/Tämä ei ole matkapuhelinnumero/);
  await expect(field).toHaveValue("12");
  await expectAccessible();
});
