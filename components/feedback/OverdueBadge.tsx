/** "Overdue" in words (not colour alone), before a concern whose first response is late. */
export function OverdueBadge({ label }: { label: string }) {
  return <strong className="mr-2 inline-block rounded border-2 border-red-800 bg-white px-2 py-0.5 text-sm font-bold text-red-800 uppercase">{label}</strong>;
}
