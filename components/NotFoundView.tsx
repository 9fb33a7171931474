import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { answerStatus } from "@/lib/http/edge.mjs";

/**
 * Rendered by pages themselves instead of calling notFound(): since Next 16.3
 * notFound() sends an empty HTML shell and draws the page with JavaScript,
 * which leaves a parent without JavaScript on a blank page. The answer is
 * still a 404 (answerStatus), and the page's title comes from notFoundMetadata.
 */
export function NotFoundView() {
  answerStatus(404);
  return <NotFoundText />;
}

/**
 * The words alone, for app/[locale]/not-found.tsx: Next renders that file's
 * element along with every page of the language (to have it ready), so it
 * must not set the status of a page that is there.
 */
export function NotFoundText() {
  const t = useTranslations("notFound");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <p className="mt-4">
        <Link href="/">{t("home")}</Link>
      </p>
    </>
  );
}

/** The title of a page that is not there, in the page's language. */
export async function notFoundMetadata(locale: string) {
  const t = await getTranslations({ locale, namespace: "notFound" });
  return { title: t("title"), robots: { index: false } };
}
