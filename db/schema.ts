import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { referralChannels } from "./vocabulary";

/** Text a parent reads, in each of the three languages. */
export type Localized = { fi: string; sv: string; en: string };

const localized = (name: string) => text(name, { mode: "json" }).$type<Localized>();
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/**
 * A wellbeing services county (hyvinvointialue / välfärdsområde): the public
 * body whose services the parents of its meeting places use. It holds the
 * routes a parent with a concern is shown (its social welfare ombudsman, its
 * emergency social services) and whom a concern is handed over to (its
 * client-safety contact). Empty fields are "not set yet": the parents' pages
 * leave them out, the planners' pages ask for them.
 */
export const counties = sqliteTable("counties", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: localized("name").notNull(),
  /** The social welfare ombudsman (sosiaaliasiavastaava). */
  ombudsmanName: text("ombudsman_name"),
  ombudsmanPhone: text("ombudsman_phone"),
  ombudsmanEmail: text("ombudsman_email"),
  ombudsmanUrl: text("ombudsman_url"),
  /** Emergency social services (sosiaalipäivystys): urgent child-protection matters, day and night. */
  emergencyPhone: text("emergency_phone"),
  /** Who receives a concern the parent allowed to be handed over (the county's client-safety team). */
  clientSafetyEmail: text("client_safety_email"),
  clientSafetyName: text("client_safety_name"),
  updatedAt: timestamp("updated_at"),
  createdAt: createdAt(),
});

export const places = sqliteTable("places", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /**
   * The county the place belongs to. Nullable in SQLite only because a NOT NULL
   * column cannot be added to a table with rows without rebuilding it (which
   * the migrator's transaction cannot do with foreign keys on); every write
   * path requires it (lib/schedule/schemas.ts) and migration 0012 gave every
   * existing place one.
   */
  countyId: integer("county_id").references(() => counties.id),
  streetAddress: text("street_address").notNull(),
  postalCode: text("postal_code").notNull(),
  city: text("city").notNull(),
  /**
   * The Swedish name and address where the place has them (Dickursby, Stationsvägen
   * 10 B, Vanda), shown on the Swedish pages; empty means the Finnish one is used in Swedish too.
   */
  nameSv: text("name_sv"),
  streetAddressSv: text("street_address_sv"),
  citySv: text("city_sv"),
  directions: localized("directions").notNull(),
  accessibility: localized("accessibility").notNull(),
  openingHours: localized("opening_hours").notNull(),
  /** How a parent reaches the place (shown on its page): set by planners. */
  contactPhone: text("contact_phone"),
  contactEmail: text("contact_email"),
  /**
   * How many people the room holds (set by planners). The door counts at most this many
   * walk-ins, plus the session's seats, at one session: figures for the funder stay facts.
   */
  roomSize: integer("room_size").notNull().default(30),
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
    seriesId: integer("series_id").references(() => series.id),
    kind: text("kind", { enum: sessionKinds }).notNull(),
    startsAt: timestamp("starts_at").notNull(),
    endsAt: timestamp("ends_at").notNull(),
    title: localized("title").notNull(),
    description: localized("description").notNull(),
    /** ISO 639-1 codes of the languages spoken at the session. */
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull(),
    audience: localized("audience"),
    /** A session for professionals (a training, an info session for workers): their own feedback form is offered first. */
    forProfessionals: integer("for_professionals", { mode: "boolean" }).notNull().default(false),
    /** Null for sessions without booking (drop-ins); groups use the group's capacity. */
    capacity: integer("capacity"),
    maxPartySize: integer("max_party_size").notNull().default(4),
    status: text("status", { enum: ["scheduled", "cancelled"] })
      .notNull()
      .default("scheduled"),
    /** When a planner last moved it to another time: the parents' booking pages say so. */
    movedAt: timestamp("moved_at"),
    /** Set when the facilitator closes the session at the door. */
    closedAt: timestamp("closed_at"),
    closedBy: text("closed_by").references(() => users.id),
    /** A note about the session; the form warns that it must not identify anyone. */
    closingNote: text("closing_note"),
    /** Set at closing: the session's parents with a visitor code who had answered feedback within the quiet period, so were not asked. */
    feedbackNotAsked: integer("feedback_not_asked"),
    createdAt: createdAt(),
  },
  (t) => [
    index("sessions_series").on(t.seriesId),
    index("sessions_starts_at").on(t.startsAt),
    index("sessions_place_starts_at").on(t.placeId, t.startsAt),
    index("sessions_group").on(t.groupId),
    check("sessions_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export { referralChannels, type ReferralChannel } from "./vocabulary";

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
    /** A mobile number in E.164 (+358401234567), for text messages instead of or besides e-mail; erased with the e-mail. */
    phone: text("phone"),
    locale: text("locale", { enum: ["fi", "sv", "en"] }).notNull(),
    interpreterLanguage: text("interpreter_language"),
    accessibilityNeeds: text("accessibility_needs"),
    childcare: integer("childcare", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: bookingStatuses }).notNull(),
    /** The parent's pseudonymous visitor code, when they have one: reach then counts them once. */
    visitorCode: text("visitor_code").references(() => visitorCodes.code),
    /** "How did you hear of Kohtaamo?", when answered: copied to the visits at check-in. */
    heardFrom: text("heard_from", { enum: referralChannels }),
    createdAt: createdAt(),
    confirmedAt: timestamp("confirmed_at"),
    cancelledAt: timestamp("cancelled_at"),
    /** Set when the retention job removed the e-mail address (and the phone number with it). */
    emailErasedAt: timestamp("email_erased_at"),
    /** Set when the nickname, needs and e-mail were erased (by the retention job or by the parent). */
    detailsErasedAt: timestamp("details_erased_at"),
  },
  (t) => [
    // Covering: the seats taken are summed from the index alone, however many bookings there are.
    index("bookings_session_seats").on(t.sessionId, t.status, t.partySize),
    index("bookings_group_seats").on(t.groupId, t.status, t.partySize),
    check("bookings_one_target", sql`(${t.sessionId} IS NULL) <> (${t.groupId} IS NULL)`),
    check("bookings_party_size", sql`${t.partySize} >= 1`),
  ],
);

