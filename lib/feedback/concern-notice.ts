import "server-only";
import type { Writer } from "@/db/client";
import { publicUrl } from "@/lib/config";
import { translatorFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { queueMail, queueSms } from "@/lib/mail/outbox";
import type { NoticeRecipient } from "@/lib/staff/reads";

/**
 * The notice that a concern is waiting, in the planner's language. It says
 * nothing of the concern: no text, no place, no contact, not even the word
 * "concern" on a locked phone. Only a link to it, on APP_URL; the concern
 * itself is read after signing in, where the look is audited.
 */
export function renderConcernNotice(locale: Locale, concernId: number): { subject: string; text: string; sms: string } {
  const { t } = translatorFor(locale);
  const link = publicUrl(`/${locale}/plan/feedback/concerns/${concernId}`);
  return {
    subject: t("feedback.notice.subject"),
    text: [t("feedback.notice.body"), "", link, "", t("feedback.notice.why")].join("\n"),
    sms: t("feedback.notice.sms", { link }),
  };
}

/** Queues the notice to each recipient inside the caller's transaction: an e-mail, and a text message to those who gave a number. */
export function queueConcernNotice(tx: Writer, concernId: number, recipients: NoticeRecipient[], o: { now: Date; textMessages: boolean }): void {
  for (const r of recipients) {
    const notice = renderConcernNotice(r.locale, concernId);
    queueMail(tx, { kind: "concern_notice", recipient: r.email, notBefore: o.now, rendered: { subject: notice.subject, text: notice.text } });
    if (o.textMessages && r.phone) queueSms(tx, { kind: "concern_notice", recipient: r.phone, notBefore: o.now, text: notice.sms });
  }
}
