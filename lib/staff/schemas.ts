import { z } from "zod";
import { staffRoles } from "@/db/schema";
import { locales } from "@/lib/i18n/locales";
import { freeText } from "@/lib/text/free-text";
import { config } from "@/lib/config";
import { checkMobile } from "@/lib/sms/phone";

// Messages are keys under "plan.errors".
export const inviteFormSchema = z
  .object({
    email: z
      .string({ message: "required" })
      .trim()
      .min(1, { message: "required" })
      .max(254, { message: "tooLong" })
      .pipe(z.email({ message: "emailInvalid" }))
      .transform((v) => v.toLowerCase()),
    name: freeText({ message: "required" })
      .min(1, { message: "required" })
      .max(80, { message: "tooLong" }),
    role: z.enum(staffRoles, { message: "roleRequired" }),
    /** The staff member's own language, for their sign-in e-mails (the page's locale is another field). */
    language: z.enum(locales, { message: "languageRequired" }),
  })
  .transform(({ language, ...rest }) => ({ ...rest, locale: language }));

export type InviteInput = z.output<typeof inviteFormSchema>;
export type InviteField = keyof z.input<typeof inviteFormSchema>;

export const roleFormSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(staffRoles),
});

export const userIdSchema = z.object({ userId: z.string().min(1) });

/**
 * A planner's notice settings: an optional mobile number for the neutral
 * concern text message (validated like the parents' numbers, stored in
 * E.164), and the places whose concerns they are told of.
 */
export const noticeFormSchema = z.object({
  userId: z.string().min(1),
  phone: z
    .string()
    .trim()
    .max(40, { message: "phoneInvalid" })
    .transform((v, ctx) => {
      if (!v) return null;
      // Staff numbers follow the parents' rule: texts go only to SMS_COUNTRIES.
      const checked = checkMobile(v, config().SMS_COUNTRIES);
      if (!checked.ok) ctx.addIssue({ code: "custom", message: "phoneInvalid" });
      return checked.ok ? checked.number : null;
    }),
  places: z.array(z.coerce.number().int().positive()).max(500).default([]),
});
export type NoticeInput = z.output<typeof noticeFormSchema>;