export const outboxKinds = [
  "booking_confirmed",
  "booking_waitlisted",
  "booking_promoted",
  "booking_reminder",
  "session_cancelled",
  "session_moved",
  "staff_sign_in",
  "staff_invite",
  "feedback_invite",
  "development_confirm",
  "development_renewal",
  "panel_invite",
  "concern_notice",
  "concern_handover",
  "booking_cancelled",
  "manage_links",
] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/** How a queued message goes out: e-mail over SMTP, or a text message through the SMS provider. */
export const outboxChannels = ["email", "sms"] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

/**
 * Messages waiting to be sent. Written in the same transaction as the change
 * they tell about, and sent by a background loop with retries.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: outboxKinds }).notNull(),
    channel: text("channel", { enum: outboxChannels }).notNull().default("email"),
    bookingId: integer("booking_id").references(() => bookings.id),
    /** An e-mail address, or for a text message an E.164 phone number. */
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
  (t) => [
    index("outbox_due").on(t.sentAt, t.droppedAt, t.nextAttemptAt),
    index("outbox_booking").on(t.bookingId),
    // The daily cap counts the text messages sent to one number today.
    index("outbox_sms_sent").on(t.channel, t.recipient, t.sentAt),
  ],
);

// ---------------------------------------------------------------- staff

export const staffRoles = ["facilitator", "planner", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

/**
 * Staff who sign in (by e-mail link). The first five columns are the ones
 * Auth.js's Drizzle adapter knows; parents never have a row here.
 */
export const users = sqliteTable("users", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("email_verified"),
  image: text("image"),
  role: text("role", { enum: staffRoles }).notNull().default("facilitator"),
  locale: text("locale", { enum: ["fi", "sv", "en"] })
    .notNull()
    .default("fi"),
  deactivatedAt: timestamp("deactivated_at"),
  invitedBy: text("invited_by"),
  /** Optional mobile number (E.164) for the neutral concern notice by text message; erased when the person is deactivated. */
  phone: text("phone"),
  createdAt: createdAt(),
});

/**
 * Planners (and admins) responsible for a place's concerns: they get the
 * notice of a new one. A place with nobody set notifies every planner and admin.
 */
export const placePlanners = sqliteTable(
  "place_planners",
  {
    placeId: integer("place_id")
      .notNull()
      .references(() => places.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.userId] }), index("place_planners_user").on(t.userId)],
);

export const accounts = sqliteTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<"email" | "oauth" | "oidc" | "webauthn">().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** Signed-in staff sessions (Auth.js "sessions"; named so they are not confused with meeting sessions). */
export const authSessions = sqliteTable("auth_sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires").notNull(),
});

