import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

/**
 * Rendered by pages themselves instead of calling notFound(): since Next 16.3
 * notFound() sends an empty HTML shell and draws the page with JavaScript,
 * which leaves a parent without JavaScript on a blank page.
 */
export function NotFoundView() {
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
