"use client";

/** Opens the browser's print dialog ("save as PDF" lives there). Without JavaScript, the browser's own menu does the same. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-brand-800 px-3 py-1 font-medium text-white hover:bg-brand-900">
      {label}
    </button>
  );
}
