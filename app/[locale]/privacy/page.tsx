import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { OpeningSoon } from "@/components/OpeningSoon";
import { config } from "@/lib/config";
import { organisation, publicSiteOpen } from "@/lib/organisation/reads";
import type { Locale } from "@/lib/i18n/locales";
import { processorText, retentionText, type Tr } from "@/lib/privacy/notice";
import { processors, registerRows, retentionPeriods, transfersKnownInEu } from "@/lib/privacy/register";
import { TextSection } from "@/components/ui/TextSection";

export async function generateMetadata({ params }: PageProps<"/[locale]/privacy">) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "privacy" });
  return { title: t("title") };
}

const SECTIONS = ["dropIn", "booking", "feedback", "concern", "development", "whoSees", "remove"] as const;
const RIGHTS = ["access", "rectification", "erasure", "restriction", "objection", "portability", "withdraw"] as const;
const OMBUDSMAN_URL = "https://tietosuoja.fi";

/**
 * Who runs the service and what happens to a parent's data (GDPR art. 13). The list of data, purposes,
 * legal bases and periods, and the processors, come from lib/privacy/register.ts and the configuration,
 * so a changed period or provider changes this page.
 */
export default async function PrivacyPage({ params }: PageProps<"/[locale]/privacy">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("privacy");
  const tn = await getTranslations();
  const n = tn as unknown as Tr;
  const c = config();
  const db = getDb();
  if (!publicSiteOpen(db)) return <OpeningSoon />;
  const org = organisation(db);
  // Open means both are known (publicSiteOpen).
  const name = org.name ?? "";
  const contact = org.contact ?? "";
  const values = {
    organisation: name,
    contact,
    days: c.EMAIL_RETENTION_DAYS,
    concernDays: c.CONCERN_CONTACT_DAYS,
    quietDays: c.FEEDBACK_QUIET_DAYS,
  };
  const rows = registerRows(retentionPeriods(c));
  const used = processors(c);
  const sms = used.find((p) => p.kind === "sms");
  const own = org.statement[locale as Locale];
  const section = (id: string, title: string, body: React.ReactNode) => (
    <TextSection key={id} id={id} headingId={`privacy-${id}`} title={title}>
      {body}
    </TextSection>
  );
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {section(
        "who",
        t("whoTitle"),
        <>
          <p className="mt-2">{t("who", values)}</p>
          {c.DPO_CONTACT && <p className="mt-2">{n("notice.dpo", { dpo: c.DPO_CONTACT })}</p>}
        </>,
      )}
      {section("statement", t("statementTitle"), <p className="mt-2 whitespace-pre-line">{own || t("statementDefault", values)}</p>)}
      {SECTIONS.map((s) => section(s, t(`${s}Title`), <p className="mt-2">{t(s, values)}</p>))}
      {section(
        "register",
        n("notice.tableTitle"),
        <>
          <p className="mt-2">{n("notice.tableIntro")}</p>
          <ul className="mt-3 space-y-3">
            {rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="register-row">
                <h3 className="font-semibold">{n(`notice.data.${r.id}`)}</h3>
                <dl className="mt-1 space-y-1 text-sm">
                  <div>
                    <dt className="inline font-semibold">{n("notice.purposeLabel")}: </dt>
                    <dd className="inline">{n(`notice.purposes.${r.purpose}`)}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">{n("notice.basisLabel")}: </dt>
                    <dd className="inline">{n(`notice.bases.${r.basis}`)}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">{n("notice.retentionLabel")}: </dt>
                    <dd className="inline">{retentionText(r.retention, n)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </>,
      )}
      {section(
        "processors",
        n("notice.processorsTitle"),
        <>
          <p className="mt-2">{n("notice.processorsIntro", { organisation: name })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {used.map((p) => (
              <li key={p.kind}>{processorText(p, n, name)}</li>
            ))}
          </ul>
        </>,
      )}
      {section(
        "transfers",
        n("notice.transfersTitle"),
        <p className="mt-2">
          {transfersKnownInEu(used) || !sms ? n("notice.transfers", { organisation: name }) : n("notice.transfersOther", { organisation: name, host: sms.host })}
        </p>,
      )}
      {section(
        "rights",
        n("notice.rightsTitle"),
        <>
          <p className="mt-2">{n("notice.rightsIntro")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {RIGHTS.map((r) => (
              <li key={r}>{n(`notice.rights.${r}`)}</li>
            ))}
          </ul>
          <p className="mt-2">{n("notice.rightsHow", { organisation: name, contact })}</p>
        </>,
      )}
      {section(
        "complaint",
        n("notice.complaintTitle"),
        <>
          <p className="mt-2">{n("notice.complaint")}</p>
          <p className="mt-2">
            {n("notice.complaintWeb")}: <a href={OMBUDSMAN_URL}>tietosuoja.fi</a>
          </p>
        </>,
      )}
    </>
  );
}
