import { notFound } from "next/navigation";

// Any unknown path inside a language gets the translated not-found page.
export default function CatchAll() {
  notFound();
}
