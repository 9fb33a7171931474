import { z } from "zod";
import { answers } from "@/db/schema";

const answer = z
  .enum(answers)
  .optional()
  .transform((v) => v ?? null);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .optional()
    .transform((v) => (v ? v : null));

// Error messages are keys under "feedback.errors".
export const feedbackFormSchema = z
  .object({
    rating: z.coerce
      .number()
      .int()
      .min(1)
      .max(4)
      .optional()
      .catch(undefined)
      .transform((v) => v ?? null),
    gotInformation: answer,
    lessAlone: answer,
    wouldReturn: answer,
    comment: text(1000),
    concern: z.literal("on").optional().transform((v) => v === "on"),
    concernText: text(2000),
    contact: text(200),
  })
  .superRefine((f, ctx) => {
    if (f.concern && !f.concernText) ctx.addIssue({ code: "custom", path: ["concernText"], message: "concernEmpty" });
    const answered = f.rating !== null || f.gotInformation || f.lessAlone || f.wouldReturn || f.comment || f.concernText;
    if (!answered) ctx.addIssue({ code: "custom", path: ["form"], message: "nothingAnswered" });
  });

export type FeedbackForm = z.output<typeof feedbackFormSchema>;
export type FeedbackField = "rating" | "gotInformation" | "lessAlone" | "wouldReturn" | "comment" | "concern" | "concernText" | "contact";
