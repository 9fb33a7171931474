import { getTranslations } from "next-intl/server";
import { cancelSessionAction, setFacilitatorsAction } from "@/lib/schedule/actions";
import { SubmitButton } from "@/components/ui/SubmitButton";

/** Who runs the session; with a series or group, optionally all its coming meetings at once. Plain form posts. */
export async function FacilitatorsForm({
  locale,
  sessionId,
  staff,
  assigned,
  others,
}: {
  locale: string;
  sessionId: number;
  staff: { id: string; name: string }[];
  assigned: string[];
  others: number;
}) {
  const t = await getTranslations("plan.facilitators");
  return (
    <form action={setFacilitatorsAction} className="mt-2">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <fieldset className="rounded border border-stone-300 p-3">
        <legend className="px-1 font-semibold">{t("legend")}</legend>
        <ul className="space-y-2">
          {staff.map((s) => (
            <li key={s.id} className="flex items-start gap-2">
              <input id={`f-${s.id}`} type="checkbox" name="facilitators" value={s.id} defaultChecked={assigned.includes(s.id)} className="mt-1 size-5" />
              <label htmlFor={`f-${s.id}`}>{s.name}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      {others > 0 && (
        <div className="mt-4 flex items-start gap-2">
          <input id="scope-all" type="checkbox" name="scope" value="all" className="mt-1 size-5" />
          <label htmlFor="scope-all">{t("all", { count: others })}</label>
        </div>
      )}
      <SubmitButton label={t("save")} pending={t("saving")} />
    </form>
  );
}

/** Cancelling tells every booker with an e-mail address; the button says so before it is pressed. */
export async function CancelSessionForm({ locale, sessionId, booked }: { locale: string; sessionId: number; booked: number }) {
  const t = await getTranslations("plan.cancel");
  return (
    <form action={cancelSessionAction} className="mt-2">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <p>{booked > 0 ? t("bodyBooked", { count: booked }) : t("body")}</p>
      <SubmitButton label={t("submit")} pending={t("cancelling")} tone="danger" />
    </form>
  );
}
