"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

/**
 * The feedback QR code on the whole screen, for the room to scan: opened at
 * once after closing (`openAtOnce`) and from its button. A native modal
 * dialog: the focus stays in it, Escape and the close button close it.
 */
export function FeedbackQrScreen({ qr, openAtOnce }: { qr: string; openAtOnce: boolean }) {
  const t = useTranslations("qrScreen");
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (openAtOnce && !dialog.current?.open) dialog.current?.showModal();
  }, [openAtOnce]);
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className="mt-3 rounded-lg bg-brand-800 px-4 py-3 text-lg font-semibold text-white">
        {t("show")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="qr-screen-title"
        data-testid="qr-screen"
        className="m-0 h-dvh max-h-none w-screen max-w-none bg-white p-4 backdrop:bg-black/80"
      >
        <div className="flex h-full flex-col items-center justify-center gap-4 text-center">
          <h2 id="qr-screen-title" className="text-3xl font-bold">
            {t("title")}
          </h2>
          <div className="aspect-square w-[min(80vw,calc(100dvh-16rem))]" role="img" aria-label={t("label")} dangerouslySetInnerHTML={{ __html: qr }} />
          <p className="max-w-xl text-xl">{t("line")}</p>
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className="rounded-lg border-2 border-stone-700 px-6 py-3 text-lg font-semibold">
            {t("close")}
          </button>
        </div>
      </dialog>
    </>
  );
}
