import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import { visitorCodeAction } from "@/lib/booking/actions";

/** Offers the parent a visitor code to keep, or shows theirs with a QR code to photograph. No JavaScript needed. */
export async function VisitorCodeSection({ token, locale, code }: { token: string; locale: string; code: string | null }) {
  const t = await getTranslations("manage");
  const qr = code ? await QRCode.toString(code, { type: "svg", margin: 1 }) : null;
  return (
    <section id="visitor-code" aria-labelledby="visitor-code-title" className="mt-6 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="visitor-code-title" className="text-lg font-bold">
        {t("visitorCodeTitle")}
      </h2>
      <p className="mt-1">{t("visitorCodeBody")}</p>
      {code ? (
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <p>
            {t("visitorCodeYours")}: <strong className="font-mono text-3xl tracking-widest">{code}</strong>
          </p>
          <div
            className="size-32"
            role="img"
            aria-label={t("visitorCodeQr", { code })}
            dangerouslySetInnerHTML={{ __html: qr! }}
          />
        </div>
      ) : (
        <form action={visitorCodeAction} className="mt-3">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="rounded border border-brand-800 px-4 py-2 font-medium">
            {t("visitorCodeGet")}
          </button>
        </form>
      )}
    </section>
  );
}
