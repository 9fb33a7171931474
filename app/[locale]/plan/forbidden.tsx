import { Forbidden } from "@/components/staff/Forbidden";

// Inside the staff area's layout, so the staff bar (and signing out) stays on the page.
export default function StaffForbidden() {
  return <Forbidden />;
}
