import { Forbidden } from "@/components/staff/Forbidden";

export default function ForbiddenPage() {
  return <Forbidden />;
}
