import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures";
import { SessionPage } from "./pages/SessionPage";
import { signInAs } from "./pages/Staff";
import { bookingsOf, createSession, query } from "./support/db";
import { mailsTo, waitForMail } from "./support/mail";
import { waitForSms } from "./support/sms";

// Issue 22: after booking, what a parent came for comes first.

const calendarOf = (mail: { attachments: { contentType: string; content: Buffer }[] }) =>
  mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content.toString("utf8");
const uids = (ics: string) => [...ics.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim());
const unique = (name: string) => `${name}.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.com`;

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("fi: cancelling comes before deleting my details, and deleting needs a confirm step", async ({ page }) => {
    const id = createSession({ title: "Järjestyksen ilta", capacity: 5 });
    const session = new SessionPage(page, "fi");
    await session.open(id);
    const email = unique("order");
    await session.book({ email });
    const link = await session.manageLink();

    const calendar = page.getByRole("link", { name: "Lisää kalenteriin" });
    const cancel = page.getByRole("link", { name: "Peru varaus" });
    const erase = page.getByRole("link", { name: "Poista tietoni nyt" });
    const y = async (l: typeof cancel) => (await l.boundingBox())!.y;
    // On a phone's first screen: the confirmation, then calendar and cancel; the details come last.
    const box = (await cancel.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    expect(await y(calendar)).toBeLessThanOrEqual(await y(cancel));
    expect(await y(cancel)).toBeLessThan(await y(page.getByTestId("manage-link")));
    expect(await y(page.getByRole("heading", { name: "Kävijäkoodi" }))).toBeLessThan(await y(page.getByRole("heading", { name: "Tietosi" })));
    expect(await y(cancel)).toBeLessThan(await y(erase));
    // Only what was given is named.
    await expect(page.getByText("Säilytämme sähköpostiosoitteesi 30 päivää viimeisen tapaamisen jälkeen. Sitten poistamme sen.", { exact: false })).toBeVisible();
    await expect(page.getByText(/nimimerkkisi|puhelinnumerosi/)).toHaveCount(0);
    fs.mkdirSync("docs/screenshots", { recursive: true });
    await page.screenshot({ path: path.join("docs/screenshots", "after-manage-fi.png") });

    // The first press only asks.
    await erase.click();
    await expect(page).toHaveURL(/\/fi\/manage\/[A-Za-z0-9_-]{43}\/erase$/);
    await expect(page.getByRole("heading", { level: 1, name: "Poistetaanko tietosi?" })).toBeVisible();
    await expect(page.getByText("Poistamme varauksesta nämä tiedot: sähköpostiosoitteesi.")).toBeVisible();
    expect(bookingsOf(id)).toMatchObject([{ status: "confirmed", email }]);
    await page.getByRole("link", { name: "Ei, takaisin varaukseen" }).click();
    await expect(page).toHaveURL(link);
    expect(bookingsOf(id)).toMatchObject([{ email }]);

    await page.getByRole("link", { name: "Poista tietoni nyt" }).click();
    await page.getByRole("button", { name: "Kyllä, poista tietoni" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Tietosi on poistettu" })).toBeVisible();
    await expect(page.getByText("Varaustunnus ja tämä linkki toimivat yhä.", { exact: false })).toBeVisible();
    expect(bookingsOf(id)).toMatchObject([{ status: "confirmed", email: null }]);
  });
});

test("the manage page and its erase step pass axe (fi, sv, en)", async ({ page, expectAccessible }) => {
  for (const locale of ["fi", "sv", "en"] as const) {
    const id = createSession({ title: `Axe ${locale}`, capacity: 5 });
    const session = new SessionPage(page, locale);
    await session.open(id);
    await session.book({ nickname: "Maija", email: unique(`axe-${locale}`) });
    const link = await session.manageLink();
    await expectAccessible();
    await page.goto(`${link}/erase`);
    await expect(page.getByRole("button", { name: /Kyllä, poista|Ja, radera|Yes, erase/ })).toBeVisible();
    await expectAccessible();
  }
});

test("sv: a parent's own cancellation mails a calendar CANCEL with the confirmation's UIDs and a text, then keeps no contact", async ({ page, expectAccessible }) => {
  const id = createSession({ title: "Avbokningskväll", capacity: 5 });
  const session = new SessionPage(page, "sv");
  await session.open(id);
  const email = unique("avbokar");
  const phone = "+358401230022";
  await session.book({ email, phone: "040 123 0022" });
  const link = await session.manageLink();
  const confirmation = await waitForMail(email, "Ditt besök på Kohtaamo");
  const confirmed = calendarOf(confirmation);

  await page.getByRole("link", { name: "Avboka" }).click();
  await expect(page.getByText(/^Vill du avboka Avbokningskväll \(sv\), .*\?/)).toBeVisible();
  await page.getByRole("button", { name: "Ja, avboka" }).click();
  await expect(page).toHaveURL(`${link}?cancelled=1`);
  const notice = page.getByRole("status").filter({ hasText: "Bokningen har avbokats" });
  await expect(notice).toContainText("skickar vi en bekräftelse på avbokningen dit");
  await expect(page.getByText(/förblir bokad/)).toHaveCount(0);
  await expectAccessible();

  const mail = await waitForMail(email, "Din bokning på Kohtaamo är avbokad");
  expect(mail.text).not.toMatch(/Avbokningskväll|barnskydd|\/manage\//i);
  const ics = calendarOf(mail);
  expect(ics).toContain("METHOD:CANCEL");
  expect(ics).toContain("STATUS:CANCELLED");
  expect(uids(ics)).toEqual(uids(confirmed));
  expect(uids(ics)).toHaveLength(1);
  const text = await waitForSms(phone, /du har avbokat/);
  expect(text.text).toContain(bookingsOf(id)[0]!.code);

  // Sent, and then nothing of the address or number is kept.
  expect(bookingsOf(id)).toMatchObject([{ status: "cancelled", email: null, phone: null }]);
  await expect.poll(() => query("SELECT count(*) AS n FROM outbox WHERE recipient IN (?, ?)", email, phone)).toEqual([{ n: 0 }]);
});

test("fi: /fi/manage recovers a lost link by e-mail, and answers the same for an unknown address", async ({ page, expectAccessible }) => {
  const id = createSession({ title: "Kadonnut linkki", capacity: 5 });
  const session = new SessionPage(page, "fi");
  await session.open(id);
  const email = unique("kadotin");
  await session.book({ email });
  const oldLink = await session.manageLink();
  const code = bookingsOf(id)[0]!.code;

  // From the footer of any page, and from the booking page.
  await page.goto(`/fi/sessions/${id}`);
  await expect(page.getByRole("main").getByRole("link", { name: "Kadotitko varauslinkin?" })).toBeVisible();
  await page.getByRole("contentinfo").getByRole("link", { name: "Kadotitko varauslinkin?" }).click();
  await expect(page).toHaveURL(/\/fi\/manage$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kadotitko varauslinkin?" })).toBeVisible();
  await expectAccessible();

  // Something that is neither: said next to the field, with what was typed kept.
  const field = page.getByRole("textbox", { name: "Sähköpostiosoite tai puhelinnumero" });
  await field.fill("en muista");
  await page.getByRole("button", { name: "Lähetä linkit" }).click();
  await expect(field).toHaveValue("en muista");
  await expect(field).toHaveAccessibleDescription(/Kirjoita sähköpostiosoite tai puhelinnumero/);
  await expectAccessible();

  await field.fill(email.toUpperCase());
  await page.getByRole("button", { name: "Lähetä linkit" }).click();
  await expect(page).toHaveURL(/\/fi\/manage\?sent=1$/);
  const answer = await page.getByRole("main").innerText();
  await expect(page.getByRole("status")).toContainText("Jos tällä osoitteella tai numerolla on tulevia varauksia");

  const mail = await waitForMail(email, "Varauksesi Kohtaamoon");
  const fresh = /http:\/\/localhost:\d+\/fi\/manage\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "")![0];
  expect(fresh).not.toBe(oldLink);
  await page.goto(fresh);
  await expect(page.getByText(code)).toBeVisible();
  // The old link was replaced: whoever else saw it can no longer use it.
  await page.goto(oldLink);
  await expect(page.getByRole("heading", { level: 1, name: "Linkki ei toimi" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kadotitko varauslinkin?" }).first()).toBeVisible();

  // An address with no bookings: the very same answer, and no message.
  const stranger = unique("tuntematon");
  await page.goto("/fi/manage");
  await page.getByRole("textbox", { name: "Sähköpostiosoite tai puhelinnumero" }).fill(stranger);
  await page.getByRole("button", { name: "Lähetä linkit" }).click();
  await expect(page).toHaveURL(/\/fi\/manage\?sent=1$/);
  expect(await page.getByRole("main").innerText()).toBe(answer);
  expect(mailsTo(stranger)).toEqual([]);
  expect(query("SELECT count(*) AS n FROM outbox WHERE recipient = ?", stranger)).toEqual([{ n: 0 }]);
});

test("a session's page, a place's page and the manage page keep their names out of the tab title", async ({ page }) => {
  const id = createSession({ title: "Infoilta: sijoitus ja yhteydenpito", capacity: 5 });
  const titles: [string, string][] = [
    [`/fi/sessions/${id}`, "Kohtaamo – Tapaaminen"],
    [`/sv/sessions/${id}`, "Kohtaamo – Träff"],
    [`/en/sessions/${id}`, "Kohtaamo – Session"],
    ["/fi", "Kohtaamo"],
  ];
  for (const [url, title] of titles) {
    await page.goto(url);
    await expect(page).toHaveTitle(title);
  }
  await page.goto(`/fi/sessions/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Infoilta: sijoitus ja yhteydenpito");
  expect(await page.title()).not.toContain("sijoitus");

  const place = query<{ slug: string; name: string }>("SELECT slug, name FROM places LIMIT 1")[0]!;
  await page.goto(`/fi/places/${place.slug}`);
  await expect(page).toHaveTitle("Kohtaamo – Kohtaamispaikka");
  const session = new SessionPage(page, "fi");
  await session.open(id);
  await session.book({});
  await session.manageLink();
  await expect(page).toHaveTitle("Kohtaamo – Varauksesi");
});

test("the planners' session form warns beside the title of a word that tells too much", async ({ page, expectAccessible }) => {
  const id = createSession({ title: "Placement evening", capacity: 5 });
  await signInAs(page, "planner@kohtaamo.local");
  await page.goto(`/en/plan/sessions/${id}`);
  await expect(page.getByTestId("title-warning")).toContainText("The title uses “placement”");
  await expectAccessible();
  const plain = createSession({ title: "Evening together", capacity: 5 });
  await page.goto(`/en/plan/sessions/${plain}`);
  await expect(page.getByRole("heading", { level: 1, name: "Evening together" })).toBeVisible();
  await expect(page.getByTestId("title-warning")).toHaveCount(0);
});

test.describe("without JavaScript, one full page a request", () => {
  test.use({ javaScriptEnabled: false });

  test("en: asking for lost links is limited per network, and says what to do", async ({ page }) => {
    await page.goto("/en/manage");
    const field = page.getByRole("textbox", { name: "E-mail address or phone number" });
    // The e2e server allows six a window (E2E.rateLimit); what was typed is kept each time.
    for (let i = 0; i < 6; i++) {
      await field.fill(`nonsense ${i}`);
      await page.getByRole("button", { name: "Send the links" }).click();
      await expect(field).toHaveAccessibleDescription(/Type an e-mail address or a phone number/);
      await expect(field).toHaveValue(`nonsense ${i}`);
    }
    await field.fill(unique("limited"));
    await page.getByRole("button", { name: "Send the links" }).click();
    await expect(page.getByText("Links have just been asked for many times from this network. Wait 10 minutes and try again.")).toBeVisible();
    await expect(page).toHaveURL(/\/en\/manage$/);
  });
});
