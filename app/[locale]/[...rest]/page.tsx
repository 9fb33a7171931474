import { setRequestLocale } from "next-intl/server";
import { NotFoundView, notFoundMetadata } from "@/components/NotFoundView";

export async function generateMetadata({ params }: PageProps<"/[locale]/[...rest]">) {
  return notFoundMetadata((await params).locale);
}

// Any unknown path inside a language gets the translated not-found page (see NotFoundView for why not notFound()).
export default async function CatchAll({ params }: PageProps<"/[locale]/[...rest]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <NotFoundView />;
}
