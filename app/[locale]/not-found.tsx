import { NotFoundText } from "@/components/NotFoundView";

// Rendered by Next beside every page of the language, so the words only: notFound() answers 404 itself.
export default function NotFound() {
  return <NotFoundText />;
}
