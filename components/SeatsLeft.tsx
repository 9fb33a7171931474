import { getTranslations } from "next-intl/server";
import type { SessionKind } from "@/db/schema";

export async function SeatsLeft({ kind, seatsLeft }: { kind: SessionKind; seatsLeft: number | null }) {
  const t = await getTranslations("sessions");
  if (seatsLeft === null) return <>{kind === "drop_in" ? t("noSignUp") : t("noBooking")}</>;
  if (seatsLeft === 0) return <>{t("full")}</>;
  return <>{t("seatsLeft", { count: seatsLeft })}</>;
}
