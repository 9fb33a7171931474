import { z } from "zod";
import { freeText } from "@/lib/text/free-text";
import { referralChannels } from "@/db/vocabulary";
import { config } from "@/lib/config";
import { checkMobile } from "@/lib/sms/phone";

// Messages are keys under "errors" in messages/*.json, so the form shows them in the parent's language.
// A field left out of the request is treated like one left empty: a browser sends
// empty fields, but a script or an older form may not, and neither deserves an error.
const optionalText = (max: number, multiline = false) =>
  freeText({ multiline })
    .max(max, { message: "tooLong" })
    .optional()
    .transform((v) => (v ? v : null));

export const bookingFormSchema = z.object({
  sessionId: z.coerce.number({ message: "unknownSession" }).int({ message: "unknownSession" }).positive({ message: "unknownSession" }),
  nickname: optionalText(40),
  partySize: z.coerce
    .number({ message: "partySizeInvalid" })
    .int({ message: "partySizeInvalid" })
    .min(1, { message: "partySizeInvalid" }),
  email: z
    .string()
    .trim()
    .max(254, { message: "tooLong" })
    .pipe(z.union([z.literal(""), z.email({ message: "emailInvalid" })]))
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null)),
  /** A mobile number for text messages, instead of or besides e-mail: "040 123 4567" is read as Finnish, kept as +358401234567; only SMS_COUNTRIES. */
  phone: z
    .string()
    .trim()
    .max(30, { message: "phoneInvalid" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const checked = checkMobile(v, config().SMS_COUNTRIES);
      if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.reason });
      return checked.ok ? checked.number : null;
    }),
  interpreterLanguage: optionalText(40),
  accessibilityNeeds: optionalText(300, true),
  childcare: z.literal("on").optional().transform((v) => v === "on"),
  /** A visitor code from an earlier visit, so the parent is counted once; checked against the codes in writes. */
  visitorCode: optionalText(20),
  /** "How did you hear of Kohtaamo?": optional; anything but a known channel counts as not said. */
  heardFrom: z.enum(referralChannels).optional().catch(undefined).transform((v) => v ?? null),
});

export type BookingForm = z.output<typeof bookingFormSchema>;
export type BookingFormField = keyof z.input<typeof bookingFormSchema>;

/** The raw strings a parent typed, to put back into the form after an error. */
export type BookingFormValues = Partial<Record<BookingFormField, string>>;
