import { z } from "zod";
import { answers, concernStatuses, sessionKinds, type HandoverConsent } from "@/db/schema";
import { helsinkiDayStart } from "@/lib/i18n/time";
import { freeText } from "@/lib/text/free-text";
import type { FeedbackFilter } from "./reads";

const answer = z
  .enum(answers)
  .optional()
  .transform((v) => v ?? null);
const text = (max: number, multiline = false) =>
  freeText({ multiline })
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
    comment: text(1000, true),
    concern: z.literal("on").optional().transform((v) => v === "on"),
    concernText: text(2000, true),
    contact: text(200),
    /** The parent allows the concern to be handed over to the county's client-safety team (lib/feedback/handover.ts). */
    handover: z.literal("on").optional().transform((v) => v === "on"),
    /** …and with their contact details: meaningful only when they gave one. */
    handoverContact: z.literal("on").optional().transform((v) => v === "on"),
    /** Optional: a parent who gives their visitor code is not asked again for a while (lib/feedback/quiet.ts). */
    visitorCode: text(20),
    /** The concern channel alone, offered to a parent who answered recently: no answer is stored. */
    concernOnly: z.literal("1").optional().transform((v) => v === "1"),
  })
  .superRefine((f, ctx) => {
    // A concern is kept whenever it has text. Ticked without text, or contact details
    // without a concern, is asked about rather than silently dropped.
    if (!f.concernText && (f.concern || f.contact))
      ctx.addIssue({ code: "custom", path: ["concernText"], message: f.concern ? "concernEmpty" : "contactWithoutConcern" });
    const answered = f.rating !== null || f.gotInformation || f.lessAlone || f.wouldReturn || f.comment || f.concernText;
    if (!answered) ctx.addIssue({ code: "custom", path: ["form"], message: "nothingAnswered" });
  });

export type FeedbackForm = z.output<typeof feedbackFormSchema>;

/**
 * What the two boxes allow, as stored on the concern. "With my contact
 * details" implies the hand-over itself; without a contact given it can only
 * be anonymous.
 */
export function handoverConsentOf(f: Pick<FeedbackForm, "handover" | "handoverContact" | "contact">): HandoverConsent | null {
  if (f.handoverContact && f.contact) return "with_contact";
  return f.handover || f.handoverContact ? "anonymous" : null;
}
export type FeedbackField = "rating" | "gotInformation" | "lessAlone" | "wouldReturn" | "comment" | "concern" | "concernText" | "contact" | "visitorCode";

/** What a planner did about a concern. Messages are keys under "feedback.errors" / "plan.errors". */
export const concernActionSchema = z.object({
  concernId: z.coerce.number().int().positive(),
  note: freeText({ multiline: true }).min(1, { message: "noteRequired" }).max(2000, { message: "tooLong" }),
  status: z.enum(concernStatuses),
});

/** Taking a concern, or giving it to someone: which concern, and for giving, to whom. */
export const takeConcernSchema = z.object({ concernId: z.coerce.number().int().positive() });
export const assignConcernSchema = z.object({ concernId: z.coerce.number().int().positive(), ownerId: z.string().min(1).max(64) });

const publishText = freeText({ multiline: true, message: "required" }).min(1, { message: "required" }).max(1000, { message: "tooLong" });

/** "You said, we did", in each language. */
export const publishFormSchema = z.object({
  said_fi: publishText,
  said_sv: publishText,
  said_en: publishText,
  did_fi: publishText,
  did_sv: publishText,
  did_en: publishText,
});

const inboxQuery = z.object({
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  place: z.string().optional().catch(undefined),
  kind: z.enum(sessionKinds).optional().catch(undefined),
});

/** The feedback inbox's filters from its URL, like the reach dashboard's: anything unknown is no filter. */
export function parseFeedbackFilter(params: Record<string, string | string[] | undefined>, placeSlugs: string[]): FeedbackFilter {
  const q = inboxQuery.parse(params);
  return {
    from: helsinkiDayStart(q.from),
    to: helsinkiDayStart(q.to, 1),
    placeSlug: q.place !== undefined && placeSlugs.includes(q.place) ? q.place : undefined,
    kind: q.kind,
  };
}
