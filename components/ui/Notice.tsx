import type { ReactNode } from "react";

const TONES = {
  info: "border-sky-300 bg-sky-50",
  success: "border-brand-700 bg-brand-50",
  warning: "border-amber-400 bg-amber-50",
  error: "border-red-700 bg-red-50",
} as const;

export function Notice({
  tone,
  title,
  children,
  role,
}: {
  tone: keyof typeof TONES;
  title?: string;
  children: ReactNode;
  role?: "status" | "alert";
}) {
  return (
    <div role={role} className={`rounded-lg border-l-4 p-4 ${TONES[tone]}`}>
      {title && <h2 className="mb-1 text-lg font-bold">{title}</h2>}
      {children}
    </div>
  );
}
