import { expect, type Page } from "@playwright/test";

/** The door screen of one session, as a facilitator or planner uses it (English labels). */
export class DoorPage {
  constructor(readonly page: Page) {}

  async open(id: number) {
    await this.page.goto(`/en/host/sessions/${id}`);
  }

  total() {
    return this.page.getByTestId("total");
  }

  async tap(label: "Parent, first time here" | "Parent, been before" | "Professional" | "Other") {
    await this.page.getByRole("button", { name: `+ ${label}` }).click();
  }

  async undo() {
    await this.page.getByRole("button", { name: "Undo the last tap" }).click();
  }

  async giveCode(): Promise<string> {
    await this.page.getByRole("button", { name: "+ New parent, give a visitor code" }).click();
    const code = this.page.getByTestId("issued-code");
    await expect(code).toHaveText(/^[A-Z]{3}-\d{4}-[A-Z]{3}$/);
    return (await code.textContent())!;
  }

  async countCode(typed: string) {
    await this.page.getByLabel("A returning parent shows their code").fill(typed);
    await this.page.getByRole("button", { name: "Count the visit" }).click();
  }

  async checkIn(name: string) {
    await this.page.getByRole("button", { name: `Check in ${name}` }).click();
    await expect(this.page.getByRole("button", { name: `${name} checked in. Press to undo.` })).toBeVisible();
  }

  /** "N taps waiting to be sent…": changes kept on the tablet, not yet answered by the server. */
  waiting(count: number) {
    return this.page.getByText(count === 1 ? "1 tap waiting to be sent…" : `${count} taps waiting to be sent…`);
  }

  /** Waits until the tablet's service worker has kept this page for opening offline. */
  async keptOffline() {
    await expect
      .poll(() => this.page.evaluate(async () => Boolean(await (await caches.open("door-pages-v1")).match(location.pathname))), { timeout: 15_000 })
      .toBe(true);
  }

  /** What the door keeps in this browser: IndexedDB's keys and the service worker's caches. */
  async onDevice() {
    return this.page.evaluate(async () => {
      const keys = await new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("kohtaamo-door");
        open.onupgradeneeded = () => open.result.createObjectStore("door");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("door").objectStore("door").getAllKeys();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result.map((k) => JSON.stringify(k)));
          };
        };
      });
      const cached = (await caches.keys()).filter((n) => n.startsWith("door-")).sort();
      return { keys, cached };
    });
  }

  async scan() {
    await this.page.getByRole("button", { name: "Scan a code with the camera" }).click();
  }

  refusal(text: string | RegExp) {
    return this.page.getByRole("alert").filter({ hasText: text });
  }

  /** Closing asks "close now?" first; `confirm: false` answers "Not yet". */
  async close(note?: string, o: { confirm?: boolean } = {}) {
    if (note !== undefined) await this.page.getByLabel("A note about the session (optional)").fill(note);
    await this.page.getByRole("button", { name: /^Close the session/ }).click();
    await expect(this.page.getByText(/^Close the session now, with/)).toBeVisible();
    if (o.confirm === false) {
      await this.page.getByRole("button", { name: "Not yet" }).click();
      return;
    }
    await this.page.getByRole("button", { name: "Yes, close the session" }).click();
    await expect(this.closedHeading()).toBeVisible();
    // The feedback QR opens on the whole screen straight away; the facilitator closes it with Escape.
    await expect(this.qrScreen()).toBeVisible();
    await this.page.keyboard.press("Escape");
    await expect(this.qrScreen()).toBeHidden();
  }

  /** The full-screen feedback QR code (a modal dialog). */
  qrScreen() {
    return this.page.getByRole("dialog", { name: "Feedback" });
  }

  /** A returning parent's code, typed: the field, and the answer shown next to it. */
  codeField() {
    return this.page.getByLabel("A returning parent shows their code");
  }

  codeResult() {
    return this.page.getByTestId("code-result");
  }

  closedHeading() {
    return this.page.getByRole("heading", { name: "The session is closed" });
  }

  async reopen() {
    await this.page.getByRole("button", { name: "Reopen the session" }).click();
    await expect(this.page.getByRole("heading", { name: "Close the session" })).toBeVisible();
  }
}
