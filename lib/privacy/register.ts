/*
 * What personal data Kohtaamo holds, why, on what legal basis, and when it
 * goes: one table, read by the privacy page (app/[locale]/privacy), by the
 * deletion job's periods (retentionPeriods, used by lib/server/boot.ts for
 * runRetention in ./retention.ts), and by the organisation's own records.
 * register.test.ts reads every column of db/schema.ts: each is either in an
 * entry below or in `notPersonal` with a reason, so a new column must be
 * classified before it can be committed.
 *
 * Legal bases (GDPR art. 6(1)), decided per purpose:
 * - (a) consent: everything a parent gives beyond the number of seats is
 *   optional and can be erased by the parent at once ("Delete my details
 *   now" on the booking's page), which is what withdrawing consent means here.
 *   The organisation is a registered association, not an authority, so (e)
 *   public task is not claimed even where STEA funds it.
 * - art. 9(2)(a) explicit consent, on top: accessibility needs are free text
 *   and may reveal health. The app never asks about health, a diagnosis or a
 *   child-protection case; being a client of child protection is not an
 *   art. 9 category, but it is treated as highly personal throughout
 *   (neutral subjects and sender, no names at the door).
 * - (f) legitimate interests: the keyed markers that stop the service from
 *   being used to spam a number or to ask a parent twice, the anonymous
 *   counts and texts that show funders and the organisation what the service
 *   does, the audit log that shows who looked at personal data.
 * - (b) contract: staff's own details, for the work or volunteering they do.
 */
import type { Config } from "@/lib/config";

export type Basis = "consent" | "consentSpecial" | "legitimateInterests" | "contract";
export type Audience = "parents" | "staff";

/** The numbers the deletion job runs with, from the configuration: the page says these same numbers. */
export type RegisterPeriods = {
  retentionDays: number;
  concernContactDays: number;
  quietDays: number;
};

/** Fixed periods of other domains, repeated here so the privacy module imports no domain; register.test.ts keeps them equal. */
export const HANDOVER_LINK_DAYS = 14;
export const DEVELOPMENT_CONFIRM_DAYS = 7;

/** When an entry's data goes, in words the page renders from message keys under notice.retention. */
export type Retention =
  | { rule: "afterLastMeeting"; days: number }
  | { rule: "withBookingOrSent"; days: number }
  | { rule: "endOfDay" }
  | { rule: "quietPeriod"; days: number }
  | { rule: "afterConcernResolved"; days: number }
  | { rule: "linkExpiry"; days: number }
  | { rule: "consentYear"; confirmDays: number }
  | { rule: "keptAnonymous" }
  | { rule: "whileActive" }
  | { rule: "onDeactivation" }
  | { rule: "whenExpired" }
  | { rule: "keptForAudit" };

export type Entry = {
  /** Message key under notice.data (what it is, in the parent's words). */
  id: string;
  audience: Audience;
  /** Message key under notice.purposes. */
  purpose: string;
  basis: Basis;
  columns: Partial<Record<string, readonly string[]>>;
  retention: (p: RegisterPeriods) => Retention;
};

/** Kept by "who did this" columns across the schema: a staff member's id on what they did. */
const staffIds = {
  attendance: ["recorded_by"],
  visits: ["recorded_by"],
  concern_actions: ["actor_id"],
  concerns: ["owner_id"],
  concern_handovers: ["handed_by"],
  feedback_responses: ["handled_by"],
  sessions: ["closed_by"],
  series: ["created_by"],
  you_said_we_did: ["created_by"],
  organisation: ["updated_by"],
  panel_invitations: ["invited_by"],
  users: ["invited_by"],
  session_facilitators: ["user_id", "minutes"],
  place_planners: ["user_id"],
} as const;

