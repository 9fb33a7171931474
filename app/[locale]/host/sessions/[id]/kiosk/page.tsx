import { randomBytes } from "node:crypto";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireDoorView } from "@/lib/attendance/page-gate";
import { feedbackLink } from "@/lib/feedback/reads";
import { config } from "@/lib/config";
import { ClientMessages } from "@/components/ClientMessages";
import { FeedbackKiosk } from "@/components/host/kiosk/FeedbackKiosk";
import { signOutAction } from "@/lib/auth/actions";
import { countyOfSession, parentRoutes } from "@/lib/counties/reads";
import type { Locale } from "@/lib/i18n/locales";
import { WhereToTurn } from "@/components/feedback/WhereToTurn";

export const metadata = { robots: { index: false } };

/**
 * The feedback kiosk: the parents' anonymous form on the meeting place's
 * tablet, handed to a parent. Opened by a staff member who runs the session
 * (signed in); it renders the form and nothing else of the staff screen: no
 * staff bar, site header or footer (the layouts leave them out on this path,
 * lib/feedback/kiosk-path.ts), no roster, no figures, no links. Each render
 * makes a new turn: one answer per turn (lib/feedback/writes.ts).
 */
export default async function KioskPage({ params, searchParams }: PageProps<"/[locale]/host/sessions/[id]/kiosk">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const now = new Date();
  const { db, view } = await requireDoorView(locale, id, now);
  const q = await searchParams;
  const open = view.feedbackKey !== null && feedbackLink(db, view.feedbackKey, now).ok;
  const nav = await getTranslations("staff.nav");
  return (
    <ClientMessages namespaces={["feedback", "quiet", "whereToTurn", "kiosk"]}>
      <FeedbackKiosk
        sessionId={view.session.id}
        feedbackKey={open ? view.feedbackKey : null}
        locale={locale}
        turn={randomBytes(16).toString("base64url")}
        answered={q.answered === "1"}
        quietDays={config().FEEDBACK_QUIET_DAYS}
        signOut={{ action: signOutAction, unsentWarning: nav("unsentWarning"), anywayLabel: nav("signOutAnyway") }}
        whereToTurn={<WhereToTurn routes={parentRoutes(countyOfSession(db, view.session.id), locale as Locale)} linked={false} />}
      />
    </ClientMessages>
  );
}
