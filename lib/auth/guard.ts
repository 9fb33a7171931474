import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { staffReturnPath } from "./links";
import { REQUEST_PATH_HEADER } from "./request-path";
import { currentActor } from "./current";
import { isPlanner, type Actor } from "./staff";

/**
 * For staff pages: the signed-in actor, or off to the sign-in page, which
 * brings them back to the page they asked for (a concern a notice linked to).
 * The path is checked again by the sign-in form. Actions check again themselves.
 */
export async function requireActor(locale: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    const asked = (await headers()).get(REQUEST_PATH_HEADER);
    // Any staff page is worth carrying, the door's list too: without one a planner lands on the planning pages.
    const back = asked && staffReturnPath(asked, locale) === asked ? `?next=${encodeURIComponent(asked)}` : "";
    redirect(`/${locale}/staff/sign-in${back}`);
  }
  return actor;
}

/** For planners' pages: the signed-in planner or admin; anyone else signed in gets the 403 page. */
export async function requirePlanner(locale: string): Promise<Actor> {
  const actor = await requireActor(locale);
  if (!isPlanner(actor)) forbidden();
  return actor;
}