export const register: readonly Entry[] = [
  {
    id: "booking",
    audience: "parents",
    purpose: "booking",
    basis: "consent",
    columns: { bookings: ["nickname", "email", "phone", "interpreter_language", "childcare"] },
    retention: (p) => ({ rule: "afterLastMeeting", days: p.retentionDays }),
  },
  {
    id: "accessibilityNeeds",
    audience: "parents",
    purpose: "booking",
    basis: "consentSpecial",
    columns: { bookings: ["accessibility_needs"] },
    retention: (p) => ({ rule: "afterLastMeeting", days: p.retentionDays }),
  },
  {
    id: "messages",
    audience: "parents",
    purpose: "messages",
    basis: "consent",
    columns: { outbox: ["recipient", "subject", "text_body", "last_error"] },
    retention: (p) => ({ rule: "withBookingOrSent", days: p.retentionDays }),
  },
  {
    id: "dailyMarker",
    audience: "parents",
    purpose: "misuse",
    basis: "legitimateInterests",
    columns: { recipient_daily: ["marker", "rule", "day", "count"] },
    retention: () => ({ rule: "endOfDay" }),
  },
  {
    id: "quietMarker",
    audience: "parents",
    purpose: "feedback",
    basis: "legitimateInterests",
    columns: { feedback_quiet: ["marker", "until"] },
    retention: (p) => ({ rule: "quietPeriod", days: p.quietDays }),
  },
  {
    id: "concernContact",
    audience: "parents",
    purpose: "concern",
    basis: "consent",
    columns: { concerns: ["contact", "handover_consent"] },
    retention: (p) => ({ rule: "afterConcernResolved", days: p.concernContactDays }),
  },
  {
    id: "handoverLink",
    audience: "parents",
    purpose: "concern",
    basis: "consent",
    columns: { concern_handovers: ["token_hash", "with_contact"] },
    retention: () => ({ rule: "linkExpiry", days: HANDOVER_LINK_DAYS }),
  },
  {
    id: "freeText",
    audience: "parents",
    purpose: "improve",
    basis: "legitimateInterests",
    columns: {
      concerns: ["text"],
      concern_actions: ["note"],
      feedback_responses: ["comment"],
      professional_feedback: ["comment", "learned_text"],
    },
    retention: () => ({ rule: "keptAnonymous" }),
  },
  {
    id: "visitorCode",
    audience: "parents",
    purpose: "figures",
    basis: "legitimateInterests",
    columns: { visitor_codes: ["code"], visits: ["visitor_code"], bookings: ["visitor_code"], reach_person_visits: ["person"] },
    retention: () => ({ rule: "keptAnonymous" }),
  },
  {
    id: "development",
    audience: "parents",
    purpose: "development",
    basis: "consent",
    columns: {
      development_clients: ["email", "languages", "locale", "token_hash", "consented_on", "confirmed_on", "delete_after", "renewed_on"],
      panel_invitations: ["client_id"],
    },
    retention: () => ({ rule: "consentYear", confirmDays: DEVELOPMENT_CONFIRM_DAYS }),
  },
  {
    id: "staffAccount",
    audience: "staff",
    purpose: "staffAccess",
    basis: "contract",
    columns: {
      users: ["name", "email", "email_verified", "image", "locale"],
      accounts: ["user_id", "provider_account_id", "refresh_token", "access_token", "id_token", "session_state"],
    },
    retention: () => ({ rule: "whileActive" }),
  },
  {
    id: "staffPhone",
    audience: "staff",
    purpose: "staffNotice",
    basis: "contract",
    columns: { users: ["phone"] },
    retention: () => ({ rule: "onDeactivation" }),
  },
  {
    id: "signIn",
    audience: "staff",
    purpose: "staffAccess",
    basis: "contract",
    columns: { auth_sessions: ["session_token", "user_id", "expires"], verification_tokens: ["identifier", "token", "expires"] },
    retention: () => ({ rule: "whenExpired" }),
  },
  {
    id: "staffActions",
    audience: "staff",
    purpose: "audit",
    basis: "legitimateInterests",
    columns: { ...staffIds, audit_log: ["actor_id", "subject_id", "detail"] },
    retention: () => ({ rule: "keptForAudit" }),
  },
];

