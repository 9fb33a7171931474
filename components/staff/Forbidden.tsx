import { getTranslations } from "next-intl/server";

/** A staff page the signed-in person's role does not open: said plainly, with what to do. */
export async function Forbidden() {
  const t = await getTranslations("staff.forbidden");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
    </>
  );
}
