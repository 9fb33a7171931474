import type { ReactNode } from "react";
import { setRequestLocale } from "next-intl/server";
import { requireActor } from "@/lib/auth/guard";
import { StaffBar } from "./StaffBar";

/** The frame of every staff area: signed in, or off to the sign-in page; then the staff bar. */
export async function StaffArea({ locale, children }: { locale: string; children: ReactNode }) {
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  return (
    <>
      <StaffBar actor={actor} locale={locale} />
      {children}
    </>
  );
}
