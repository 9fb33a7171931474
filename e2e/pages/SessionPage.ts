import { expect, type Page } from "@playwright/test";

/** The session page and its booking form, as a parent uses them. */
export class SessionPage {
  constructor(
    readonly page: Page,
    readonly locale: "fi" | "sv" | "en" = "en",
  ) {}

  async open(id: number) {
    await this.page.goto(`/${this.locale}/sessions/${id}`);
  }

  field(label: string | RegExp) {
    return this.page.getByLabel(label);
  }

  async book(o: { nickname?: string; people?: number; email?: string; phone?: string; submit?: string | RegExp } = {}) {
    if (o.nickname !== undefined) await this.page.getByLabel(/nickname|nimimerkki|smeknamn/i).fill(o.nickname);
    if (o.people !== undefined) await this.page.getByLabel(/how many|montako|hur många/i).selectOption(String(o.people));
    if (o.email !== undefined) await this.page.getByRole("textbox", { name: /E-mail|Sähköposti|E-post/ }).fill(o.email);
    if (o.phone !== undefined) await this.page.getByRole("textbox", { name: /Mobile number|Matkapuhelinnumero|Mobilnummer/ }).fill(o.phone);
    await this.page.getByRole("button", { name: o.submit ?? /^(Book|Join the waiting list|Varaa|Ilmoittaudu jonoon|Boka|Ställ dig i kö)$/ }).click();
  }

  /** After a successful booking: the manage page with its private link. */
  async manageLink(): Promise<string> {
    await expect(this.page).toHaveURL(/\/manage\/[A-Za-z0-9_-]{43}\?new=1$/);
    return (await this.page.getByTestId("manage-link").inputValue()).trim();
  }
}
