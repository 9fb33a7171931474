import { z } from "zod";
import { freeText } from "@/lib/text/free-text";

// Messages are keys under "plan.errors".
const required = (max: number) =>
  freeText({ message: "required" })
    .min(1, { message: "required" })
    .max(max, { message: "tooLong" });
const optional = (max: number) =>
  freeText()
    .max(max, { message: "tooLong" })
    .optional()
    .transform((v) => v || null);
const phone = freeText()
  .max(40, { message: "tooLong" })
  .regex(/^[+\d\s()-]*$/, { message: "phoneInvalid" })
  .optional()
  .transform((v) => v || null);
const email = freeText()
  .max(254, { message: "tooLong" })
  .pipe(z.union([z.literal(""), z.email({ message: "emailInvalid" })]))
  .optional()
  .transform((v) => (v ? v.toLowerCase() : null));
const web = freeText()
  .max(300, { message: "tooLong" })
  .pipe(z.union([z.literal(""), z.url({ protocol: /^https?$/, message: "urlInvalid" })]))
  .optional()
  .transform((v) => v || null);

/** A county's fields as a planner types them (/plan/counties, and the first-run page's new county). */
export const countyFields = {
  nameFi: required(120),
  nameSv: required(120),
  nameEn: required(120),
  ombudsmanName: optional(160),
  ombudsmanPhone: phone,
  ombudsmanEmail: email,
  ombudsmanUrl: web,
  emergencyPhone: phone,
  clientSafetyName: optional(160),
  clientSafetyEmail: email,
};

const toInput = ({ nameFi, nameSv, nameEn, ...rest }: z.output<z.ZodObject<typeof countyFields>>) => ({
  name: { fi: nameFi, sv: nameSv, en: nameEn },
  ...rest,
});

export const countyFormSchema = z.object(countyFields).transform(toInput);

/**
 * The first-run page's county: its names and both numbers a parent is shown
 * (the emergency social services and the ombudsman's phone), so a new
 * service's first concern already has somewhere to turn.
 */
export const firstCountyFormSchema = z
  .object({
    ...countyFields,
    emergencyPhone: countyFields.emergencyPhone.refine((v) => v !== null, { message: "required" }),
    ombudsmanPhone: countyFields.ombudsmanPhone.refine((v) => v !== null, { message: "required" }),
  })
  .transform(toInput);

export type CountyInput = z.output<typeof countyFormSchema>;
