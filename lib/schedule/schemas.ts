import { z } from "zod";
import { sessionKinds } from "@/db/schema";
import { freeText } from "@/lib/text/free-text";
import { daysBetween } from "./recurrence";

// Messages are keys under "plan.errors" in messages/plan/*.json, so the planner reads them in their language.
// A field missing from the request is treated like an empty one.

// Descriptions, directions and the like are textareas; names and titles are one line.
const text = (max: number) => freeText({ multiline: true }).max(max, { message: "tooLong" });
const required = (max: number) =>
  freeText({ message: "required" })
    .min(1, { message: "required" })
    .max(max, { message: "tooLong" });
const optional = (max: number) =>
  text(max)
    .optional()
    .transform((v) => v ?? "");

/** A real calendar date, as a date input sends it ("2026-03-31") or as a Finn types it ("31.3.2026"). */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const date = z
  .string({ message: "dateInvalid" })
  .transform((v, ctx) => {
    const parsed = parseDate(v);
    if (!parsed) ctx.addIssue({ code: "custom", message: v.trim() ? "dateInvalid" : "required" });
    return parsed ?? "";
  });

const time = z
  .string({ message: "required" })
  .trim()
  .transform((v, ctx) => {
    const m = /^(\d{1,2})[:.](\d{2})$/.exec(v);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
      ctx.addIssue({ code: "custom", message: v ? "timeInvalid" : "required" });
      return "";
    }
    return `${m[1]!.padStart(2, "0")}:${m[2]}`;
  });

const id = (message: string) => z.coerce.number({ message }).int({ message }).positive({ message });

// ---------------------------------------------------------------- places

/** A whole number of people from 1 to 1000; an empty field is the default of 30. */
const roomSize = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return 30;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < 1 || n > 1000) ctx.addIssue({ code: "custom", message: "roomSizeInvalid" });
    return n;
  });

export const placeFormSchema = z
  .object({
    name: required(80),
    streetAddress: required(120),
    postalCode: z
      .string({ message: "required" })
      .trim()
      .regex(/^\d{5}$/, { message: "postalCodeInvalid" }),
    city: required(60),
    /** The place's Swedish name and address, where it has one (Dickursby); empty uses the Finnish one. */
    nameSv: optional(80),
    streetAddressSv: optional(120),
    citySv: optional(60),
    countyId: id("countyRequired"),
    directionsFi: optional(1000),
    directionsSv: optional(1000),
    directionsEn: optional(1000),
    accessibilityFi: optional(1000),
    accessibilitySv: optional(1000),
    accessibilityEn: optional(1000),
    openingHoursFi: optional(300),
    openingHoursSv: optional(300),
    openingHoursEn: optional(300),
    /** How parents reach the place: shown on its page. Either may be left empty. */
    contactPhone: freeText()
      .max(40, { message: "tooLong" })
      .regex(/^[+\d\s()-]*$/, { message: "phoneInvalid" })
      .optional()
      .transform((v) => v || null),
    contactEmail: freeText()
      .max(254, { message: "tooLong" })
      .pipe(z.union([z.literal(""), z.email({ message: "emailInvalid" })]))
      .optional()
      .transform((v) => (v ? v.toLowerCase() : null)),
    /** How many people the room holds: the door counts no more walk-ins than this plus a session's seats. */
    roomSize: roomSize,
  })
  .transform((v) => ({
    name: v.name,
    streetAddress: v.streetAddress,
    postalCode: v.postalCode,
    city: v.city,
    nameSv: v.nameSv || null,
    streetAddressSv: v.streetAddressSv || null,
    citySv: v.citySv || null,
    countyId: v.countyId,
    directions: { fi: v.directionsFi, sv: v.directionsSv, en: v.directionsEn },
    accessibility: { fi: v.accessibilityFi, sv: v.accessibilitySv, en: v.accessibilityEn },
    openingHours: { fi: v.openingHoursFi, sv: v.openingHoursSv, en: v.openingHoursEn },
    contactPhone: v.contactPhone,
    contactEmail: v.contactEmail,
    roomSize: v.roomSize,
  }));

