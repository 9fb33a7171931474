import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { DoorPage } from "./pages/DoorPage";
import { signInAs } from "./pages/Staff";
import { assignFacilitator, createSession, query, run } from "./support/db";
import { E2E } from "./support/env.cjs";
import config from "../playwright.config";

const FACILITATOR = "facilitator@kohtaamo.local";

/** A session starting in a quarter of an hour (its door is open), with one booking on the roster. */
function doorEvening(title: string) {
  const id = createSession({ title, capacity: 5, daysAhead: 0.01 });
  assignFacilitator(id, FACILITATOR);
  run(
    `INSERT INTO bookings (session_id, code, token_hash, nickname, party_size, email, locale, status, confirmed_at)
     VALUES (?, ?, ?, 'Aino', 1, 'aino@example.org', 'en', 'confirmed', ?)`,
    id,
    `T${id}-OFF`,
    `offline-test-${id}-${Date.now()}`,
    Date.now(),
  );
  return id;
}

const visitsOf = (id: number) =>
  query<{ kind: string; firstTime: number | null }>("SELECT kind, first_time AS firstTime FROM visits WHERE session_id = ? ORDER BY id", id);
// Each load of the door page over the network logs a look at its roster: a load from the tablet's cache does not.
const rosterViews = (id: number) => query("SELECT 1 FROM audit_log WHERE action = 'roster.view' AND subject_id = ?", String(id)).length;

/**
 * The network goes away for the page and for its service worker: Playwright's
 * offline mode covers the page, and the worker's own requests are refused too.
 */
async function offline(context: BrowserContext, on: boolean) {
  await context.setOffline(on);
  if (on) await context.route("**", (route) => (route.request().serviceWorker() ? route.abort("internetdisconnected") : route.continue()));
  else await context.unrouteAll();
}

test("taps made offline survive a reload and land once when the network returns", async ({ page, expectAccessible }) => {
  const id = doorEvening("Offline evening");
  await signInAs(page, FACILITATOR);
  const door = new DoorPage(page);
  await door.open(id);
  await expect(page.getByText("Aino · 1 person")).toBeVisible();
  await door.keptOffline();
  const views = rosterViews(id);

  // The door installs as an app of the staff area, in the staff member's language.
  const cdp = await page.context().newCDPSession(page);
  const { url, data } = await cdp.send("Page.getAppManifest");
  expect(url).toBe(`${E2E.baseURL}/en/host/manifest.webmanifest`);
  expect(JSON.parse(data!)).toMatchObject({ start_url: "/en/host", scope: "/en/host", name: "Kohtaamo – the door", lang: "en" });

  await offline(page.context(), true);
  await door.tap("Parent, been before");
  await door.tap("Professional");
  await expect(door.waiting(2)).toBeVisible();
  await expect(door.total()).toHaveText("2 visitors");

  // The tablet reloads with no network: the door opens from its cache, the taps still waiting.
  await page.reload();
  await expect(page.getByText("Aino · 1 person")).toBeVisible();
  await expect(door.waiting(2)).toBeVisible();
  await expect(door.total()).toHaveText("2 visitors");
  await door.tap("Other");
  await door.undo();
  await expect(door.waiting(4)).toBeVisible();
  await expectAccessible();
  expect(rosterViews(id)).toBe(views);
  expect(visitsOf(id)).toEqual([]);

  // A door page this tablet never kept says so in the staff member's language, not with the browser's error.
  await page.goto(`/en/host/sessions/${id + 1_000_000}`);
  await expect(page.getByRole("heading", { level: 1, name: "No network" })).toBeVisible();
  await expect(page.getByText(/^This page has not been saved on this device/)).toBeVisible();
  await expectAccessible();
  await page.goto(`/en/host/sessions/${id}`);
  await expect(door.waiting(4)).toBeVisible();

  await offline(page.context(), false);
  await expect(door.waiting(4)).toBeHidden({ timeout: 20_000 });
  await expect(door.total()).toHaveText("2 visitors");
  expect(visitsOf(id)).toEqual([
    { kind: "parent", firstTime: 0 },
    { kind: "professional", firstTime: null },
  ]);

  // Reloading again sends nothing twice.
  await page.reload();
  await expect(door.total()).toHaveText("2 visitors");
  expect(visitsOf(id)).toHaveLength(2);

  // Once the session is closed its roster's nicknames leave the tablet: the kept page and the stored state go.
  expect((await door.onDevice()).keys).toContain(JSON.stringify(["state", id]));
  await door.close();
  await expect
    .poll(() => page.evaluate(async () => Boolean(await (await caches.open("door-pages-v1")).match(location.pathname))))
    .toBe(false);
  await expect.poll(async () => (await door.onDevice()).keys).not.toContain(JSON.stringify(["state", id]));
});

