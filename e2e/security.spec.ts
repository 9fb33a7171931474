import { test, expect } from "./fixtures";
import { signInAs } from "./pages/Staff";
import { SessionPage } from "./pages/SessionPage";
import { bookingsOf, createSession, openDb, query } from "./support/db";
import { E2E } from "./support/env.cjs";
import { mailsTo, waitForMail } from "./support/mail";

const SIGN_IN_SUBJECT = /Sign in to Kohtaamo|Kirjautuminen Kohtaamoon|Inloggning till Kohtaamo/;
const linkIn = (text: string) => text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0];

async function requestLink(page: import("@playwright/test").Page, email: string) {
  await page.goto("/en/staff/sign-in");
  await page.getByRole("textbox", { name: "E-mail" }).fill(email);
  await page.getByRole("button", { name: /sign-in link/i }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
}

test.describe("sign-in links", () => {
  test("a sign-in asked for with a forged host still mails a link on APP_URL, and only that link signs in", async ({ browser }) => {
    // The attacker's request: the app's own form, with a forwarded host (and a matching Origin) of their own.
    const forged = await browser.newContext({
      javaScriptEnabled: false,
      extraHTTPHeaders: { "x-forwarded-for": "203.0.113.66", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example" },
    });
    const attacker = await forged.newPage();
    const since = Date.now();
    await requestLink(attacker, "planner@kohtaamo.local");
    await forged.close();

    const mail = await waitForMail("planner@kohtaamo.local", SIGN_IN_SUBJECT, since);
    const link = linkIn(mail.text!);
    expect(new URL(link).origin).toBe(E2E.baseURL);
    expect(new URL(link).searchParams.get("callbackUrl") ?? "").not.toContain("evil.example");
    expect(mail.text).not.toContain("evil.example");
  });

  test("Auth.js's own sign-in endpoint answers every address alike and sends nothing", async ({ request }) => {
    const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const since = Date.now();
    const answers = [];
    for (const email of ["planner@kohtaamo.local", "nobody@example.com"]) {
      const response = await request.post("/api/auth/signin/nodemailer", { form: { email, csrfToken: csrf.csrfToken }, maxRedirects: 0 });
      answers.push([response.status(), response.headers()["location"] ?? null]);
    }
    expect(answers).toEqual([
      [404, null],
      [404, null],
    ]);
    await new Promise((r) => setTimeout(r, 1500)); // longer than the outbox's interval in the tests
    expect(mailsTo("planner@kohtaamo.local").filter((f) => Number(f.split("-")[0]) >= since)).toEqual([]);
  });

  test("a new link makes the earlier one useless", async ({ page }) => {
    // A member of staff of this test's own, so no other test signs them in meanwhile.
    const email = `links${Date.now()}@kohtaamo.local`;
    const db = openDb();
    db.prepare("INSERT INTO users (id, name, email, role, locale, created_at) VALUES (?, 'Link Tester', ?, 'facilitator', 'en', ?)").run(crypto.randomUUID(), email, Date.now());
    db.close();
    const first = Date.now();
    await requestLink(page, email);
    const older = linkIn((await waitForMail(email, SIGN_IN_SUBJECT, first)).text!);
    const second = Date.now() + 1;
    await new Promise((r) => setTimeout(r, 5));
    await requestLink(page, email);
    const newer = linkIn((await waitForMail(email, SIGN_IN_SUBJECT, second)).text!);
    expect(newer).not.toBe(older);

    await page.goto(older);
    await expect(page).toHaveURL(/\/staff\/sign-in/);
    await page.goto("/en/host");
    await expect(page).toHaveURL(/\/en\/staff\/sign-in\?next=%2Fen%2Fhost$/);
    await page.goto(newer);
    await expect(page.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();
  });
});

test("sign-in and sign-out send a member of staff only to pages on APP_URL, whatever callbackUrl a link carries", async ({ page }) => {
  const email = `redirects${Date.now()}@kohtaamo.local`;
  const db = openDb();
  db.prepare("INSERT INTO users (id, name, email, role, locale, created_at) VALUES (?, 'Redirect Tester', ?, 'facilitator', 'en', ?)").run(crypto.randomUUID(), email, Date.now());
  db.close();

  // The link from the e-mail, its callbackUrl changed to another site: it signs in, and stays on ours.
  const since = Date.now();
  await requestLink(page, email);
  const link = new URL(linkIn((await waitForMail(email, SIGN_IN_SUBJECT, since)).text!));
  link.searchParams.set("callbackUrl", "https://evil.example//evil.example/phish");
  await page.goto(link.toString());
  expect(new URL(page.url()).origin).toBe(E2E.baseURL);
  expect(((await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } }).user?.email).toBe(email);

  // Auth.js's own sign-out page, as the attacker linked it.
  await page.goto(`/api/auth/signout?callbackUrl=${encodeURIComponent("https://evil.example//evil.example/phish")}`);
  await page.getByRole("button", { name: /sign out/i }).click();
  await expect(page).toHaveURL((url) => url.origin === E2E.baseURL);
  expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();

  // Every other form, posted to the same endpoint: the answer always points at our own site.
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const attempts = ["//evil.example", "/\\evil.example", "https:evil.example", "/%2F%2Fevil.example", "%2F%2Fevil.example", "\\\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example/phish", "http://localhost.evil.example/"];
  for (const callbackUrl of attempts) {
    const answer = await page.request.post("/api/auth/signout", { form: { csrfToken: csrf.csrfToken, callbackUrl }, maxRedirects: 0 });
    const location = answer.headers()["location"] ?? "";
    expect([callbackUrl, new URL(location, E2E.baseURL).origin]).toEqual([callbackUrl, E2E.baseURL]);
  }
});

test("the session endpoint answers with the person, never the session token or the rest of the user's row", async ({ page }) => {
  await signInAs(page, "facilitator@kohtaamo.local");
  const body = await (await page.request.get("/api/auth/session")).json();
  expect(Object.keys(body).sort()).toEqual(["expires", "user"]);
  expect(Object.keys(body.user).sort()).toEqual(["email", "id", "name"]);
  expect(JSON.stringify(body)).not.toMatch(/sessionToken|role|invited|deactivated/);

  // The cookie's token is not what the database holds: a copy of the database signs nobody in.
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"))!;
  const db = openDb();
  const stored = db.prepare("SELECT count(*) AS n FROM auth_sessions WHERE session_token = ?").get(cookie.value) as { n: number };
  db.close();
  expect(stored.n).toBe(0);
});

test.describe("limits per client", () => {
  test("a client that prepends a fresh X-Forwarded-For each time is still one client", async ({ page }) => {
    const id = createSession({ title: "Forged addresses", capacity: 100 });
    const session = new SessionPage(page, "en");
    // Our proxy appends the real address last; whatever the client put before it is not believed.
    for (let i = 0; i <= E2E.rateLimit; i++) {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${i + 1}, 203.0.113.120` });
      await session.open(id);
      await session.book({ nickname: `Try ${i}` });
      if (i < E2E.rateLimit) await session.manageLink();
    }
    await expect(page.getByText(/^Many bookings were just made from this network\. Please wait 10 minutes, or call the meeting place on [\d +]+\.$/)).toBeVisible();
    expect(bookingsOf(id)).toHaveLength(E2E.rateLimit);
  });

  test("two addresses of one IPv6 /64 share the booking limit and the seat cap", async ({ page }) => {
    // A home or mobile connection is given a whole /64 and may pick a fresh address in it for every request.
    const from = (address: string) => page.setExtraHTTPHeaders({ "x-forwarded-for": address });
    const id = createSession({ title: "One /64, many addresses", capacity: 100 });
    const session = new SessionPage(page, "en");
    for (let i = 0; i <= E2E.rateLimit; i++) {
      await from(i % 2 ? `2001:db8:64:1:${i}::${i + 1}` : `2001:0db8:0064:0001::${(i + 1).toString(16)}`);
      await session.open(id);
      await session.book({ nickname: `Six four ${i}` });
      if (i < E2E.rateLimit) await session.manageLink();
    }
    await expect(page.getByText(/^Many bookings were just made from this network\. Please wait 10 minutes, or call the meeting place on [\d +]+\.$/)).toBeVisible();
    expect(bookingsOf(id)).toHaveLength(E2E.rateLimit);

    const small = createSession({ title: "One /64, one seat cap", capacity: 25 });
    for (const address of ["2001:db8:64:2::1", "2001:db8:64:2:0:ffff::2"]) {
      await from(address);
      await session.open(small);
      await session.book({ people: 4 });
      await session.manageLink();
    }
    await from("2001:db8:64:2:abcd::3");
    await session.open(small);
    await session.book({ nickname: "Ninth seat", people: 1 });
    await expect(page.getByText(/^One person can book at most 8 seats here\. If you need more, call the meeting place on [\d +]+\.$/)).toBeVisible();
    expect(bookingsOf(small).reduce((n, b) => n + b.partySize, 0)).toBe(8);
    // Another /64 is another client.
    await from("2001:db8:64:3::1");
    await session.open(small);
    await session.book({ people: 1 });
    await session.manageLink();
  });

  test("one client cannot take every seat of an info evening, and gets a cancelled booking's seats back", async ({ page }) => {
    const id = createSession({ title: "Seat cap", capacity: 25 });
    const session = new SessionPage(page, "en");
    const links: string[] = [];
    for (let i = 0; i < 2; i++) {
      await session.open(id);
      await session.book({ people: 4 });
      links.push(await session.manageLink());
    }
    await session.open(id);
    await session.book({ nickname: "Ninth seat", people: 1 });
    await expect(page.getByText(/^One person can book at most 8 seats here\. If you need more, call the meeting place on [\d +]+\.$/)).toBeVisible();
    await expect(page.getByLabel(/nickname/i)).toHaveValue("Ninth seat");
    expect(bookingsOf(id).reduce((n, b) => n + b.partySize, 0)).toBe(8);

    // The parent cancels one booking of four: those four seats may be booked again from the same phone.
    await page.goto(`${links[0]}/cancel`);
    await page.getByRole("button", { name: "Yes, cancel the booking" }).click();
    await expect(page.getByRole("heading", { name: "The booking has been cancelled" })).toBeVisible();
    await session.open(id);
    await session.book({ people: 4 });
    await session.manageLink();
    expect(bookingsOf(id).filter((b) => b.status === "confirmed").reduce((n, b) => n + b.partySize, 0)).toBe(8);
  });
});

test("pages carry a Content-Security-Policy with a fresh nonce on every script, and the browser protections", async ({ page }) => {
  const first = await page.goto("/fi");
  const second = await page.request.get("/fi");
  const csp = first!.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = csp.match(/'nonce-([^']+)'/)![1]!;
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(first!.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  expect(first!.headers()["permissions-policy"]).toContain("geolocation=()");
  // Every script Next wrote into the page carries this response's nonce.
  const scripts = await page.locator("script").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  // And the page still works: the booking list's filter is interactive (no refused scripts, see the cspClean fixture).
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("one address gets at most five confirmations a day, however many clients book with it; the sixth booking says so", async ({ page, expectAccessible }) => {
  // Someone books six seats with a stranger's address, from six connections so no per-client limit stops them.
  const victim = `victim${Date.now()}@example.com`;
  const id = createSession({ title: "Someone else's address", capacity: 20 });
  const session = new SessionPage(page, "en");
  let link = "";
  for (let i = 0; i < 6; i++) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `192.0.2.${100 + i}` });
    await session.open(id);
    await session.book({ email: victim });
    link = await session.manageLink();
  }
  // The sixth booking is made, and its page tells that no message went and to save the link.
  expect(bookingsOf(id)).toHaveLength(6);
  await expect(page.getByRole("heading", { name: "No message could be sent today" })).toBeVisible();
  await expect(page.getByText(/Save the link to this page/)).toBeVisible();
  await expect(page.getByText("We sent a confirmation to your e-mail.")).toHaveCount(0);
  await expectAccessible();

  // Five e-mails reach the address; the outbox has nothing more for it.
  await expect.poll(() => mailsTo(victim).length, { timeout: 15_000 }).toBe(5);
  await expect
    .poll(() => query<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE recipient = ? AND sent_at IS NULL AND dropped_at IS NULL AND kind <> 'booking_reminder'", victim)[0]!.n)
    .toBe(0);
  expect(mailsTo(victim)).toHaveLength(5);

  // The booking's page opened again from the saved link still says it.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "No message could be sent today" })).toBeVisible();
});