/**
 * Columns that hold nothing about a person, with the reason. "*": the whole table, only for tables of
 * counts and links (register.test.ts refuses it on a table with a personal column). A column here must
 * really be impersonal: when in doubt, it belongs in the register.
 */
export const notPersonal: Record<string, { columns: "*" | readonly string[]; why: string }> = {
  counties: {
    columns: ["id", "name", "ombudsman_name", "ombudsman_phone", "ombudsman_email", "ombudsman_url", "emergency_phone", "client_safety_email", "client_safety_name", "updated_at", "created_at"],
    why: "public offices' names and numbers",
  },
  places: {
    columns: ["id", "slug", "name", "county_id", "street_address", "postal_code", "city", "name_sv", "street_address_sv", "city_sv", "directions", "accessibility", "opening_hours", "contact_phone", "contact_email", "room_size", "archived_at", "created_at"],
    why: "meeting places and their work contacts",
  },
  session_groups: { columns: "*", why: "groups as published" },
  sessions: {
    columns: ["id", "place_id", "group_id", "series_id", "kind", "starts_at", "ends_at", "title", "description", "languages", "audience", "for_professionals", "capacity", "max_party_size", "status", "moved_at", "closed_at", "closing_note", "feedback_not_asked", "created_at"],
    why: "sessions as published; the closing note is about the session",
  },
  series: {
    columns: ["id", "place_id", "weekday", "start_time", "end_time", "from_date", "to_date", "skip_dates", "created_at"],
    why: "weekly opening hours",
  },
  reach_dirty: { columns: "*", why: "which sessions' figures to recount" },
  reach_sessions: { columns: "*", why: "counts per session" },
  reach_session_channels: { columns: "*", why: "counts of how people heard of the service" },
  reach_person_visits: {
    columns: ["visit_id", "session_id", "starts_at", "day", "month", "place_id", "kind", "channel", "prev_day", "prev_month", "prev_place_day", "prev_place_month", "prev_kind_day", "prev_kind_month", "prev_place_kind_day", "prev_place_kind_month", "prev_county_day", "prev_county_month", "prev_county_kind_day", "prev_county_kind_month"],
    why: "a visit's day, place and kind",
  },
  feedback_links: { columns: "*", why: "a session's feedback link" },
  you_said_we_did: {
    columns: ["id", "place_id", "said", "did", "published_at", "created_at"],
    why: "published summaries of feedback, written without names",
  },
  organisation: {
    columns: ["id", "name", "contact", "updated_at"],
    why: "the organisation's name and contact",
  },
  outbox: { columns: ["id", "kind", "channel", "booking_id", "not_before", "attempts", "next_attempt_at", "sent_at", "dropped_at", "created_at"], why: "delivery state" },
  bookings: {
    columns: ["id", "session_id", "group_id", "code", "token_hash", "party_size", "locale", "status", "heard_from", "created_at", "confirmed_at", "cancelled_at", "email_erased_at", "details_erased_at"],
    why: "the seat, a random booking code and the kind of channel; with the details erased they point to no one",
  },
  attendance: { columns: ["booking_id", "session_id", "status", "created_at"], why: "whether a booked seat came" },
  visits: { columns: ["id", "session_id", "kind", "source", "first_time", "booking_id", "heard_from", "client_key", "created_at"], why: "one tap at the door: no name; client_key is made by the device per tap" },
  feedback_responses: {
    columns: ["id", "session_id", "rating", "got_information", "less_alone", "would_return", "locale", "device_hash", "handled_at", "created_at", "channel"],
    why: "anonymous answers; device_hash is a hash of a random cookie (or of the kiosk's turn), one answer per device; channel says only own phone or the meeting place's kiosk",
  },
  professional_feedback: { columns: ["id", "session_id", "learned", "will_change", "locale", "device_hash", "created_at"], why: "anonymous answers" },
  concerns: {
    columns: ["id", "session_id", "locale", "status", "created_at", "updated_at", "resolved_at", "contact_erased_at", "due_at", "first_response_at", "renotified_day"],
    why: "the concern's handling",
  },
  concern_actions: { columns: ["id", "concern_id", "status", "created_at"], why: "what was done, when" },
  concern_handovers: { columns: ["id", "concern_id", "county_id", "method", "sent_to", "expires_at", "handed_at", "acknowledged_at"], why: "the record of a hand-over; sent_to is the county's office" },
  development_clients: { columns: ["id"], why: "a row number" },
  visitor_codes: { columns: ["created_at"], why: "when a code was made" },
  panel_invitations: { columns: ["session_id", "created_at"], why: "which panel" },
  users: { columns: ["id", "role", "deactivated_at", "created_at"], why: "the account's role and state" },
  accounts: { columns: ["type", "provider", "expires_at", "token_type", "scope"], why: "the sign-in method" },
  audit_log: { columns: ["id", "action", "subject_type", "created_at"], why: "what kind of look or change, when" },
  session_facilitators: { columns: ["session_id"], why: "which session" },
  place_planners: { columns: ["place_id"], why: "which place" },
};

