import type { ReactNode } from "react";

/** A titled part of a long page of text (the privacy notice, the accessibility statement), named by its heading. */
export function TextSection({ id, headingId, title, children }: { id?: string; headingId: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={headingId} className="mt-6">
      <h2 id={headingId} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
