import type { MetadataRoute } from "next";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { routing } from "@/i18n/routing";

/**
 * The door as an installable app, one per language: it opens on the staff
 * member's session list and stays within the staff area, so a parent's page
 * never opens inside it. Linked from the host layout only, so parents' pages
 * offer no "install".
 */
export async function GET(_req: Request, ctx: RouteContext<"/[locale]/host/manifest.webmanifest">) {
  const { locale } = await ctx.params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const t = await getTranslations({ locale, namespace: "host.app" });
  const manifest: MetadataRoute.Manifest = {
    id: `/${locale}/host`,
    name: t("name"),
    short_name: t("shortName"),
    description: t("description"),
    lang: locale,
    start_url: `/${locale}/host`,
    scope: `/${locale}/host`,
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#174b42",
    icons: [
      { src: "/door-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/door-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
  return Response.json(manifest, { headers: { "Content-Type": "application/manifest+json", "Cache-Control": "public, max-age=3600" } });
}
