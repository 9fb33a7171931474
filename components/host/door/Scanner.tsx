"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

// The browser's own QR reader, where it has one (Chrome on Android, ChromeOS and macOS; Safari). Not in TypeScript's DOM types yet.
type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorClass = { new (o: { formats: string[] }): Detector; getSupportedFormats(): Promise<string[]> };

/**
 * A visitor code's QR holds the code alone ("KTM-4783-PXW"). This is only a
 * first look, so a QR of something else is not sent at all; the server reads
 * the code properly (normaliseVisitorCode in lib/visitors/codes.ts).
 */
const LOOKS_LIKE_CODE = /^[A-Z]{3}[-\s]?\d{4}[-\s]?[A-Z]{3}$/;

type Read = (video: HTMLVideoElement) => Promise<string | null>;

/** BarcodeDetector where present, otherwise jsQR, loaded only now: the door's own script stays small. */
async function reader(): Promise<Read> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (Native && (await Native.getSupportedFormats().catch((): string[] => [])).includes("qr_code")) {
    const detector = new Native({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const jsQR = (await import("jsqr")).default;
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  return async (video) => {
    if (!video.videoWidth) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: "attemptBoth" })?.data ?? null;
  };
}

type Status = "looking" | "noCamera" | "notACode" | { read: string };

/**
 * "Scan a code": the tablet's camera reads the QR of a parent's visitor code
 * from their phone, and the visit is recorded as if the code had been typed.
 */
export function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const t = useTranslations("host.door.scan");
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>("looking");
  const video = useRef<HTMLVideoElement>(null);
  const found = useRef(onCode);
  useEffect(() => {
    found.current = onCode;
  });

  useEffect(() => {
    if (!open) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const read = await reader();
        const look = async () => {
          if (stopped || !video.current) return;
          const text = (await read(video.current).catch(() => null))?.trim().toUpperCase();
          if (text && LOOKS_LIKE_CODE.test(text)) {
            setStatus({ read: text });
            found.current(text);
            setOpen(false);
            return;
          }
          if (text) setStatus("notACode");
          timer = setTimeout(() => void look(), 150);
        };
        void look();
      } catch {
        if (!stopped) setStatus("noCamera");
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [open]);

  const message =
    typeof status === "object" ? t("read", { code: status.read }) : open || status !== "looking" ? t(status) : "";
  return (
    <div className="mt-4">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => {
          setStatus("looking");
          setOpen(!open);
        }}
        className="rounded-lg border border-brand-800 px-4 py-2.5 font-semibold text-brand-900"
      >
        {open ? t("stop") : t("start")}
      </button>
      {open && (
        // A viewfinder only: what it shows is said in words below.
        <video ref={video} muted playsInline aria-hidden="true" className="mt-3 aspect-video w-full max-w-md rounded-lg bg-black" data-testid="scanner" />
      )}
      <p aria-live="polite" className="mt-2 text-sm text-stone-800" data-testid="scan-status">
        {message}
      </p>
    </div>
  );
}
