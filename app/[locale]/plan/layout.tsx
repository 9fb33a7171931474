import { StaffArea } from "@/components/staff/StaffArea";

export default async function PlanLayout({ children, params }: LayoutProps<"/[locale]/plan">) {
  return <StaffArea locale={(await params).locale}>{children}</StaffArea>;
}
