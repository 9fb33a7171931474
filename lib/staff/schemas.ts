import { z } from "zod";
import { staffRoles } from "@/db/schema";
import { locales } from "@/lib/i18n/locales";
import { freeText } from "@/lib/text/free-text";

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