export const verificationTokens = sqliteTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** Who runs a session. A facilitator may act only on sessions listed here. */
export const sessionFacilitators = sqliteTable(
  "session_facilitators",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** The experience expert's hours for this session when they differ from its scheduled length (it ran long); null: as scheduled. */
    minutes: integer("minutes"),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("session_facilitators_user").on(t.userId)],
);

/**
 * Staff access to personal data and changes to who may see it: who, what,
 * when. The actor is null for the app's own jobs (a retention run).
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: text("actor_id").references(() => users.id),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    /** What else the entry needs to be read: a new role, the rows a retention run erased. */
    detail: text("detail", { mode: "json" }).$type<Record<string, string | number>>(),
    at: createdAt(),
  },
  (t) => [
    index("audit_log_subject").on(t.subjectType, t.subjectId),
    index("audit_log_actor").on(t.actorId, t.at),
    index("audit_log_action").on(t.action, t.at),
    index("audit_log_at").on(t.at),
  ],
);

// ---------------------------------------------------------------- schedule

/**
 * A weekly rule that created sessions: weekday and wall-clock times in
 * Helsinki, a date range and dates to skip. Its sessions are ordinary rows.
 */
export const series = sqliteTable("series", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  placeId: integer("place_id")
    .notNull()
    .references(() => places.id),
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: integer("weekday").notNull(),
  /** "HH:MM" in Europe/Helsinki. */
  startTime: text("start_time").notNull(),
  endTime: text("end_time").notNull(),
  /** "YYYY-MM-DD" dates in Europe/Helsinki, inclusive. */
  fromDate: text("from_date").notNull(),
  toDate: text("to_date").notNull(),
  skipDates: text("skip_dates", { mode: "json" }).$type<string[]>().notNull(),
  createdBy: text("created_by").references(() => users.id),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------- attendance

/**
 * A pseudonymous code a parent may keep and show at later visits, so reach
 * counts them once. It carries no personal data.
 */
export const visitorCodes = sqliteTable("visitor_codes", {
  code: text("code").primaryKey(),
  createdAt: createdAt(),
});

export const visitKinds = ["parent", "professional", "other"] as const;
export type VisitKind = (typeof visitKinds)[number];

/**
 * One person attending one session: a walk-in tap, a visitor code shown at
 * the door, or one seat of a checked-in booking. Every figure counts these.
 */
export const visits = sqliteTable(
  "visits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id),
    kind: text("kind", { enum: visitKinds }).notNull(),
    source: text("source", { enum: ["walk_in", "booking", "code"] }).notNull(),
    /** For a parent without a code: "first time here?". Null when not asked or not a parent. */
    firstTime: integer("first_time", { mode: "boolean" }),
    visitorCode: text("visitor_code").references(() => visitorCodes.code),
    bookingId: integer("booking_id").references(() => bookings.id),
    /** How a new parent heard of Kohtaamo: from their booking, or one tap at the door next to a first-time walk-in. */
    heardFrom: text("heard_from", { enum: referralChannels }),
    /**
     * Made by the device for each tap: a retried tap carries the same key and
     * is recorded once, however often it reaches the server. A booking's seats
     * have keys the server forms ("booking:{id}:{session}:{seat}", read by the
     * reach summaries); a device's key may not contain ":", so it can never be one.
     */
    clientKey: text("client_key").notNull(),
    recordedBy: text("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // Unique per session: a key from one session's door can never reach a visit of another.
    uniqueIndex("visits_session_client_key").on(t.sessionId, t.clientKey),
    index("visits_session").on(t.sessionId, t.kind),
    index("visits_code").on(t.visitorCode),
    index("visits_booking").on(t.bookingId),
  ],
);

/** Whether a booking came to one meeting (a group's booking has one row per meeting). */
export const attendance = sqliteTable(
  "attendance",
  {
    bookingId: integer("booking_id")
      .notNull()
      .references(() => bookings.id),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id),
    status: text("status", { enum: ["attended", "no_show"] }).notNull(),
    recordedBy: text("recorded_by").references(() => users.id),
    at: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.sessionId] }), index("attendance_session").on(t.sessionId)],
);

// ---------------------------------------------------------------- feedback

