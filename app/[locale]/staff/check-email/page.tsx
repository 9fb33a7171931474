import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export const metadata = { robots: { index: false } };

export default async function CheckEmailPage({ params }: PageProps<"/[locale]/staff/check-email">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("staff.checkEmail");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <p className="mt-4">
        <Link href="/staff/sign-in">{t("again")}</Link>
      </p>
    </>
  );
}
