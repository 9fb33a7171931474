import { StaffArea } from "@/components/staff/StaffArea";

export default async function HostLayout({ children, params }: LayoutProps<"/[locale]/host">) {
  return <StaffArea locale={(await params).locale}>{children}</StaffArea>;
}
