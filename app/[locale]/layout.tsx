import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/ClientMessages";
import { Link } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { SiteHeader } from "@/components/SiteHeader";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { isKioskPath } from "@/lib/feedback/kiosk-path";
import { headers } from "next/headers";
import "../globals.css";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#174b42" };

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: { default: t("title"), template: `${t("title")} – %s` }, description: t("description") };
}

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

// The messages the parents' client components use (the booking form, the error page).
const CLIENT_NAMESPACES = ["booking", "errors", "error", "referral"];

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  // Every page renders per request: its scripts must carry this response's CSP nonce (proxy.ts).
  await connection();
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("common");
  // The feedback kiosk on a tablet handed to a parent: the page alone, no header or footer with links out.
  const kiosk = isKioskPath((await headers()).get(REQUEST_PATH_HEADER));
  const tf = await getTranslations("siteFooter");

  return (
    <html lang={locale}>
      <body className="min-h-dvh flex flex-col">
        {!kiosk && (
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2"
          >
            {t("skipToContent")}
          </a>
        )}
        <ClientMessages namespaces={CLIENT_NAMESPACES}>
          {!kiosk && <SiteHeader />}
          <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
            {children}
          </main>
          {/* Inside the provider: its links need the locale from it. */}
          {!kiosk && (
            <footer className="border-t border-stone-200 px-4 py-6 text-center text-sm text-stone-700">
              <p>{t("footer")}</p>
              <p className="mt-2">
                <Link href="/you-said-we-did">{t("youSaidWeDid")}</Link> · <Link href="/privacy">{t("privacy")}</Link> ·{" "}
                <Link href="/accessibility">{tf("accessibility")}</Link> ·{" "}
                <Link href="/manage">{t("lostLink")}</Link> ·{" "}
                {/* Not prefetched: staff pages answer no-store, and a no-store fetch keeps every public page
                    out of the back/forward cache. */}
                <Link href="/staff/sign-in" prefetch={false}>
                  {t("staff")}
                </Link>
              </p>
            </footer>
          )}
        </ClientMessages>
      </body>
    </html>
  );
}
