"use client";
import { useRef, useState } from "react";
import { forgetDevice, unsent } from "@/components/host/door/outbox";

type Props = {
  action: (formData: FormData) => Promise<void>;
  locale: string;
  label: string;
  /** Said when the door still has changes to send from this device, which signing out would delete. */
  unsentWarning: string;
  anywayLabel: string;
};

/**
 * Sign-out, which first empties what the door kept on this device (its
 * IndexedDB and the service worker's caches). Changes not yet sent are never
 * deleted without asking. Without JavaScript the form still signs out, and
 * the sign-in page it lands on empties the device instead.
 */
export function SignOutForm({ action, locale, label, unsentWarning, anywayLabel }: Props) {
  const forgotten = useRef(false);
  const [warned, setWarned] = useState(false);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (forgotten.current) return;
        e.preventDefault();
        const form = e.currentTarget;
        void (async () => {
          if (!warned && (await unsent().catch(() => 0)) > 0) {
            setWarned(true);
            return;
          }
          await forgetDevice();
          forgotten.current = true;
          form.requestSubmit();
        })();
      }}
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="locale" value={locale} />
      {warned && (
        <p role="alert" className="font-semibold text-red-900">
          {unsentWarning}
        </p>
      )}
      <button type="submit" className="underline underline-offset-2">
        {warned ? anywayLabel : label}
      </button>
    </form>
  );
}
