import type { Locale } from "./locales";

type Swedish = { nameSv?: string | null; streetAddressSv?: string | null; citySv?: string | null };

/**
 * A place as a reader of `locale` names it: in Swedish its Swedish name and address where it
 * has one (Dickursby, Stationsvägen 10 B, Vanda), otherwise and in Finnish and English its own.
 */
export function placeIn<P extends { name: string; city: string; streetAddress?: string } & Swedish>(place: P, locale: Locale): P {
  if (locale !== "sv") return place;
  return {
    ...place,
    name: place.nameSv || place.name,
    city: place.citySv || place.city,
    ...(place.streetAddress === undefined ? {} : { streetAddress: place.streetAddressSv || place.streetAddress }),
  };
}

/** "Stationsvägen 10 B, 01300 Vanda": the one-line address. */
export function addressLine(place: { streetAddress: string; postalCode: string; city: string }): string {
  return `${place.streetAddress}, ${place.postalCode} ${place.city}`;
}
