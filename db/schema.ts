import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Text a parent reads, in each of the three languages. */
export type Localized = { fi: string; sv: string; en: string };

const localized = (name: string) => text(name, { mode: "json" }).$type<Localized>();
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const places = sqliteTable("places", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  county: text("county").notNull(),
  streetAddress: text("street_address").notNull(),
  postalCode: text("postal_code").notNull(),
  city: text("city").notNull(),
  directions: localized("directions").notNull(),
  accessibility: localized("accessibility").notNull(),
  openingHours: localized("opening_hours").notNull(),
  archivedAt: timestamp("archived_at"),
  createdAt: createdAt(),
});

export const sessionKinds = ["drop_in", "group", "info_evening", "codevelopment"] as const;
export type SessionKind = (typeof sessionKinds)[number];

/**
 * A group is a series of meetings booked as one: its capacity is shared by
 * all its meetings, and a booking of the group takes a seat in each.
 */
export const sessionGroups = sqliteTable("session_groups", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  placeId: integer("place_id")
    .notNull()
    .references(() => places.id),
  title: localized("title").notNull(),
  description: localized("description").notNull(),
  capacity: integer("capacity").notNull(),
  maxPartySize: integer("max_party_size").notNull().default(4),
  status: text("status", { enum: ["scheduled", "cancelled"] })
    .notNull()
    .default("scheduled"),
  createdAt: createdAt(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    placeId: integer("place_id")
      .notNull()
      .references(() => places.id),
    groupId: integer("group_id").references(() => sessionGroups.id),
    kind: text("kind", { enum: sessionKinds }).notNull(),
    startsAt: timestamp("starts_at").notNull(),
    endsAt: timestamp("ends_at").notNull(),
    title: localized("title").notNull(),
    description: localized("description").notNull(),
    /** ISO 639-1 codes of the languages spoken at the session. */
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull(),
    audience: localized("audience"),
    /** Null for sessions without booking (drop-ins); groups use the group's capacity. */
    capacity: integer("capacity"),
    maxPartySize: integer("max_party_size").notNull().default(4),
    status: text("status", { enum: ["scheduled", "cancelled"] })
      .notNull()
      .default("scheduled"),
    createdAt: createdAt(),
  },
  (t) => [
    index("sessions_starts_at").on(t.startsAt),
    index("sessions_place_starts_at").on(t.placeId, t.startsAt),
    index("sessions_group").on(t.groupId),
    check("sessions_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const bookingStatuses = ["confirmed", "waitlisted", "cancelled"] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/**
 * A seat, or a party of seats, in one session or in a whole group. Exactly one
 * of sessionId and groupId is set. The waiting list is ordered by id.
 */
export const bookings = sqliteTable(
  "bookings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sessionId: integer("session_id").references(() => sessions.id),
    groupId: integer("group_id").references(() => sessionGroups.id),
    code: text("code").notNull().unique(),
    /** SHA-256 of the manage token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    nickname: text("nickname"),
    partySize: integer("party_size").notNull(),
    email: text("email"),
    locale: text("locale", { enum: ["fi", "sv", "en"] }).notNull(),
    interpreterLanguage: text("interpreter_language"),
    accessibilityNeeds: text("accessibility_needs"),
    childcare: integer("childcare", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: bookingStatuses }).notNull(),
    createdAt: createdAt(),
    confirmedAt: timestamp("confirmed_at"),
    cancelledAt: timestamp("cancelled_at"),
    /** Set when the retention job removed the e-mail address. */
    emailErasedAt: timestamp("email_erased_at"),
  },
  (t) => [
    // Covering: the seats taken are summed from the index alone, however many bookings there are.
    index("bookings_session_seats").on(t.sessionId, t.status, t.partySize),
    index("bookings_group_seats").on(t.groupId, t.status, t.partySize),
    check("bookings_one_target", sql`(${t.sessionId} IS NULL) <> (${t.groupId} IS NULL)`),
    check("bookings_party_size", sql`${t.partySize} >= 1`),
  ],
);

export const outboxKinds = ["booking_confirmed", "booking_waitlisted", "booking_promoted", "booking_reminder"] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/**
 * Messages waiting to be sent. Written in the same transaction as the change
 * they tell about, and sent by a background loop with retries.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: outboxKinds }).notNull(),
    bookingId: integer("booking_id").references(() => bookings.id),
    recipient: text("recipient"),
    /**
     * Only messages that carry a secret (the manage link) are rendered when
     * queued; the body is cleared once sent. The others are rendered at send
     * time from the booking, so they never tell an outdated time.
     */
    subject: text("subject"),
    textBody: text("text_body"),
    notBefore: timestamp("not_before").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    sentAt: timestamp("sent_at"),
    /** Set when the message will never be sent (booking cancelled, address erased). */
    droppedAt: timestamp("dropped_at"),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_due").on(t.sentAt, t.droppedAt, t.nextAttemptAt), index("outbox_booking").on(t.bookingId)],
);
