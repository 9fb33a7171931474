import { z } from "zod";
import { freeText } from "@/lib/text/free-text";

/** The organisation's details, as the admin types them on the first-run page. */
export const organisationFormSchema = z.object({
  name: freeText().min(2, "required").max(120, "tooLong"),
  contact: freeText().min(3, "required").max(200, "tooLong"),
});
export type OrganisationInput = z.infer<typeof organisationFormSchema>;
