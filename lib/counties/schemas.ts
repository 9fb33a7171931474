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

export const countyFormSchema = z.object(countyFields).transform(({ nameFi, nameSv, nameEn, ...rest }) => ({
  name: { fi: nameFi, sv: nameSv, en: nameEn },
  ...rest,
}));
export type CountyInput = z.output<typeof countyFormSchema>;
