import { setRequestLocale } from "next-intl/server";
import { requireActor } from "@/lib/auth/guard";
import { StaffBar } from "@/components/staff/StaffBar";

export default async function HostLayout({ children, params }: LayoutProps<"/[locale]/host">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  return (
    <>
      <StaffBar actor={actor} locale={locale} />
      {children}
    </>
  );
}
