"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { clientAddress } from "@/lib/http/client-address";
import { localeOr } from "@/lib/i18n/locales";
import { allowBookingAttempt } from "@/lib/http/rate-limit";
import { bookingFormSchema, type BookingFormField, type BookingFormValues } from "./schemas";
import { cancelBooking, createBooking, visitorCodeForBooking } from "./writes";

export type BookingFormState = {
  /** Keys under "errors" in the messages, per field. */
  errors?: Partial<Record<BookingFormField, string>>;
  /** A key under "errors" for the form as a whole. */
  formError?: string;
  maxPartySize?: number;
  values: BookingFormValues;
};

const FIELDS: BookingFormField[] = [
  "sessionId",
  "nickname",
  "partySize",
  "email",
  "interpreterLanguage",
  "accessibilityNeeds",
  "childcare",
  "visitorCode",
  "consent",
];

export async function bookSeat(_prev: BookingFormState, formData: FormData): Promise<BookingFormState> {
  const values: BookingFormValues = {};
  for (const field of FIELDS) {
    const v = formData.get(field);
    if (typeof v === "string") values[field] = v;
  }
  const locale = localeOr(formData.get("locale"));

  if (!(await allowBookingAttempt(await clientAddress()))) {
    return { formError: "rateLimited", values };
  }

  const parsed = bookingFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors: BookingFormState["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as BookingFormField;
      errors[field] ??= issue.message;
    }
    // A broken session id is not something the parent typed: say it for the whole form.
    if (errors.sessionId) return { formError: "unknownSession", values };
    return { errors, values };
  }

  const result = createBooking(getDb(), { ...parsed.data, locale });
  if (!result.ok) {
    if (result.error === "visitorCodeShape") return { errors: { visitorCode: "visitorCodeShape" }, values };
    if (result.error === "partySizeTooLarge" || result.error === "partyLargerThanSession") {
      return { errors: { partySize: result.error }, maxPartySize: result.maxPartySize, values };
    }
    return { formError: result.error, values };
  }
  redirect(`/${locale}/manage/${result.token}?new=1`);
}

export async function cancelBookingAction(formData: FormData): Promise<void> {
  const locale = localeOr(formData.get("locale"));
  const token = String(formData.get("token") ?? "");
  const result = cancelBooking(getDb(), token);
  // An unknown or expired token lands on the manage page, which explains it.
  redirect(`/${locale}/manage/${encodeURIComponent(token)}${result.ok ? "?cancelled=1" : ""}`);
}

export async function visitorCodeAction(formData: FormData): Promise<void> {
  const locale = localeOr(formData.get("locale"));
  const token = String(formData.get("token") ?? "");
  visitorCodeForBooking(getDb(), token);
  redirect(`/${locale}/manage/${encodeURIComponent(token)}#visitor-code`);
}
