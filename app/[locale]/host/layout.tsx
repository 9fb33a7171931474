import type { Metadata } from "next";
import { StaffArea } from "@/components/staff/StaffArea";

// The door is an installable app (app/[locale]/host/manifest.webmanifest); only the staff area names it.
export async function generateMetadata({ params }: LayoutProps<"/[locale]/host">): Promise<Metadata> {
  const { locale } = await params;
  return { manifest: `/${locale}/host/manifest.webmanifest` };
}

export default async function HostLayout({ children, params }: LayoutProps<"/[locale]/host">) {
  const { locale } = await params;
  return <StaffArea locale={locale}>{children}</StaffArea>;
}
