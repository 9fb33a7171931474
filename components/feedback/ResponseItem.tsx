import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import type { responses } from "@/lib/feedback/reads";

const FACES = ["😞", "🙁", "🙂", "😀"];

/** One anonymous answer: the face, the three questions, the comment, and which session it was about. */
export async function ResponseItem({ r, children }: { r: ReturnType<typeof responses>[number]; children?: ReactNode }) {
  const t = await getTranslations("feedback");
  const locale = (await getLocale()) as Locale;
  const format = formatterFor(locale);
  return (
    <li className="rounded-lg bg-white p-4 shadow-sm">
      <p className="text-sm text-stone-700">
        {r.session.title[locale]}, {format.dateTime(r.session.startsAt, { dateStyle: "medium" })}, {r.place}
      </p>
      <p className="mt-1 font-semibold">
        {r.rating ? (
          <>
            <span aria-hidden="true">{FACES[r.rating - 1]} </span>
            {t("host.rating", { rating: r.rating })}
          </>
        ) : (
          t("host.noRating")
        )}
      </p>
      <ul className="mt-1 text-sm">
        {(["gotInformation", "lessAlone", "wouldReturn"] as const).map((q) =>
          r[q] ? (
            <li key={q}>
              {t(`form.${q}`)}: <strong>{t(`form.${r[q]}`)}</strong>
            </li>
          ) : null,
        )}
      </ul>
      {r.comment && <blockquote className="mt-2 border-l-4 border-stone-300 pl-3 whitespace-pre-line">{r.comment}</blockquote>}
      {children}
    </li>
  );
}
