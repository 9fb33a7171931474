import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { planPlaces } from "@/lib/schedule/plan-reads";
import { assignableStaff } from "@/lib/staff/reads";
import { ClientMessages } from "@/components/ClientMessages";
import { PlanNav } from "@/components/plan/PlanNav";
import { SessionForm } from "@/components/plan/SessionForm";

export const metadata = { robots: { index: false } };

const MODES = { once: "newOnce", series: "newSeries", group: "newGroup" } as const;

export default async function NewSessionPage({ params, searchParams }: PageProps<"/[locale]/plan/sessions/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePlanner(locale);
  const query = await searchParams;
  const mode = query.mode === "series" || query.mode === "group" ? query.mode : "once";
  const t = await getTranslations("plan.nav");
  const tp = await getTranslations("plan.session");
  const db = getDb();
  const places = planPlaces(db, new Date()).filter((p) => !p.archivedAt);
  const staff = assignableStaff(db).map((s) => ({ id: s.id, name: s.name ?? s.email ?? "" }));
  const place = places.find((p) => String(p.id) === query.place);

  return (
    <>
      <PlanNav current={MODES[mode]} />
      <h1 className="text-2xl font-bold">{t(MODES[mode])}</h1>
      <p className="mt-2">{tp(`intro.${mode}`)}</p>
      <ClientMessages namespaces={["plan", "kinds", "professionals"]}>
        <SessionForm
          key={mode}
          mode={mode}
          locale={locale}
          places={places}
          staff={staff}
          initial={{ placeId: place ? String(place.id) : places.length === 1 ? String(places[0]!.id) : "", maxPartySize: "4", languages: ["fi"] }}
        />
      </ClientMessages>
    </>
  );
}
