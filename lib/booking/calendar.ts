import { createEvents, type EventAttributes } from "ics";
import { addressLine, placeIn } from "@/lib/i18n/place-names";
import { translatorFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";

type CalendarInput = {
  code: string;
  locale: Locale;
  place: { name: string; streetAddress: string; postalCode: string; city: string; nameSv?: string | null; streetAddressSv?: string | null; citySv?: string | null };
  meetings: { id: number; startsAt: Date; endsAt: Date; status: string }[];
};

/**
 * An .ics file with one event per meeting (for a cancelled booking, the same
 * events cancelled: the UIDs are the confirmation's). The title names only Kohtaamo and
 * the place, and it holds no manage link, so a calendar glimpsed or shared
 * says nothing more and lets nobody else cancel.
 */
export function bookingCalendar(input: CalendarInput, o: { cancel?: boolean } = {}): string {
  const { t } = translatorFor(input.locale);
  // The place as the parent's own e-mails and texts name it (Swedish names in Swedish).
  const place = placeIn(input.place, input.locale);
  // A cancelled meeting stays in the file as CANCELLED under the same UID, so a calendar that
  // imported it before marks it cancelled instead of keeping a meeting that will not happen.
  const events: EventAttributes[] = input.meetings.map((m) => ({
    uid: `kohtaamo-${input.code}-${m.id}@kohtaamo`,
    start: m.startsAt.getTime(),
    end: m.endsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    endInputType: "utc",
    endOutputType: "utc",
    // "Kohtaamo Tikkurila" says Kohtaamo already: "Kohtaamo: Kohtaamo Tikkurila" would say it twice.
    title: /^kohtaamo\b/i.test(place.name) ? place.name : t("calendar.title", { place: place.name }),
    location: `${place.name}, ${addressLine(place)}`,
    description: t("calendar.description", { code: input.code }),
    productId: "kohtaamo",
    // A parent's cancellation takes every event out (METHOD:CANCEL, a higher SEQUENCE than any sent before).
    status: o.cancel || m.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    sequence: (m.status === "cancelled" ? 1 : 0) + (o.cancel ? 1 : 0),
  }));
  const { error, value } = o.cancel ? createEvents(events, { method: "CANCEL", productId: "kohtaamo" }) : createEvents(events);
  if (error || !value) throw error ?? new Error("calendar could not be created");
  return value;
}
