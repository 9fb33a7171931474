import { z } from "zod";
import { freeText } from "@/lib/text/free-text";

// Messages are keys under "develop.errors".
export const offerFormSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, { message: "tooLong" })
    .pipe(z.email({ message: "emailInvalid" }))
    .transform((v) => v.toLowerCase()),
  languages: z.array(z.enum(["fi", "sv", "en"])).catch([]),
  otherLanguages: freeText()
    .max(100, { message: "tooLong" })
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  consent: z.literal("on", { message: "consentRequired" }),
});
export type OfferForm = z.output<typeof offerFormSchema>;
export type OfferField = "email" | "languages" | "otherLanguages" | "consent";

export const inviteFormSchema = z.object({
  sessionId: z.coerce.number().int().positive({ message: "sessionRequired" }),
  clients: z.array(z.coerce.number().int().positive()).min(1, { message: "nobodyChosen" }),
});
