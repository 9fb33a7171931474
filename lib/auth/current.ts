import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "./config";
import { activeStaffById, type Actor } from "./staff";

/** The signed-in staff member for this request, read once, or null. Role and status come from the database. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? activeStaffById(getDb(), id) : null;
});