export type PlaceInput = z.output<typeof placeFormSchema>;

// ---------------------------------------------------------------- sessions

/** Languages besides the three of the app, typed as codes: "ru, so, ar". */
const otherLanguages = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const codes = (v ?? "")
      .toLowerCase()
      .split(/[\s,;]+/)
      .filter(Boolean);
    if (codes.some((c) => !/^[a-z]{2,3}$/.test(c))) ctx.addIssue({ code: "custom", message: "languageCodeInvalid" });
    return codes;
  });

const checkboxes = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const capacity = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 500) ctx.addIssue({ code: "custom", message: "capacityInvalid" });
    return n;
  });

const maxPartySize = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    const n = v ? Number(v) : 4;
    if (!Number.isInteger(n) || n < 1 || n > 20) ctx.addIssue({ code: "custom", message: "maxPartySizeInvalid" });
    return n;
  });

// A title and a description in each language: a session's, or a group's own.
const texts = {
  titleFi: required(120),
  titleSv: required(120),
  titleEn: required(120),
  descriptionFi: optional(2000),
  descriptionSv: optional(2000),
  descriptionEn: optional(2000),
};

const sessionShape = {
  placeId: id("placeRequired"),
  ...texts,
  audienceFi: optional(200),
  audienceSv: optional(200),
  audienceEn: optional(200),
  /** A session for professionals: a ticked box. */
  forProfessionals: z.literal("on").optional().catch(undefined).transform((v) => v === "on"),
  languages: checkboxes,
  otherLanguages,
  capacity,
  maxPartySize,
  facilitators: checkboxes,
  startTime: time,
  endTime: time,
};

const kind = z.enum(sessionKinds, { message: "kindRequired" });

type SessionShape = {
  [K in keyof typeof sessionShape]: z.output<(typeof sessionShape)[K]>;
};

function sessionFields(v: SessionShape) {
  const audience = { fi: v.audienceFi, sv: v.audienceSv, en: v.audienceEn };
  return {
    placeId: v.placeId,
    title: { fi: v.titleFi, sv: v.titleSv, en: v.titleEn },
    description: { fi: v.descriptionFi, sv: v.descriptionSv, en: v.descriptionEn },
    audience: audience.fi || audience.sv || audience.en ? audience : null,
    forProfessionals: v.forProfessionals,
    languages: [...new Set([...v.languages.filter((l) => /^[a-z]{2,3}$/.test(l)), ...v.otherLanguages])],
    capacity: v.capacity,
    maxPartySize: v.maxPartySize,
    facilitatorIds: [...new Set(v.facilitators)],
    startTime: v.startTime,
    endTime: v.endTime,
  };
}

type Ctx = z.RefinementCtx;

function checkCommon(v: { startTime: string; endTime: string; languages: string[]; otherLanguages: string[] }, ctx: Ctx) {
  if (v.startTime && v.endTime && v.endTime <= v.startTime)
    ctx.addIssue({ code: "custom", path: ["endTime"], message: "endBeforeStart" });
  if (v.languages.length + v.otherLanguages.length === 0)
    ctx.addIssue({ code: "custom", path: ["languages"], message: "languagesRequired" });
}

const MAX_SERIES_DAYS = 366;

function checkRange(v: { fromDate: string; toDate: string }, ctx: Ctx) {
  if (!v.fromDate || !v.toDate) return;
  const days = daysBetween(v.fromDate, v.toDate);
  if (days < 0) ctx.addIssue({ code: "custom", path: ["toDate"], message: "toBeforeFrom" });
  else if (days > MAX_SERIES_DAYS) ctx.addIssue({ code: "custom", path: ["toDate"], message: "rangeTooLong" });
}

