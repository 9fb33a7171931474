"use client";
import { useEffect, useRef } from "react";

/**
 * After a failed submit: what went wrong, each item a link to its field.
 * Focus moves here so a screen reader reads it and a keyboard user starts
 * from it; `attempt` changes with every submit, so a second failure
 * focuses it again. Without JavaScript it is the first thing in the form.
 */
export function ErrorSummary({ title, errors, attempt }: { title: string; errors: { field: string; message: string }[]; attempt: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mt-3 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900 focus:outline-3 focus:outline-amber-500">
      <p id="error-summary-title" className="font-medium">
        {title}
      </p>
      {errors.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {errors.map((e) => (
            <li key={e.field}>
              <a href={`#${e.field}`} className="text-red-900">
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
