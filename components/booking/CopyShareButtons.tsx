"use client";
import { useState, useSyncExternalStore } from "react";

type Props = { url: string; title: string; labels: { copy: string; copied: string; copyFailed: string; share: string } };

const noSubscribe = () => () => {};

/**
 * "Copy link" and, where the phone has one, "Share" (the Web Share API) for the manage link.
 * Rendered only once JavaScript runs: without it the buttons could do nothing, and the readonly
 * field beside them still lets a parent select the link.
 */
export function CopyShareButtons({ url, title, labels }: Props) {
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const canShare = useSyncExternalStore(noSubscribe, () => typeof navigator.share === "function", () => false);
  const [status, setStatus] = useState("");
  if (!hydrated) return null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus(labels.copied);
    } catch {
      // No clipboard (an old browser, or permission refused): the field is there to select by hand.
      setStatus(labels.copyFailed);
    }
  }

  async function share() {
    try {
      await navigator.share({ title, url });
    } catch {
      // The parent closed the share sheet: nothing to say.
    }
  }

  return (
    <div className="mt-2">
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={copy} className="rounded bg-brand-800 px-4 py-2 font-medium text-white hover:bg-brand-900">
          {labels.copy}
        </button>
        {canShare && (
          <button type="button" onClick={share} className="rounded border border-brand-800 px-4 py-2 font-medium text-brand-800">
            {labels.share}
          </button>
        )}
      </div>
      <p role="status" className="mt-2 min-h-6 text-sm font-medium">
        {status}
      </p>
    </div>
  );
}
