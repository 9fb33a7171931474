import { StaffArea } from "@/components/staff/StaffArea";

export default async function HostLayout({ children, params }: LayoutProps<"/[locale]/host">) {
  const { locale } = await params;
  return <StaffArea locale={locale}>{children}</StaffArea>;
}