const skipDates = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const parts = (v ?? "").split(/[\s,;]+/).filter(Boolean);
    const dates = parts.map(parseDate);
    if (dates.some((d) => d === null)) ctx.addIssue({ code: "custom", message: "skipDatesInvalid" });
    return [...new Set(dates.filter((d): d is string => d !== null))].sort();
  });

const weekday = z.coerce
  .number({ message: "weekdayRequired" })
  .int({ message: "weekdayRequired" })
  .min(1, { message: "weekdayRequired" })
  .max(7, { message: "weekdayRequired" });

/** One meeting on one date. Also the form for editing any single session. */
export const onceFormSchema = z
  .object({ ...sessionShape, kind, date })
  .superRefine(checkCommon)
  .transform((v) => ({ ...sessionFields(v), kind: v.kind, date: v.date }));

export const editFormSchema = z
  .object({ ...sessionShape, kind, date, sessionId: id("unknownSession") })
  .superRefine(checkCommon)
  .transform((v) => ({ ...sessionFields(v), kind: v.kind, date: v.date, sessionId: v.sessionId }));

const seriesShape = { ...sessionShape, weekday, fromDate: date, toDate: date, skipDates };

export const seriesFormSchema = z
  .object({ ...seriesShape, kind })
  .superRefine((v, ctx) => {
    checkCommon(v, ctx);
    checkRange(v, ctx);
  })
  .transform((v) => ({
    ...sessionFields(v),
    kind: v.kind,
    weekday: v.weekday,
    fromDate: v.fromDate,
    toDate: v.toDate,
    skipDates: v.skipDates,
  }));

/** A group: weekly meetings booked as one, so it must have seats. */
export const groupFormSchema = z
  .object(seriesShape)
  .superRefine((v, ctx) => {
    checkCommon(v, ctx);
    checkRange(v, ctx);
    if (v.capacity === null) ctx.addIssue({ code: "custom", path: ["capacity"], message: "groupCapacityRequired" });
  })
  .transform((v) => ({
    ...sessionFields(v),
    capacity: v.capacity ?? 0,
    weekday: v.weekday,
    fromDate: v.fromDate,
    toDate: v.toDate,
    skipDates: v.skipDates,
  }));

/** A group's own details after it was made: its title, description and seats. */
export const groupEditFormSchema = z
  .object({
    groupId: id("unknownGroup"),
    ...texts,
    capacity,
    maxPartySize,
  })
  .superRefine((v, ctx) => {
    if (v.capacity === null) ctx.addIssue({ code: "custom", path: ["capacity"], message: "groupCapacityRequired" });
  })
  .transform((v) => ({
    groupId: v.groupId,
    title: { fi: v.titleFi, sv: v.titleSv, en: v.titleEn },
    description: { fi: v.descriptionFi, sv: v.descriptionSv, en: v.descriptionEn },
    capacity: v.capacity ?? 0,
    maxPartySize: v.maxPartySize,
  }));

/** Cancelling a weekly series from a date on. */
export const seriesCancelFormSchema = z.object({ sessionId: id("unknownSession"), fromDate: date });

export type GroupEditInput = z.output<typeof groupEditFormSchema>;
export type SeriesCancelInput = z.output<typeof seriesCancelFormSchema>;
export type OnceInput = z.output<typeof onceFormSchema>;
export type EditInput = z.output<typeof editFormSchema>;
export type SeriesInput = z.output<typeof seriesFormSchema>;
export type GroupInput = z.output<typeof groupFormSchema>;

export const facilitatorsFormSchema = z.object({
  sessionId: id("unknownSession"),
  facilitators: checkboxes,
  scope: z
    .enum(["session", "all"])
    .optional()
    .transform((v) => v ?? "session"),
});

export type FacilitatorsInput = z.output<typeof facilitatorsFormSchema>;

/** Fields that may hold several values (checkboxes). */
export const MULTI_FIELDS = ["languages", "facilitators"] as const;
