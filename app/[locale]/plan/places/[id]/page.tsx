import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { archivePlaceAction } from "@/lib/schedule/actions";
import { placeForEdit } from "@/lib/schedule/plan-reads";
import { countyOptions, listCounties } from "@/lib/counties/reads";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/components/ClientMessages";
import { NotFoundView } from "@/components/NotFoundView";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { PlanNav } from "@/components/plan/PlanNav";
import { PageNotice } from "@/components/plan/PageNotice";
import { PlaceForm } from "@/components/plan/PlaceForm";
import { formatterFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";

export const metadata = { robots: { index: false } };

export default async function EditPlacePage({ params, searchParams }: PageProps<"/[locale]/plan/places/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requirePlanner(locale);
  const place = /^\d+$/.test(id) ? placeForEdit(getDb(), Number(id)) : null;
  if (!place) return <NotFoundView />;
  const query = await searchParams;
  const t = await getTranslations("plan.places");
  const tf = await getTranslations("flyer");
  const tp = await getTranslations("ptv");
  const te = await getTranslations("plan.errors");
  const format = formatterFor(locale as Locale);
  const error = typeof query.error === "string" && te.has(query.error) ? te(query.error) : null;
  const done = query.done === "archived" ? t("archivedNow") : query.done === "restored" ? t("restoredNow") : null;

  return (
    <>
      <PlanNav current="places" />
      <h1 className="text-2xl font-bold">{place.name}</h1>
      <PageNotice success={done} error={error} />
      <p className="mt-1 text-sm">
        {place.archivedAt ? t("archivedOn", { date: format.dateTime(place.archivedAt, { dateStyle: "medium" }) }) : <Link href={`/places/${place.slug}`}>{t("publicPage")}</Link>}
        {!place.archivedAt && (
          <>
            {" · "}
            <Link href={`/plan/places/${place.id}/flyer`}>{tf("link")}</Link>
            {" · "}
            <Link href={`/plan/places/${place.id}/ptv`}>{tp("link")}</Link>
          </>
        )}
      </p>
      <ClientMessages namespaces={["plan"]}>
        <PlaceForm
          locale={locale}
          placeId={place.id}
          counties={countyOptions(listCounties(getDb()), locale as Locale)}
          initial={{
            name: place.name,
            streetAddress: place.streetAddress,
            postalCode: place.postalCode,
            city: place.city,
            nameSv: place.nameSv ?? "",
            streetAddressSv: place.streetAddressSv ?? "",
            citySv: place.citySv ?? "",
            countyId: String(place.countyId ?? ""),
            openingHoursFi: place.openingHours.fi,
            openingHoursSv: place.openingHours.sv,
            openingHoursEn: place.openingHours.en,
            directionsFi: place.directions.fi,
            directionsSv: place.directions.sv,
            directionsEn: place.directions.en,
            accessibilityFi: place.accessibility.fi,
            accessibilitySv: place.accessibility.sv,
            accessibilityEn: place.accessibility.en,
            contactPhone: place.contactPhone ?? "",
            contactEmail: place.contactEmail ?? "",
            roomSize: String(place.roomSize),
          }}
        />
      </ClientMessages>

      <section aria-labelledby="archive" className="mt-10 rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="archive" className="text-lg font-bold">
          {place.archivedAt ? t("restoreTitle") : t("archiveTitle")}
        </h2>
        <p className="mt-1">{place.archivedAt ? t("restoreBody") : t("archiveBody")}</p>
        <form action={archivePlaceAction}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="placeId" value={place.id} />
          {place.archivedAt && <input type="hidden" name="restore" value="1" />}
          <SubmitButton label={place.archivedAt ? t("restore") : t("archive")} pending={t("saving")} tone={place.archivedAt ? "primary" : "danger"} />
        </form>
      </section>
    </>
  );
}