test("taps made offline survive closing the browser, and signing out leaves nothing on the tablet", async ({}, testInfo) => {
  const id = doorEvening("Tablet off evening");
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "door-tablet-"));
  // The tablet's own browser profile: IndexedDB, the service worker and its caches stay in it between launches.
  const launch = () =>
    chromium.launchPersistentContext(userDataDir, {
      ...config.use?.launchOptions,
      baseURL: E2E.baseURL,
      timezoneId: "America/New_York",
      extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${(testInfo.workerIndex * 17 + 5) % 250}` },
    });
  const refused: string[] = [];
  const watch = (p: Page) => p.on("console", (m) => /Content Security Policy/i.test(m.text()) && refused.push(m.text()));

  try {
    let tablet = await launch();
    let page = tablet.pages()[0] ?? (await tablet.newPage());
    watch(page);
    await signInAs(page, FACILITATOR);
    let door = new DoorPage(page);
    await door.open(id);
    await door.keptOffline();
    // Chrome would offer to install the door (an incognito context never says so, hence this profile).
    const cdp = await tablet.newCDPSession(page);
    expect((await cdp.send("Page.getInstallabilityErrors")).installabilityErrors).toEqual([]);

    await offline(tablet, true);
    await door.tap("Parent, first time here");
    await door.tap("Parent, first time here");
    await expect(door.waiting(2)).toBeVisible();
    await tablet.close();
    expect(visitsOf(id)).toEqual([]);

    // The tablet is switched on again, still without a network.
    tablet = await launch();
    page = tablet.pages()[0] ?? (await tablet.newPage());
    watch(page);
    door = new DoorPage(page);
    await offline(tablet, true);
    await door.open(id);
    await expect(door.waiting(2)).toBeVisible();
    await expect(door.total()).toHaveText("2 visitors");
    // Signing out now would delete them: the door asks first, and nothing goes until asked again.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Taps not yet sent are on this tablet." })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out anyway" })).toBeVisible();
    expect((await door.onDevice()).keys).toContain(JSON.stringify(["queue", id]));

    await offline(tablet, false);
    await expect(door.waiting(2)).toBeHidden({ timeout: 20_000 });
    expect(visitsOf(id)).toEqual([
      { kind: "parent", firstTime: 1 },
      { kind: "parent", firstTime: 1 },
    ]);

    // The door kept its state and this device's taps; signing out takes everything away.
    expect((await door.onDevice()).keys.length).toBeGreaterThan(0);
    // Sorted: the order the caches were opened in is the service worker's business.
    expect((await door.onDevice()).cached).toEqual(["door-pages-v1", "door-static-v1"]);
    await page.getByRole("button", { name: "Sign out anyway" }).click();
    await expect(page).toHaveURL(/\/en\/staff\/sign-in\?signedOut=1/);
    await expect.poll(() => door.onDevice()).toEqual({ keys: [], cached: [] });
    await tablet.close();
  } finally {
    // Chromium may still be writing to its profile for a moment after closing.
    fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
  expect(refused).toEqual([]);
});

test("the door's queue is taken only from the app's own pages, and only from someone who runs the session", async ({ page }) => {
  const id = doorEvening("Queue route evening");
  const ops = { ops: [{ seq: 1, type: "tap", clientKey: `route-test-${id}`, kind: "other", firstTime: null }] };
  const send = (headers: Record<string, string>) => page.request.post(`/api/host/sessions/${id}/taps`, { data: ops, headers });

  // Not signed in: refused, and the device keeps its queue.
  expect((await send({ origin: E2E.baseURL })).status()).toBe(403);
  await signInAs(page, FACILITATOR);
  // Signed in, but from another site (a form or script elsewhere riding on the cookie): refused.
  expect((await send({ origin: "https://elsewhere.example", "sec-fetch-site": "cross-site" })).status()).toBe(403);
  expect((await send({ origin: "https://elsewhere.example" })).status()).toBe(403);
  expect(visitsOf(id)).toEqual([]);

  const ok = await send({ origin: E2E.baseURL });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).results).toEqual([{ seq: 1, ok: true }]);
  // The same change again counts once.
  expect((await send({ "sec-fetch-site": "same-origin" })).status()).toBe(200);
  expect(visitsOf(id)).toEqual([{ kind: "other", firstTime: null }]);
});
