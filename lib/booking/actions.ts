"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { clientAddress } from "@/lib/http/client-address";
import { fieldErrors, localeOf, readValues } from "@/lib/forms";
import { allowBookingAttempt, holdSeats, releaseSeats } from "@/lib/http/rate-limit";
import { bookableKey, findBookable, placePhoneOfSession } from "./bookable";
import { bookingFormSchema, type BookingFormField, type BookingFormValues } from "./schemas";
import { cancelBooking, createBooking, visitorCodeForBooking } from "./writes";
import { eraseMyDetails } from "./my-details";
import { config } from "@/lib/config";
import { textMessagesOn } from "@/lib/sms/provider";
import { allowAttempt } from "@/lib/http/rate-limit";
import { atLeast } from "@/lib/auth/sign-in";
import { lostLinkSchema, sendManageLinks } from "./recovery";

export type BookingFormState = {
  /** Keys under "errors" in the messages, per field. */
  errors?: Partial<Record<BookingFormField, string>>;
  /** A key under "errors" for the form as a whole. */
  formError?: string;
  /** The values a form-wide message names: the meeting place's phone ("none" without one), the limit's minutes and seats. */
  formErrorValues?: { phone: string; minutes: number; max: number };
  maxPartySize?: number;
  values: BookingFormValues;
};

export async function bookSeat(_prev: BookingFormState, formData: FormData): Promise<BookingFormState> {
  const values: BookingFormValues = readValues(formData);
  const locale = localeOf(formData);

  const address = await clientAddress();
  // A limit speaks of people: what the parent can do now, with the number to call instead.
  const limitValues = () => ({
    phone: placePhoneOfSession(getDb(), Number(values.sessionId)) ?? "none",
    minutes: Math.ceil(config().BOOKING_RATE_WINDOW_SECONDS / 60),
    max: config().BOOKING_SEATS_PER_CLIENT,
  });
  if (!(await allowBookingAttempt(address))) {
    return { formError: "rateLimited", formErrorValues: limitValues(), values };
  }

  const parsed = bookingFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    // A broken session id is not something the parent typed: say it for the whole form.
    if (errors.sessionId) return { formError: "unknownSession", values };
    return { errors, values };
  }

  const db = getDb();
  const bookable = findBookable(db, parsed.data.sessionId);
  const giveBack = bookable ? await holdSeats(address, bookableKey(bookable.target), parsed.data.partySize) : null;
  if (giveBack === false) return { formError: "seatCap", formErrorValues: limitValues(), values };

  // Without an SMS provider the form has no phone field: a number posted anyway would wait for messages that never go.
  const phone = textMessagesOn(config()) ? parsed.data.phone : null;
  const result = createBooking(db, { ...parsed.data, phone, locale });
  if (!result.ok) {
    await giveBack?.();
    if (result.error === "visitorCodeShape") return { errors: { visitorCode: "visitorCodeShape" }, values };
    if (result.error === "partySizeTooLarge" || result.error === "partyLargerThanSession") {
      return { errors: { partySize: result.error }, maxPartySize: result.maxPartySize, values };
    }
    return { formError: result.error, values };
  }
  redirect(`/${locale}/manage/${result.token}?new=1`);
}

export async function cancelBookingAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const token = String(formData.get("token") ?? "");
  const result = cancelBooking(getDb(), token);
  if (result.ok && result.freed) await releaseSeats(await clientAddress(), result.freed.bookable, result.freed.seats);
  // An unknown or expired token lands on the manage page, which explains it.
  redirect(`/${locale}/manage/${encodeURIComponent(token)}${result.ok ? "?cancelled=1" : ""}`);
}

export async function visitorCodeAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const token = String(formData.get("token") ?? "");
  visitorCodeForBooking(getDb(), token);
  redirect(`/${locale}/manage/${encodeURIComponent(token)}#visitor-code`);
}

/** "Delete my details now" on the manage page: a plain form, so it works without JavaScript. */
export async function eraseMyDetailsAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const token = String(formData.get("token") ?? "");
  const result = eraseMyDetails(getDb(), token, new Date(), config().MANAGE_LINK_DAYS);
  redirect(`/${locale}/manage/${encodeURIComponent(token)}${result.ok ? "?erased=1" : ""}`);
}

export type LostLinkState = { error?: "lostInvalid"; formError?: "lostRateLimited"; values: { address?: string } };

/** The same wait whatever was found: the answer's timing tells no more than its words. */
const LOST_LINK_ANSWER_MS = 1000;

/**
 * "Lost your booking link?": validated, limited per client, then the same
 * answer (a redirect to the same page) whether or not the address has
 * bookings. Nothing of the request is logged or stored.
 */
export async function lostLinkAction(_prev: LostLinkState, formData: FormData): Promise<LostLinkState> {
  const locale = localeOf(formData);
  const typed = String(formData.get("address") ?? "");
  const values = { address: typed };
  if (!(await allowAttempt("lostLink", await clientAddress()))) return { formError: "lostRateLimited", values };
  const parsed = lostLinkSchema.safeParse({ address: typed });
  if (!parsed.success) return { error: "lostInvalid", values };
  const to = parsed.data.address;
  await atLeast(LOST_LINK_ANSWER_MS, async () => {
    // A number cannot be texted without an SMS provider: nothing goes, and the answer is the same.
    if (to.phone !== undefined && !textMessagesOn(config())) return;
    sendManageLinks(getDb(), to, locale);
  });
  redirect(`/${locale}/manage?sent=1`);
}
