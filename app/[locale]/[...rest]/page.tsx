import { setRequestLocale } from "next-intl/server";
import { NotFoundView } from "@/components/NotFoundView";

export const metadata = { robots: { index: false } };

// Any unknown path inside a language gets the translated not-found page (see NotFoundView for why not notFound()).
export default async function CatchAll({ params }: PageProps<"/[locale]/[...rest]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <NotFoundView />;
}
