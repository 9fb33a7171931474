import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { signOutAction } from "@/lib/auth/actions";
import { isPlanner, type Actor } from "@/lib/auth/staff";
import { SignOutForm } from "./SignOutForm";

/** Who is signed in, the staff areas they may open, and sign-out: at the top of every staff page. */
export async function StaffBar({ actor, locale }: { actor: Actor; locale: string }) {
  const t = await getTranslations("staff.nav");
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-stone-200 px-3 py-2 text-sm">
      <Link href="/host">{t("host")}</Link>
      <Link href={isPlanner(actor) ? "/plan/feedback" : "/host/feedback"}>{t("feedback")}</Link>
      {isPlanner(actor) && <Link href="/plan">{t("plan")}</Link>}
      <span className="ml-auto text-stone-800">{t("signedInAs", { name: actor.name ?? actor.email })}</span>
      <SignOutForm action={signOutAction} locale={locale} label={t("signOut")} unsentWarning={t("unsentWarning")} anywayLabel={t("signOutAnyway")} />
    </nav>
  );
}