/** The deletion job's periods and the page's, from one reading of the configuration. */
export function retentionPeriods(c: Pick<Config, "EMAIL_RETENTION_DAYS" | "CONCERN_CONTACT_DAYS" | "FEEDBACK_QUIET_DAYS">): RegisterPeriods {
  return { retentionDays: c.EMAIL_RETENTION_DAYS, concernContactDays: c.CONCERN_CONTACT_DAYS, quietDays: c.FEEDBACK_QUIET_DAYS };
}

/** Who handles data for the organisation, as configured: the page names these, and nothing when a channel is off. */
export type Processor =
  | { kind: "mail"; host: string }
  | { kind: "mailLocal" }
  /** eu: GatewayAPI's EU endpoint (gatewayapi.eu), where the messages and their logs stay in the EU. */
  | { kind: "sms"; name: "GatewayAPI"; host: string; eu: boolean }
  | { kind: "smsNone" }
  | { kind: "hosting"; name: string | null };

export function processors(c: Pick<Config, "SMTP_URL" | "SMS_PROVIDER" | "SMS_API_URL" | "HOSTING_PROVIDER">): Processor[] {
  const list: Processor[] = [];
  list.push(c.SMTP_URL ? { kind: "mail", host: hostOf(c.SMTP_URL) } : { kind: "mailLocal" });
  const smsHost = hostOf(c.SMS_API_URL);
  list.push(c.SMS_PROVIDER === "gatewayapi" ? { kind: "sms", name: "GatewayAPI", host: smsHost, eu: smsHost === "gatewayapi.eu" } : { kind: "smsNone" });
  list.push({ kind: "hosting", name: c.HOSTING_PROVIDER ?? null });
  return list;
}

/** A URL's host alone: never the user name or password an SMTP_URL carries. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

/** Whether the app itself sends anything to a service it cannot place in the EU/EEA (the mail server is the organisation's choice). */
export function transfersKnownInEu(list: Processor[]): boolean {
  return list.every((p) => p.kind !== "sms" || p.eu);
}

/** The register's rows for one audience, with their retention worked out from the configured periods. */
export function registerRows(periods: RegisterPeriods, audience: Audience = "parents") {
  return register.filter((e) => e.audience === audience).map((e) => ({ id: e.id, purpose: e.purpose, basis: e.basis, retention: e.retention(periods) }));
}

/** Every legal basis the register uses for an audience, in the order of GDPR art. 6(1). */
export function basesOf(audience: Audience = "parents"): Basis[] {
  const order: Basis[] = ["consent", "consentSpecial", "contract", "legitimateInterests"];
  const used = new Set(register.filter((e) => e.audience === audience).map((e) => e.basis));
  return order.filter((b) => used.has(b));
}
