import { expect, type Page } from "@playwright/test";

/** A planner's page for one session: who runs it, its details, cancelling it (English labels). */
export class PlanSessionPage {
  constructor(readonly page: Page) {}

  async open(id: number) {
    await this.page.goto(`/en/plan/sessions/${id}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  /** Changes fields of the edit form ("Seats", "Date", …) and saves. */
  async edit(fields: Record<string, string>) {
    for (const [label, value] of Object.entries(fields)) await this.page.getByLabel(label, { exact: true }).fill(value);
    await this.page.getByRole("button", { name: "Save changes" }).click();
  }

  /** What the last action did, carried in the URL ("Changes saved.", "… cancelled"); never the form's "Nothing was saved" refusal. */
  notice() {
    return this.page.getByRole("status").filter({ hasText: /saved|cancelled/ }).filter({ hasNotText: "Nothing was saved" });
  }

  /** "Figures changed later by …, …": the session's figures changed after its day. */
  changedLater() {
    return this.page.getByTestId("changed-later");
  }

  /** The door's history: the audited changes after the day, as rows of when, who, what. */
  async openDoorHistory() {
    await this.page.getByRole("link", { name: "The door's history" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: /^The door's history/ })).toBeVisible();
    return this.page.getByTestId("door-history").getByRole("row");
  }

  async cancel() {
    await this.page.getByRole("button", { name: "Cancel the session" }).click();
  }
}
