import { StaffArea } from "@/components/staff/StaffArea";

export default async function PlanLayout({ children, params }: LayoutProps<"/[locale]/plan">) {
  const { locale } = await params;
  return <StaffArea locale={locale}>{children}</StaffArea>;
}
