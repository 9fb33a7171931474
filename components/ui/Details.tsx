import type { ReactNode } from "react";

/** A card of labelled facts: a place's address and hours, a booking's details. */
export function Details({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <dl className="mt-4 space-y-3 rounded-lg bg-white p-4 shadow-sm">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="font-semibold">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
