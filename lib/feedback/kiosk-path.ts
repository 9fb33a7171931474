// No imports: the root layout and the staff area read it from the request path header (proxy.ts).

/**
 * The feedback kiosk's page (app/[locale]/host/sessions/[id]/kiosk): the
 * layouts leave out everything but the page there (site header, footer,
 * staff bar), so a parent holding the tablet sees and reaches the form only.
 */
export function isKioskPath(path: string | null | undefined): boolean {
  return !!path && /^\/(fi|sv|en)\/host\/sessions\/\d{1,10}\/kiosk\/?$/.test(path);
}
