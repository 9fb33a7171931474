import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/components/staff/SignInForm";
import { staffReturnPath } from "@/lib/auth/links";
import { Notice } from "@/components/ui/Notice";
import { ClientMessages } from "@/components/ClientMessages";
import { ForgetDevice } from "@/components/staff/ForgetDevice";

export const metadata = { robots: { index: false } };

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/staff/sign-in">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("staff.signIn");
  return (
    <>
      <ForgetDevice signedOut={query.signedOut === "1"} />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {query.signedOut === "1" && (
        <div className="mt-4">
          <Notice tone="info" role="status">
            {t("signedOut")}
          </Notice>
        </div>
      )}
      {query.error && (
        <div className="mt-4">
          <Notice tone="warning" role="alert">
            {t("linkFailed")}
          </Notice>
        </div>
      )}
      <p className="mt-3">{t("intro")}</p>
      <ClientMessages namespaces={["staff", "errors"]}>
        <SignInForm locale={locale} next={typeof query.next === "string" ? staffReturnPath(query.next, locale) : undefined} />
      </ClientMessages>
    </>
  );
}
