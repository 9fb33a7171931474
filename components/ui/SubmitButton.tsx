"use client";
import { useFormStatus } from "react-dom";

/** The form's submit button, telling while the server works so nobody presses twice. */
export function SubmitButton({ label, pending, tone = "primary" }: { label: string; pending: string; tone?: "primary" | "danger" }) {
  const status = useFormStatus();
  const colors = tone === "danger" ? "bg-red-800 hover:bg-red-900" : "bg-brand-800 hover:bg-brand-900";
  return (
    <button
      type="submit"
      disabled={status.pending}
      className={`mt-6 w-full rounded px-4 py-3 text-lg font-semibold text-white disabled:opacity-70 sm:w-auto ${colors}`}
    >
      {status.pending ? pending : label}
    </button>
  );
}
