import type { ReactNode } from "react";
import { headers } from "next/headers";
import { setRequestLocale } from "next-intl/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { isKioskPath } from "@/lib/feedback/kiosk-path";
import { KioskGuard } from "@/components/host/kiosk/KioskGuard";
import { requireActor } from "@/lib/auth/guard";
import { StaffBar } from "./StaffBar";

/** The frame of every staff area: signed in, or off to the sign-in page; then the staff bar. */
export async function StaffArea({ locale, children }: { locale: string; children: ReactNode }) {
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  // The feedback kiosk shows no staff bar; every other staff page sends a tablet in kiosk mode back to it.
  if (isKioskPath((await headers()).get(REQUEST_PATH_HEADER))) return children;
  return (
    <>
      <KioskGuard />
      <StaffBar actor={actor} locale={locale} />
      {children}
    </>
  );
}
