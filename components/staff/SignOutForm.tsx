"use client";
import { useRef } from "react";
import { forgetDevice } from "@/components/host/door/outbox";

/**
 * Sign-out, which first empties what the door kept on this device (its
 * IndexedDB and the service worker's caches). Without JavaScript the form
 * still signs out, and the sign-in page it lands on empties them instead.
 */
export function SignOutForm({ action, locale, label }: { action: (formData: FormData) => Promise<void>; locale: string; label: string }) {
  const forgotten = useRef(false);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (forgotten.current) return;
        e.preventDefault();
        const form = e.currentTarget;
        void forgetDevice().finally(() => {
          forgotten.current = true;
          form.requestSubmit();
        });
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className="underline underline-offset-2">
        {label}
      </button>
    </form>
  );
}
