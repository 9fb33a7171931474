import { getFormatter, setRequestLocale } from "next-intl/server";
import { eq } from "drizzle-orm";
import { forbidden } from "next/navigation";
import { getDb } from "@/db/client";
import { places, sessions } from "@/db/schema";
import { requireActor } from "@/lib/auth/guard";
import { canRunSession } from "@/lib/auth/staff";
import { doorState, roster, sessionAtDoor } from "@/lib/attendance/door";
import { audit } from "@/lib/privacy/audit";
import { feedbackQr } from "@/lib/feedback/qr";
import { ensureFeedbackLink } from "@/lib/feedback/writes";
import { config } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locales";
import { ClientMessages } from "@/components/ClientMessages";
import { DoorScreen } from "@/components/host/DoorScreen";
import { KindBadge } from "@/components/KindBadge";

export const metadata = { robots: { index: false } };

// Read once per request; no-shows can be marked only after the end.
const hasEnded = (end: Date) => end.getTime() <= Date.now();

export default async function DoorPage({ params }: PageProps<"/[locale]/host/sessions/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  const sessionId = /^\d{1,10}$/.test(id) ? Number(id) : null;
  const db = getDb();
  // One answer whether the session does not exist or is someone else's: ids reveal nothing.
  if (sessionId === null || !sessionAtDoor(db, sessionId) || !canRunSession(db, actor, sessionId)) forbidden();

  const session = sessionAtDoor(db, sessionId)!;
  const info = db
    .select({ title: sessions.title, kind: sessions.kind, place: places.name })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(eq(sessions.id, sessionId))
    .get()!;
  const people = roster(db, session);
  // The roster shows nicknames and needs: personal data, so each view is logged.
  if (people.length > 0) audit(db, actor, "roster.view", "session", sessionId);
  const format = await getFormatter();
  // A closed session shows its feedback QR code again when the page is opened later.
  const feedback = session.closedAt ? await feedbackQr(ensureFeedbackLink(db, sessionId, config().FEEDBACK_LINK_DAYS)) : null;

  return (
    <>
      <KindBadge kind={info.kind} />
      <h1 className="mt-1 text-2xl font-bold">{info.title[locale as Locale]}</h1>
      <p className="mb-4">
        {format.dateTimeRange(session.startsAt, session.endsAt, { weekday: "short", day: "numeric", month: "numeric", hour: "numeric", minute: "2-digit" })} ·{" "}
        {info.place}
      </p>
      <ClientMessages namespaces={["host", "feedback"]}>
        <DoorScreen
          sessionId={sessionId}
          initial={doorState(db, sessionId)!}
          roster={people}
          ended={hasEnded(session.endsAt)}
          closingNote={session.closingNote}
          feedback={feedback}
        />
      </ClientMessages>
    </>
  );
}
