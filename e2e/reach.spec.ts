import fs from "node:fs";
import { test, expect } from "./fixtures";
import { signInAs } from "./pages/Staff";
import { E2E } from "./support/env.cjs";

/** A CSV as the app writes it in English: a byte order mark, comma-separated, quoted where needed. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [[]];
  let field = "";
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === "," || c === "\n") {
      rows.at(-1)!.push(field);
      field = "";
      if (c === "\n") rows.push([]);
    } else if (c !== "\r") field += c;
  }
  return rows.filter((r) => r.length > 0);
}

test("a planner follows reach on the demo data, filters it and downloads the figures", async ({ page, expectAccessible }) => {
  await signInAs(page, "planner@kohtaamo.local");
  await page.goto("/en/plan/reach");
  await expect(page.getByRole("heading", { level: 1, name: "Reach and feedback" })).toBeVisible();
  // The demo history gives this year figures (its drop-ins go back about five months).
  await expect(page.getByTestId("figure-visits")).toHaveText(/^[1-9][\d,]*$/);
  await expectAccessible();

  // The whole project at Tikkurila, through the form (a plain GET: the view is in the address).
  await page.getByLabel("Period", { exact: true }).selectOption({ label: "The whole project" });
  await page.getByLabel("Meeting place", { exact: true }).selectOption({ label: "Kohtaamo Tikkurila" });
  await page.getByRole("button", { name: "Show the figures" }).click();
  await expect(page).toHaveURL(/period=all.*place=\d+/);
  await expect(page.getByTestId("view-summary")).toContainText("Meeting place: Kohtaamo Tikkurila");
  const visits = (await page.getByTestId("figure-visits").textContent())!;
  const reached = (await page.getByTestId("figure-parentsReached").textContent())!;
  expect(Number(visits.replace(/,/g, ""))).toBeGreaterThan(0);
  await expect(page.getByTestId("by-place").getByRole("rowheader")).toHaveText(["Kohtaamo Tikkurila"]);

  // The CSV of the same view: the same figures, and a table of the sessions.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^kohtaamo-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(fs.readFileSync((await download.path())!, "utf8"));
  expect(rows.find((r) => r[0] === "Visits")?.[1]).toBe(visits);
  expect(rows.find((r) => r[0] === "Parents reached")?.[1]).toBe(reached);
  const header = rows.findIndex((r) => r[0] === "Date" && r[1] === "Time");
  expect(rows[header]).toEqual(["Date", "Time", "Session", "Meeting place", "Session kind", "Capacity", "Seats booked", "Attended", "Checked in from bookings", "Walk-in parents", "Professionals", "Others", "Changed after the day"]);
  const sessions = rows.slice(header + 1);
  expect(sessions.length).toBeGreaterThan(10);
  expect(sessions.every((r) => r[3] === "Kohtaamo Tikkurila" && r[2]!.length > 0)).toBe(true);
  // The session table adds up to the headline visits.
  expect(sessions.reduce((n, r) => n + Number(r[7]), 0)).toBe(Number(visits.replace(/,/g, "")));

  // The Excel file of the same view.
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Excel (.xlsx)" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(fs.readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe("PK");

  // For publication: small counts become "<5".
  await page.getByLabel("For publication: hide counts under 5").check();
  await page.getByRole("button", { name: "Show the figures" }).click();
  await expect(page).toHaveURL(/publish=1/);
  await expect(page.getByText("For publication: counts under 5 are shown as <5").first()).toBeVisible();
  for (const cell of await page.getByTestId("series-table").locator("td").allTextContents()) expect(cell).toMatch(/^(<5|hidden|[5-9]|\d\d+|[\d,]{2,})$/);

  // The printable report of the view.
  await page.getByRole("link", { name: "Printable report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reach report" })).toBeVisible();
  await expect(page.getByText("Meeting place: Kohtaamo Tikkurila")).toBeVisible();
  await expectAccessible();
});

test("a facilitator or someone not signed in gets no figures", async ({ page, browser }) => {
  const exportPath = "/en/plan/reach/export?period=all&format=csv";
  await signInAs(page, "facilitator@kohtaamo.local");
  await page.goto("/en/plan/reach?period=all");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByTestId("figure-visits")).toHaveCount(0);
  const refused = await page.request.get(exportPath);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain("Visits");
  await page.goto("/en/plan/reach/report?period=all");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();

  const anonymous = await browser.newContext({ baseURL: E2E.baseURL });
  const response = await anonymous.request.get(exportPath, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toContain("/en/staff/sign-in");
  const visitor = await anonymous.newPage();
  await visitor.goto("/en/plan/reach?period=all");
  await expect(visitor).toHaveURL(/\/en\/staff\/sign-in/);
  await anonymous.close();
});
