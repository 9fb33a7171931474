import "server-only";
import { redirect } from "next/navigation";
import { currentActor } from "./current";
import type { Actor } from "./staff";

/** For staff pages: the signed-in actor, or off to the sign-in page. Actions check again themselves. */
export async function requireActor(locale: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/staff/sign-in`);
  return actor;
}
