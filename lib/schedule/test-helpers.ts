import { users, type StaffRole } from "@/db/schema";
import type { DB } from "@/db/client";
import type { Actor } from "@/lib/auth/staff";
import { groupFormSchema, onceFormSchema, seriesFormSchema } from "./schemas";

/** A member of staff in the test database, as the actions would pass them. */
export function addStaff(db: DB, role: StaffRole, email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`): Actor {
  const row = db.insert(users).values({ email, name: `${role} ${email}`, role }).returning().get();
  return { id: row.id, email, name: row.name, role };
}

const texts = {
  titleFi: "Avoimet ovet",
  titleSv: "Öppet hus",
  titleEn: "Drop-in",
  descriptionFi: "Tule kahville",
  languages: ["fi", "en"],
};

/** Form values as a browser posts them, through the real schemas. */
export const onceInput = (placeId: number, o: Record<string, unknown> = {}) =>
  onceFormSchema.parse({ ...texts, placeId: String(placeId), kind: "info_evening", date: "2026-03-24", startTime: "18:00", endTime: "19:30", capacity: "20", ...o });

export const seriesInput = (placeId: number, o: Record<string, unknown> = {}) =>
  seriesFormSchema.parse({
    ...texts,
    placeId: String(placeId),
    kind: "drop_in",
    weekday: "2",
    startTime: "09:00",
    endTime: "15:00",
    fromDate: "2026-03-17",
    toDate: "2026-04-07",
    ...o,
  });

export const groupInput = (placeId: number, o: Record<string, unknown> = {}) =>
  groupFormSchema.parse({
    ...texts,
    placeId: String(placeId),
    weekday: "3",
    startTime: "17:30",
    endTime: "19:00",
    fromDate: "2026-03-04",
    toDate: "2026-04-08",
    capacity: "10",
    maxPartySize: "2",
    ...o,
  });
