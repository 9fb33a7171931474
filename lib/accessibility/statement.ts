/**
 * The accessibility statement's facts (Act on the Provision of Digital
 * Services 306/2019, s. 15), in one place: the page at /{locale}/accessibility
 * says these and nothing else, and statement.test.ts keeps them in step with
 * what the end-to-end tests check (the axe tags in e2e/fixtures.ts).
 *
 * Review at least once a year: change `reviewed` after checking every claim
 * below against the app, and the test that the review is under a year old
 * passes again.
 */

/** The standard the service is built to, and how far it meets it. "partial": known exceptions below, and no outside audit. */
export const conformance = { wcag: "2.1", level: "AA", status: "partial" } as const;

/** The axe-core rule sets every public page is checked with in e2e (e2e/fixtures.ts expectAxeClean). */
export const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] as const;

/**
 * WCAG 2.2 success criteria the service meets already, each checked by hand against the code:
 * - 2.4.11 Focus Not Obscured (Minimum): no parents' page has sticky or fixed content (the skip link
 *   is positioned only while focused); the door's sticky totals are listed as an exception.
 * - 2.5.7 Dragging Movements: nothing in the app is dragged.
 * - 3.3.7 Redundant Entry: every parents' form is one step and asks nothing twice.
 * - 3.3.8 Accessible Authentication (Minimum): parents never sign in; staff sign in with an e-mail
 *   link, with no password to remember or puzzle to solve.
 * Not claimed: 2.5.8 Target Size (Minimum) (some check boxes are 20 px, with their labels as the
 * larger target, not yet measured everywhere) and 3.2.6 Consistent Help (help is on the pages that need it, not in one place on all).
 */
export const wcag22Met = ["2.4.11", "2.5.7", "3.3.7", "3.3.8"] as const;

/** Known exceptions, as message keys under a11yStatement.exceptions (fi, sv, en). */
export const exceptions = ["staffForbidden", "door", "doorSticky", "manualTesting"] as const;

/** How it was assessed, as message keys under a11yStatement.methods. */
export const methods = ["axe", "keyboard", "noScript"] as const;

/** When the statement was first made, last reviewed and assessed (ISO dates, Helsinki). */
export const dates = { prepared: "2026-12-08", reviewed: "2026-12-08", assessed: "2026-12-08" } as const;

/** The law asks for a yearly review: the date by which the next one is due. */
export function nextReview(reviewed: string = dates.reviewed): string {
  const d = new Date(`${reviewed}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** The days within which accessibility feedback is answered (306/2019 s. 16). */
export const feedbackAnswerDays = 14;

/** The supervisory authority: the Permit and Supervision Agency's accessibility supervision (from 2026). */
export const supervisor = {
  url: "https://www.saavutettavuusvaatimukset.fi",
  email: "saavutettavuus@lvv.fi",
} as const;
