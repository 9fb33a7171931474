import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

/** What a parent sees for a mistyped, forged or expired manage link: what happened and what to do. */
export async function BadLinkNotice({ reason }: { reason: "invalid" | "expired" }) {
  const t = await getTranslations("manage");
  return (
    <>
      <h1 className="text-2xl font-bold">{reason === "expired" ? t("expiredTitle") : t("invalidTitle")}</h1>
      <p className="mt-3">{reason === "expired" ? t("expiredBody") : t("invalidBody")}</p>
      <p className="mt-4">
        <Link href="/">{t("toSessions")}</Link>
      </p>
    </>
  );
}
