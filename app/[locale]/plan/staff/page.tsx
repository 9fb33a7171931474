import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { staffRoles } from "@/db/schema";
import { requirePlanner } from "@/lib/auth/guard";
import { changeRoleAction, deactivateStaffAction } from "@/lib/staff/actions";
import { listStaff, responsibilities } from "@/lib/staff/reads";
import { listPlaces } from "@/lib/schedule/reads";
import { NoticeSettingsForm } from "@/components/plan/NoticeSettingsForm";
import { ClientMessages } from "@/components/ClientMessages";
import { PlanNav } from "@/components/plan/PlanNav";
import { PageNotice } from "@/components/plan/PageNotice";
import { InviteForm } from "@/components/plan/InviteForm";

export const metadata = { robots: { index: false } };

const buttonClass = "rounded border border-stone-500 bg-white px-3 py-1.5 font-medium hover:bg-stone-100";

export default async function StaffPage({ params, searchParams }: PageProps<"/[locale]/plan/staff">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  const query = await searchParams;
  const t = await getTranslations("plan.staff");
  const tr = await getTranslations("staff.roles");
  const te = await getTranslations("plan.errors");
  const db = getDb();
  const staff = listStaff(db);
  const places = listPlaces(db).map((p) => ({ id: p.id, name: p.name }));
  const responsible = responsibilities(db);
  // Offered by what the actor may do; the server checks the same rule again.
  const roles = actor.role === "admin" ? [...staffRoles] : staffRoles.filter((r) => r !== "admin");

  const error = typeof query.error === "string" && te.has(query.error) ? te(query.error) : null;
  const success =
    typeof query.invited === "string"
      ? t("invitedNow", { email: query.invited })
      : query.done === "role"
        ? t("roleChanged")
        : query.done === "deactivated"
          ? t("deactivatedNow")
          : query.done === "notice"
            ? t("noticeSaved")
            : null;

  return (
    <>
      <PlanNav current="staff" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <PageNotice success={success} error={error} />

      <ul className="mt-4 space-y-3">
        {staff.map((s) => {
          const self = s.id === actor.id;
          const locked = self || s.deactivatedAt !== null || (s.role === "admin" && actor.role !== "admin");
          const label = s.name ?? s.email ?? "";
          return (
            <li key={s.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <h2 className="font-semibold">
                {label}
                {self && <span className="ml-2 text-sm font-normal">({t("you")})</span>}
              </h2>
              <p className="text-sm">
                {s.email} · {tr(s.role)}
                {s.deactivatedAt && <strong className="ml-2 text-red-800">{t("deactivated")}</strong>}
              </p>
              {!locked && (
                <div className="mt-2 flex flex-wrap items-end gap-3">
                  <form action={changeRoleAction} className="flex items-end gap-2">
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="userId" value={s.id} />
                    <div>
                      <label htmlFor={`role-${s.id}`} className="block text-sm font-medium">
                        {t("roleOf", { name: label })}
                      </label>
                      <select id={`role-${s.id}`} name="role" defaultValue={s.role} className="mt-1 rounded border border-stone-500 bg-white p-1.5">
                        {roles.map((r) => (
                          <option key={r} value={r}>
                            {tr(r)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="submit" className={buttonClass}>
                      {t("changeRole")}
                    </button>
                  </form>
                  <form action={deactivateStaffAction}>
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="userId" value={s.id} />
                    <button type="submit" className={`${buttonClass} text-red-800`} aria-label={t("deactivateWho", { name: label })}>
                      {t("deactivate")}
                    </button>
                  </form>
                </div>
              )}
              {s.role !== "facilitator" && !s.deactivatedAt && (self || s.role !== "admin" || actor.role === "admin") && (
                <ClientMessages namespaces={["plan"]}>
                  {/* Keyed by what is saved: after a save the form is drawn again from the database. */}
                  <NoticeSettingsForm
                    key={`${s.phone}|${(responsible.get(s.id) ?? []).join(",")}`}
                    locale={locale}
                    userId={s.id} name={label} phone={s.phone} chosen={responsible.get(s.id) ?? []} places={places} />
                </ClientMessages>
              )}
            </li>
          );
        })}
      </ul>

      <section aria-labelledby="invite" className="mt-10 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="invite" className="text-xl font-bold">
          {t("inviteTitle")}
        </h2>
        <p className="mt-1">{t("inviteBody")}</p>
        <ClientMessages namespaces={["plan", "staff"]}>
          <InviteForm locale={locale} roles={roles} />
        </ClientMessages>
      </section>
    </>
  );
}
