import { z } from "zod";
import { parseDay } from "@/lib/i18n/time";

const day = z.string().refine((v) => parseDay(v) !== null);

/** The period and person of an hours view, from the URL; anything malformed falls back to the default. */
export const hoursQuerySchema = z.object({
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  person: z.string().uuid().optional().catch(undefined),
});

/**
 * Hours as a planner types them: "2", "2.5", "2,5" or "2:30". Up to 24 hours;
 * kept as minutes.
 */
export const hoursInput = z
  .string({ message: "hoursInvalid" })
  .trim()
  .transform((v, ctx) => {
    const clock = /^(\d{1,2}):(\d{2})$/.exec(v);
    const decimal = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(v);
    const minutes = clock
      ? Number(clock[1]) * 60 + Number(clock[2])
      : decimal
        ? Math.round((Number(decimal[1]) + Number(`0.${decimal[2] ?? "0"}`)) * 60)
        : NaN;
    if (!Number.isFinite(minutes) || minutes < 0 || minutes > 24 * 60 || (clock && Number(clock[2]) > 59)) {
      ctx.addIssue({ code: "custom", message: "hoursInvalid" });
      return 0;
    }
    return minutes;
  });

export const adjustHoursSchema = z.object({
  sessionId: z.coerce.number().int().positive(),
  userId: z.string().uuid(),
  hours: hoursInput,
});
export type AdjustHoursInput = z.output<typeof adjustHoursSchema>;
