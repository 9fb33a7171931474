import "server-only";
import { forbidden, redirect } from "next/navigation";
import { currentActor } from "./current";
import { isPlanner, type Actor } from "./staff";

/**
 * For staff pages: the signed-in actor, or off to the sign-in page. A page a
 * link in a notice leads to gives its own path (`back`), so the sign-in link
 * brings the person back there. Actions check again themselves.
 */
export async function requireActor(locale: string, back?: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/staff/sign-in${back ? `?next=${encodeURIComponent(back)}` : ""}`);
  return actor;
}

/** For planners' pages: the signed-in planner or admin; anyone else signed in gets the 403 page. */
export async function requirePlanner(locale: string, back?: string): Promise<Actor> {
  const actor = await requireActor(locale, back);
  if (!isPlanner(actor)) forbidden();
  return actor;
}