/**
 * The link a session's feedback form is reached by (the QR code at the door,
 * the follow-up e-mail). Random, so nobody can post feedback to any session,
 * and it stops working after a while.
 */
export const feedbackLinks = sqliteTable(
  "feedback_links",
  {
    key: text("key").primaryKey(),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id),
    expiresAt: timestamp("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("feedback_links_session").on(t.sessionId)],
);

export const answers = ["yes", "no", "cant_say"] as const;
export type Answer = (typeof answers)[number];
/** Where a parent answered: their own phone (the QR code, the e-mail) or the meeting place's tablet handed to them (the kiosk). */
export const feedbackChannels = ["own_device", "kiosk"] as const;
export type FeedbackChannel = (typeof feedbackChannels)[number];

/** One anonymous answer to a session's feedback form. No name or contact is stored here. */
export const feedbackResponses = sqliteTable(
  "feedback_responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id),
    /** 1 (very unhappy) … 4 (very happy): four faces, no neutral middle. */
    rating: integer("rating"),
    gotInformation: text("got_information", { enum: answers }),
    lessAlone: text("less_alone", { enum: answers }),
    wouldReturn: text("would_return", { enum: answers }),
    comment: text("comment"),
    locale: text("locale", { enum: ["fi", "sv", "en"] }).notNull(),
    /** A hash of a random cookie: one answer per device per session, without knowing the device. */
    deviceHash: text("device_hash").notNull(),
    /** The kiosk's answers are one per kiosk turn (device_hash is then of the turn, see lib/feedback/kiosk.ts). */
    channel: text("channel", { enum: feedbackChannels }).notNull().default("own_device"),
    handledAt: timestamp("handled_at"),
    handledBy: text("handled_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("feedback_one_per_device").on(t.sessionId, t.deviceHash),
    index("feedback_created").on(t.createdAt),
    check("feedback_rating", sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 4`),
  ],
);

/**
 * Feedback without fatigue: a parent who gave their visitor code with an
 * answer is not asked again until `until`. Only a keyed HMAC of the code is
 * kept (never the code, never a link to the answer), with the Helsinki day
 * the quiet period ends; the retention job deletes the row then. WITHOUT
 * ROWID (appended to the migration by hand): no insertion order to line up
 * with the answers'.
 */
export const feedbackQuiet = sqliteTable("feedback_quiet", {
  marker: text("marker").primaryKey(),
  until: timestamp("until").notNull(),
});

/**
 * What one recipient has been sent today, for the daily caps (lib/mail/daily-share.ts):
 * `texts_sent`, the text messages a number was sent (SMS_DAILY_CAP, counted at
 * sending); `unasked`, the confirmations and offers anyone could make us send
 * by typing an address or a number (MESSAGES_PER_RECIPIENT_DAY, counted when
 * queued, in the booking's transaction). Kept apart from the outbox so that
 * "Delete my details" (which blanks the outbox's recipient) cannot reset a
 * count. Only a keyed HMAC of the address or number and the Helsinki day
 * number; the retention job deletes a day's rows once the day is over.
 */
export const dailyShareRules = ["texts_sent", "unasked"] as const;
export type DailyShareRule = (typeof dailyShareRules)[number];
export const recipientDaily = sqliteTable(
  "recipient_daily",
  {
    marker: text("marker").notNull(),
    rule: text("rule", { enum: dailyShareRules }).notNull(),
    day: integer("day").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.marker, t.rule, t.day] })],
);

/**
 * One professional's anonymous answer (the professionals' own form, through
 * the same feedback link): what they learned about client participation and
 * what they will change in their work. Read side by side with the parents'.
 */
export const professionalFeedback = sqliteTable(
  "professional_feedback",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id),
    /** "I learned something about client participation." */
    learned: text("learned", { enum: answers }),
    learnedText: text("learned_text"),
    /** "What will you change in your work?" */
    willChange: text("will_change"),
    comment: text("comment"),
    locale: text("locale", { enum: ["fi", "sv", "en"] }).notNull(),
    deviceHash: text("device_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("professional_feedback_one_per_device").on(t.sessionId, t.deviceHash), index("professional_feedback_session").on(t.sessionId)],
);

/** new: nobody has answered yet; taken: a planner owns it; contacted: the parent has been contacted; resolved. */
export const concernStatuses = ["new", "taken", "contacted", "resolved"] as const;
export type ConcernStatus = (typeof concernStatuses)[number];
export const handoverConsents = ["anonymous", "with_contact"] as const;
export type HandoverConsent = (typeof handoverConsents)[number];

/**
 * "I want to raise a concern about how I or my child have been treated":
 * kept apart from the anonymous answers, with contact details only when the
 * parent chose to give them.
 */
export const concerns = sqliteTable(
  "concerns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sessionId: integer("session_id").references(() => sessions.id),
    text: text("text").notNull(),
    contact: text("contact"),
    locale: text("locale", { enum: ["fi", "sv", "en"] }).notNull(),
    status: text("status", { enum: concernStatuses }).notNull().default("new"),
    /** The Helsinki day only (its midnight): a time to the millisecond would tie the concern to its answer. */
    createdAt: createdAt(),
    /** The last recorded action. (Was mapped onto created_at by mistake, so an action rewrote the creation date.) */
    updatedAt: timestamp("updated_at"),
    resolvedAt: timestamp("resolved_at"),
    /** Set when the retention job removed the contact details. */
    contactErasedAt: timestamp("contact_erased_at"),
    /** The planner who took it, or was assigned it. */
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** The Helsinki midnight of the last working day for a first response (lib/feedback/concern-clock.ts). */
    dueAt: timestamp("due_at"),
    /** When it first left "new" (taken, contacted or resolved): the first response. */
    firstResponseAt: timestamp("first_response_at"),
    /** The Helsinki day number on which an overdue notice last went out: at most one a working day. */
    renotifiedDay: integer("renotified_day"),
    /**
     * What the parent allowed on the form: the concern may be handed over to the
     * county's client-safety team without their contact details ("anonymous"), or
     * with them ("with_contact", offered only when a contact was given); null: not at all.
     */
    handoverConsent: text("handover_consent", { enum: handoverConsents }),
  },
  (t) => [index("concerns_status").on(t.status, t.createdAt)],
);

/** What was done about a concern, by whom and when. */
export const concernActions = sqliteTable("concern_actions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  concernId: integer("concern_id")
    .notNull()
    .references(() => concerns.id),
  actorId: text("actor_id")
    .notNull()
    .references(() => users.id),
  note: text("note").notNull(),
  status: text("status", { enum: concernStatuses }).notNull(),
  at: createdAt(),
});

/**
 * A concern handed over to its county's client-safety contact, as an
 * anonymised report: by a neutral e-mail with a link (only the link token's
 * hash is kept, and retention clears it once expired), or printed. The
 * county's acknowledgement is recorded on the same row.
 */
export const concernHandovers = sqliteTable(
  "concern_handovers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    concernId: integer("concern_id")
      .notNull()
      .references(() => concerns.id),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    method: text("method", { enum: ["email", "print"] }).notNull(),
    /** Where the e-mail went (the county's client-safety address at the time). */
    sentTo: text("sent_to"),
    /** The report includes the parent's contact: only when the parent allowed that too. */
    withContact: integer("with_contact", { mode: "boolean" }).notNull().default(false),
    tokenHash: text("token_hash"),
    expiresAt: timestamp("expires_at"),
    handedBy: text("handed_by")
      .notNull()
      .references(() => users.id),
    handedAt: timestamp("handed_at").notNull(),
    acknowledgedAt: timestamp("acknowledged_at"),
  },
  (t) => [uniqueIndex("concern_handovers_token").on(t.tokenHash), index("concern_handovers_concern").on(t.concernId)],
);

/** "You said, we did": published back to parents, per meeting place or for the whole service (no place). */
export const youSaidWeDid = sqliteTable("you_said_we_did", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  placeId: integer("place_id").references(() => places.id),
  said: localized("said").notNull(),
  did: localized("did").notNull(),
  publishedAt: timestamp("published_at"),
  createdBy: text("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------- organisation

/**
 * Who runs this Kohtaamo, as the first admin sets it on the first-run page.
 * One row (id 1); until it exists, the configuration's ORGANISATION_* values
 * stand in (see lib/organisation). The ombudsman is each county's (counties).
 */
export const organisation = sqliteTable("organisation", {
  id: integer("id").primaryKey(),
  name: text("name").notNull(),
  contact: text("contact").notNull(),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at").notNull(),
});

// ---------------------------------------------------------------- reach
// Summaries for the reach dashboard, so its figures stay fast at national
// scale. Derived data only: written by lib/reach/refresh.ts and nothing else.
// Triggers (migration 0003_reach) put the id of every session whose visits,
// bookings, attendance, feedback or own row changed into reach_dirty; the
// next reading of the figures rebuilds those sessions' rows first, so the
// summaries are never stale when read.

/** Sessions whose summary rows must be rebuilt before the next reading. */
export const reachDirty = sqliteTable("reach_dirty", {
  sessionId: integer("session_id").primaryKey(),
});

/**
 * One row per session: what the dashboard adds up. `day` is the Helsinki
 * calendar date of the start as days since 1970-01-01, `month` the Helsinki
 * month as year * 12 + month index: periods and buckets compare plain integers.
 */
export const reachSessions = sqliteTable(
  "reach_sessions",
  {
    sessionId: integer("session_id").primaryKey(),
    placeId: integer("place_id").notNull(),
    kind: text("kind", { enum: sessionKinds }).notNull(),
    status: text("status", { enum: ["scheduled", "cancelled"] }).notNull(),
    startsAt: integer("starts_at").notNull(),
    day: integer("day").notNull(),
    month: integer("month").notNull(),
    /** The session's own capacity, or its group's; null when nobody books it. */
    capacity: integer("capacity"),
    bookedSeats: integer("booked_seats").notNull(),
    /** Bookings confirmed when the session started (later cancellations included). */
    confirmedBookings: integer("confirmed_bookings").notNull(),
    noShows: integer("no_shows").notNull(),
    visits: integer("visits").notNull(),
    parents: integer("parents").notNull(),
    professionals: integer("professionals").notNull(),
    others: integer("others").notNull(),
    /** Seats of checked-in bookings. */
    bookedVisits: integer("booked_visits").notNull(),
    walkInParents: integer("walk_in_parents").notNull(),
    /** Parents without a code or booking, by their answer to "first time here?". */
    anonFirst: integer("anon_first").notNull(),
    anonReturning: integer("anon_returning").notNull(),
    anonUnknown: integer("anon_unknown").notNull(),
    responses: integer("responses").notNull(),
    rating1: integer("rating_1").notNull(),
    rating2: integer("rating_2").notNull(),
    rating3: integer("rating_3").notNull(),
    rating4: integer("rating_4").notNull(),
    infoYes: integer("info_yes").notNull(),
    infoAnswered: integer("info_answered").notNull(),
    aloneYes: integer("alone_yes").notNull(),
    aloneAnswered: integer("alone_answered").notNull(),
    returnYes: integer("return_yes").notNull(),
    returnAnswered: integer("return_answered").notNull(),
    /** Parents not asked for feedback (sessions.feedback_not_asked): the response rate is over the parents asked. */
    notAsked: integer("not_asked").notNull().default(0),
    /**
     * Known parents' visits (rows of reach_person_visits), and how many of them
     * were the person's first visit in each grouping (first*) and first in the
     * month (monthFirst*). When no visit precedes a period, as for the whole
     * project, distinct parents are sums of these and no visit row is read.
     */
    known: integer("known").notNull().default(0),
    firstAll: integer("first_all").notNull().default(0),
    firstPlace: integer("first_place").notNull().default(0),
    firstKind: integer("first_kind").notNull().default(0),
    firstPlaceKind: integer("first_place_kind").notNull().default(0),
    firstCounty: integer("first_county").notNull().default(0),
    firstCountyKind: integer("first_county_kind").notNull().default(0),
    monthFirstAll: integer("month_first_all").notNull().default(0),
    monthFirstPlace: integer("month_first_place").notNull().default(0),
    monthFirstKind: integer("month_first_kind").notNull().default(0),
    monthFirstPlaceKind: integer("month_first_place_kind").notNull().default(0),
    monthFirstCounty: integer("month_first_county").notNull().default(0),
    monthFirstCountyKind: integer("month_first_county_kind").notNull().default(0),
  },
  (t) => [index("reach_sessions_month").on(t.month, t.placeId, t.kind, t.day)],
);

/**
 * One row per visit of a known parent (a visitor code, or a seat of a booking
 * without one), under the person it counts as. Distinct parents become plain
 * sums: a row counts for a period when the same person's previous visit in the
 * same grouping (anywhere, at this place, of this kind, ...) came before the
 * period starts. `prev*Day` / `prev*Month` hold that previous visit's day and
 * month (null: none before). A null `prevDay` marks the person's first visit ever.
 */
export const reachPersonVisits = sqliteTable(
  "reach_person_visits",
  {
    visitId: integer("visit_id").primaryKey(),
    sessionId: integer("session_id").notNull(),
    person: text("person").notNull(),
    startsAt: integer("starts_at").notNull(),
    day: integer("day").notNull(),
    month: integer("month").notNull(),
    placeId: integer("place_id").notNull(),
    kind: text("kind", { enum: sessionKinds }).notNull(),
    /** The visit's "how did you hear" (visits.heard_from): counted when this is the person's first visit ever. */
    channel: text("channel", { enum: referralChannels }),
    prevDay: integer("prev_day"),
    prevMonth: integer("prev_month"),
    prevPlaceDay: integer("prev_place_day"),
    prevPlaceMonth: integer("prev_place_month"),
    prevKindDay: integer("prev_kind_day"),
    prevKindMonth: integer("prev_kind_month"),
    prevPlaceKindDay: integer("prev_place_kind_day"),
    prevPlaceKindMonth: integer("prev_place_kind_month"),
    prevCountyDay: integer("prev_county_day"),
    prevCountyMonth: integer("prev_county_month"),
    prevCountyKindDay: integer("prev_county_kind_day"),
    prevCountyKindMonth: integer("prev_county_kind_month"),
  },
  (t) => [
    index("reach_person_visits_person").on(t.person, t.startsAt, t.visitId),
    index("reach_person_visits_session").on(t.sessionId),
    // Covering: the dashboard's one pass over these rows never touches the table.
    index("reach_person_visits_month").on(
      t.month,
      t.placeId,
      t.kind,
      t.day,
      t.prevDay,
      t.prevMonth,
      t.prevPlaceDay,
      t.prevPlaceMonth,
      t.prevKindDay,
      t.prevKindMonth,
      t.prevPlaceKindDay,
      t.prevPlaceKindMonth,
      t.prevCountyDay,
      t.prevCountyMonth,
      t.prevCountyKindDay,
      t.prevCountyKindMonth,
    ),
  ],
);

/** Anonymous first-time walk-ins of a session by how they heard of Kohtaamo (only channels someone answered). */
export const reachSessionChannels = sqliteTable(
  "reach_session_channels",
  {
    sessionId: integer("session_id").notNull(),
    channel: text("channel", { enum: referralChannels }).notNull(),
    anonFirst: integer("anon_first").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.channel] })],
);

// ---------------------------------------------------------------- development clients

/**
 * Parents who offered, after giving feedback, to take part in developing the
 * service (kehittäjäasiakkaat, client panels). Kept apart from every answer:
 * only the day of consent is stored, never the time or the session. Explicit
 * consent, and its own deletion date: a year on, renewable by the parent from
 * the link in a yearly e-mail (the token only as a hash); the retention job
 * deletes the row when the date passes.
 */
export const developmentClients = sqliteTable("development_clients", {
  /**
   * Random (lib/development/writes.ts), not AUTOINCREMENT: an id in order of
   * arrival would line an offer up with the feedback answer given just before.
   */
  id: integer("id").primaryKey(),
  email: text("email").notNull(),
  /** ISO 639-1 codes, and any other language as the parent wrote it. */
  languages: text("languages", { mode: "json" }).$type<string[]>().notNull(),
  locale: text("locale", { enum: ["fi", "sv", "en"] }).notNull(),
  /** SHA-256 of the token in the confirmation and renewal links. */
  tokenHash: text("token_hash").notNull().unique(),
  /** The first day of the Helsinki month of consent (its midnight): a month, not a day, for the same reason as the id. */
  consentedOn: timestamp("consented_on").notNull(),
  /** Null while the offer waits for the link in the confirmation e-mail (double opt-in); then the month, like consentedOn. */
  confirmedOn: timestamp("confirmed_on"),
  /** A week on while pending; once confirmed, the start of the Helsinki month 13 months after confirmation. */
  deleteAfter: timestamp("delete_after").notNull(),
  renewedOn: timestamp("renewed_on"),
});

/** Who was invited to which panel meeting (a codevelopment session): so nobody is invited twice. */
export const panelInvitations = sqliteTable(
  "panel_invitations",
  {
    clientId: integer("client_id")
      .notNull()
      .references(() => developmentClients.id, { onDelete: "cascade" }),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id),
    invitedBy: text("invited_by").references(() => users.id),
    at: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.sessionId] })],
);
