import { setRequestLocale } from "next-intl/server";
import { requireDoorView } from "@/lib/attendance/page-gate";
import { audit } from "@/lib/privacy/audit";
import { feedbackQr } from "@/lib/feedback/qr";
import type { Locale } from "@/lib/i18n/locales";
import { ClientMessages } from "@/components/ClientMessages";
import { DoorScreen } from "@/components/host/DoorScreen";
import { KindBadge } from "@/components/KindBadge";
import { formatterFor } from "@/lib/i18n/translator";

export const metadata = { robots: { index: false } };

export default async function DoorPage({ params }: PageProps<"/[locale]/host/sessions/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const now = new Date();
  const { db, actor, view } = await requireDoorView(locale, id, now);

  const { session } = view;
  // The roster shows nicknames and needs: personal data, so each view is logged. This is the one
  // write a look at the door makes, and it is the audit trail itself; the feedback link is made by closing.
  if (view.roster.length > 0) audit(db, actor, "roster.view", "session", session.id);
  const format = formatterFor(locale as Locale);
  const feedback = view.feedbackKey ? await feedbackQr(view.feedbackKey, session.id) : null;
  // The tablet may keep this page (its roster's nicknames) for opening offline only while the session is open.
  const keepOffline = session.status === "scheduled" && !session.closedAt;

  return (
    <>
      {keepOffline && <meta name="kohtaamo-offline" content="keep" />}
      <KindBadge kind={session.kind} />
      <h1 className="mt-1 text-2xl font-bold">{session.title[locale as Locale]}</h1>
      <p className="mb-4">
        {format.dateTimeRange(session.startsAt, session.endsAt, { weekday: "short", day: "numeric", month: "numeric", hour: "numeric", minute: "2-digit" })} ·{" "}
        {session.place}
      </p>
      <ClientMessages namespaces={["host", "feedback", "referral", "quiet", "professionals", "codeCheck", "qrScreen", "kiosk"]}>
        <DoorScreen
          sessionId={session.id}
          initial={view.state}
          asOf={now.getTime()}
          keepOffline={keepOffline}
          roster={view.roster}
          ended={view.ended}
          phase={view.phase}
          opensAt={format.dateTime(view.opensAt, { weekday: "short", day: "numeric", month: "numeric", hour: "numeric", minute: "2-digit" })}
          canCount={view.canCount}
          canClose={view.canClose}
          canReopen={view.canReopen}
          closingNote={session.closingNote}
          feedback={feedback}
        />
      </ClientMessages>
    </>
  );
}
