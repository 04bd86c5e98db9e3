/**
 * The one description of what crosses the API: rows sync_pull returns, the
 * mutations sync_push takes, and what the report calls answer. Client code,
 * tests and benchmarks all import from here; responses are parsed with these
 * schemas at the boundary so a server change fails loudly, not silently.
 *
 * zod/mini keeps the phone bundle small (tree-shakeable checks).
 */
import * as z from 'zod/mini';
import { RosterApplyResult, RosterDryRunResult, RosterMissing, type RosterRowInput } from './roster-types';

const uuid = z.string().check(z.uuid());
const isoTime = z.string();
const role = z.enum(['staff', 'manager', 'hr', 'admin']);
/** The languages content can be written and read in (a briefing's original, its translation, an ack's). */
export const CONTENT_LANGUAGES = ['en', 'es'] as const;
const contentLanguage = z.enum(CONTENT_LANGUAGES);
export type ContentLanguage = z.infer<typeof contentLanguage>;
/** A briefing's one translation: the other supported language's title and body, part of the version (and its hash). */
export const BriefingTranslation = z.object({ language: contentLanguage, title: z.string(), body: z.string() });
export type BriefingTranslation = z.infer<typeof BriefingTranslation>;
/** A values card's one translation: all its texts in the other supported language. */
export const ValueCardTranslation = z.object({
  language: contentLanguage,
  title: z.string(),
  statement: z.string(),
  on_the_floor: z.string(),
  examples: z.array(z.string()),
});
export type ValueCardTranslation = z.infer<typeof ValueCardTranslation>;

/** The most mutations one sync_push call takes (the server refuses more with batch_too_large). */
export const PUSH_BATCH_MAX = 500;

export const MemberProfile = z.object({
  member_id: uuid,
  user_id: uuid,
  display_name: z.string(),
  /** Null for people without an email (most frontline staff). */
  email: z.nullable(z.string()),
  role,
  locale: z.enum(['en', 'es']),
  organization: z.object({ id: uuid, name: z.string() }),
  store: z.nullable(z.object({ id: uuid, name: z.string(), time_zone: z.string() })),
  department: z.nullable(z.object({ id: uuid, name: z.string() })),
  managed_store_ids: z.array(uuid),
  answered_pulse_ids: z.array(uuid),
});
export type MemberProfile = z.infer<typeof MemberProfile>;

export const Briefing = z.object({
  id: uuid,
  kind: z.enum(['shift', 'news', 'policy']),
  title: z.string(),
  body: z.string(),
  priority: z.enum(['normal', 'important', 'critical']),
  author_id: uuid,
  author_name: z.nullable(z.string()),
  store_ids: z.array(uuid),
  department_ids: z.array(uuid),
  roles: z.array(role),
  shift_date: z.nullable(z.string()),
  shift_start: z.nullable(z.string()),
  shift_end: z.nullable(z.string()),
  requires_ack: z.boolean(),
  ack_due_at: z.nullable(isoTime),
  publish_at: isoTime,
  expires_at: z.nullable(isoTime),
  version: z.number(),
  content_hash: z.string(),
  /** The text this version replaced (version - 1) with its translation, for "what changed"; null or absent at version 1. */
  previous: z.optional(
    z.nullable(z.object({ version: z.number(), title: z.string(), body: z.string(), translation: z.optional(z.nullable(BriefingTranslation)) })),
  ),
  /**
   * Fewer than 5 people can read it, so anonymous feedback citing it arrives
   * without the link (the server decides; true means it will drop it). Always
   * sent by sync_pull; absent on rows written before it was.
   */
  narrow_audience: z.optional(z.boolean()),
  /** The language title and body are written in; absent on rows written before translations (then 'en'). */
  language: z.optional(contentLanguage),
  /** This version's translation into the other language, or null; absent on rows written before translations. */
  translation: z.optional(z.nullable(BriefingTranslation)),
  created_at: isoTime,
  updated_at: isoTime,
  sync_seq: z.number(),
});
export type Briefing = z.infer<typeof Briefing>;

export const ValueCard = z.object({
  id: uuid,
  title: z.string(),
  statement: z.string(),
  on_the_floor: z.string(),
  examples: z.array(z.string()),
  position: z.number(),
  /** The language the card is written in; absent on rows from before translations (then 'en'). */
  language: z.optional(contentLanguage),
  /** The card in the other language, or null; absent on rows from before translations. */
  translation: z.optional(z.nullable(ValueCardTranslation)),
  updated_at: isoTime,
  sync_seq: z.number(),
});
export type ValueCard = z.infer<typeof ValueCard>;

export const LessonCard = z.object({ title: z.string(), body: z.string() });
export const QuizQuestion = z.object({
  id: z.string(),
  prompt: z.string(),
  kind: z.enum(['single', 'multiple']),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
  correct: z.array(z.string()),
  explanation: z.string(),
});
export type QuizQuestion = z.infer<typeof QuizQuestion>;
/**
 * A lesson's one translation: every text of the original in the other language, the
 * same cards and the same questions and options (ids, order), and no answers: kind
 * and correct are the original's, so a quiz scores the same in either language.
 */
export const LessonTranslation = z.object({
  language: contentLanguage,
  title: z.string(),
  summary: z.string(),
  cards: z.array(LessonCard),
  quiz: z.array(z.object({ id: z.string(), prompt: z.string(), options: z.array(z.object({ id: z.string(), text: z.string() })), explanation: z.string() })),
});
export type LessonTranslation = z.infer<typeof LessonTranslation>;

export const Lesson = z.object({
  id: uuid,
  title: z.string(),
  summary: z.string(),
  minutes: z.number(),
  cards: z.array(LessonCard),
  quiz: z.array(QuizQuestion),
  pass_mark: z.number(),
  version: z.number(),
  /** The language the lesson is written in; absent on rows from before translations (then 'en'). */
  language: z.optional(contentLanguage),
  /** The lesson's words in the other language (answers stay the original's), or null; absent on rows from before translations. */
  translation: z.optional(z.nullable(LessonTranslation)),
  /** The earliest date (YYYY-MM-DD) a requirement that applies to this person sets; null or absent when not required. */
  required_by: z.optional(z.nullable(z.string())),
  updated_at: isoTime,
  sync_seq: z.number(),
});
export type Lesson = z.infer<typeof Lesson>;

export const Pulse = z.object({
  id: uuid,
  question: z.string(),
  scale: z.enum(['nps_0_10', 'scale_1_5']),
  allow_comment: z.boolean(),
  opens_at: isoTime,
  closes_at: isoTime,
  updated_at: isoTime,
  sync_seq: z.number(),
});
export type Pulse = z.infer<typeof Pulse>;

export const Ack = z.object({
  id: uuid,
  briefing_id: uuid,
  version: z.number(),
  content_hash: z.string(),
  acked_at: isoTime,
  received_at: isoTime,
  sync_seq: z.number(),
  /** Which of the version's texts was on screen; absent on rows written before translations. */
  language: z.optional(contentLanguage),
});
export type Ack = z.infer<typeof Ack>;

export const SyncPullResult = z.object({
  cursor: z.number(),
  has_more: z.boolean(),
  /** Rows a first sync (cursor 0) will bring in all; null on later pages. */
  total: z.optional(z.nullable(z.number())),
  reset: z.optional(z.boolean()),
  /** The server's clock when it answered: phones decide what is live from it, not from their own clock. */
  server_time: z.optional(isoTime),
  me: MemberProfile,
  briefings: z.array(Briefing),
  value_cards: z.array(ValueCard),
  lessons: z.array(Lesson),
  pulses: z.array(Pulse),
  acks: z.array(Ack),
  /** The caller's own lesson attempts as the server scored them (absent from servers before 2026-12-06). */
  attempts: z.optional(
    z.array(z.object({ id: uuid, lesson_id: uuid, lesson_version: z.number(), percent: z.number(), passed: z.boolean(), completed_at: isoTime })),
  ),
  removed: z.array(uuid),
});
export type SyncPullResult = z.infer<typeof SyncPullResult>;

export const AckPayload = z.object({
  briefing_id: uuid,
  version: z.number(),
  content_hash: z.string(),
  acked_at: isoTime,
  /** The text on screen: the version's original language or its translation's (else language_unavailable); absent = the original. */
  language: z.optional(contentLanguage),
});
export type AckPayload = z.infer<typeof AckPayload>;

export const LessonAttemptPayload = z.object({
  lesson_id: uuid,
  lesson_version: z.number(),
  answers: z.record(z.string(), z.array(z.string())),
  started_at: isoTime,
  completed_at: isoTime,
});
export type LessonAttemptPayload = z.infer<typeof LessonAttemptPayload>;

export const FeedbackPayload = z.object({
  kind: z.enum(['suggestion', 'question', 'concern', 'praise']),
  recipient: z.enum(['store', 'head_office']),
  body: z.string(),
  anonymous: z.boolean(),
  briefing_id: z.optional(z.nullable(uuid)),
});
export type FeedbackPayload = z.infer<typeof FeedbackPayload>;

export const PulseResponsePayload = z.object({
  pulse_id: uuid,
  score: z.number(),
  comment: z.optional(z.nullable(z.string())),
});
export type PulseResponsePayload = z.infer<typeof PulseResponsePayload>;

export const KudosPayload = z.object({
  to_member_id: uuid,
  value_card_id: z.optional(z.nullable(uuid)),
  message: z.string(),
});
export type KudosPayload = z.infer<typeof KudosPayload>;

const BriefingFields = {
  briefing_id: uuid,
  title: z.string(),
  body: z.string(),
  kind: z.optional(z.enum(['shift', 'news', 'policy'])),
  priority: z.optional(z.enum(['normal', 'important', 'critical'])),
  store_ids: z.optional(z.array(uuid)),
  department_ids: z.optional(z.array(uuid)),
  roles: z.optional(z.array(role)),
  shift_date: z.optional(z.nullable(z.string())),
  shift_start: z.optional(z.nullable(z.string())),
  shift_end: z.optional(z.nullable(z.string())),
  requires_ack: z.optional(z.boolean()),
  ack_due_at: z.optional(z.nullable(isoTime)),
  publish_at: z.optional(z.nullable(isoTime)),
  expires_at: z.optional(z.nullable(isoTime)),
  /** The original's language, fixed at publish (default the author's locale). */
  language: z.optional(contentLanguage),
  /** The translation into the other language, or null for none; absent on edit keeps it only if title and body are unchanged. */
  translation: z.optional(z.nullable(BriefingTranslation)),
};
export const BriefingPayload = z.discriminatedUnion('action', [
  z.object({ action: z.literal('publish'), ...BriefingFields }),
  z.object({ action: z.literal('edit'), base_version: z.optional(z.number()), ...BriefingFields }),
  z.object({ action: z.literal('retract'), briefing_id: uuid }),
]);
export type BriefingPayload = z.infer<typeof BriefingPayload>;

/** Payload type for each mutation type; the outbox stores these. */
export interface MutationPayloads {
  ack: AckPayload;
  lesson_attempt: LessonAttemptPayload;
  feedback: FeedbackPayload;
  pulse_response: PulseResponsePayload;
  kudos: KudosPayload;
  briefing: BriefingPayload;
}
export type MutationType = keyof MutationPayloads;
export const MUTATION_TYPES = ['ack', 'lesson_attempt', 'feedback', 'pulse_response', 'kudos', 'briefing'] as const satisfies readonly MutationType[];

export type Mutation = {
  [T in MutationType]: { id: string; type: T; payload: MutationPayloads[T]; created_at: string };
}[MutationType];

export const MutationResult = z.object({
  id: z.unknown(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  code: z.optional(z.string()),
  message: z.optional(z.string()),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const SyncPushResult = z.object({ results: z.array(MutationResult) });
export type SyncPushResult = z.infer<typeof SyncPushResult>;

/** Stable codes a rejected mutation can carry (detail of private.reject in SQL). */
export type RejectionCode =
  | 'missing_field'
  | 'invalid_type'
  | 'too_short'
  | 'too_long'
  | 'out_of_range'
  | 'invalid_value'
  | 'invalid_mutation'
  | 'unknown_type'
  | 'invalid_payload'
  | 'id_conflict'
  | 'invalid_timestamp'
  | 'unknown_briefing'
  | 'briefing_retracted'
  | 'unknown_version'
  | 'hash_mismatch'
  /** An ack naming a language the acknowledged version has no text in. */
  | 'language_unavailable'
  /** A briefing translation into the original's own language or an unsupported one. */
  | 'invalid_language'
  | 'unknown_lesson'
  | 'invalid_answers'
  | 'incomplete_attempt'
  | 'no_store'
  | 'unknown_pulse'
  | 'pulse_closed'
  | 'comments_not_allowed'
  | 'already_answered'
  | 'self_kudos'
  | 'unknown_member'
  | 'unknown_value'
  | 'forbidden'
  | 'forbidden_audience'
  | 'unknown_store'
  | 'unknown_department'
  | 'already_exists'
  | 'version_conflict'
  | 'unknown_reference'
  /** A deactivated member's mutation other than an ack of a version older than the closing (sync_push). */
  | 'account_closed'
  | 'server_error';

/**
 * briefing_ack_status(p_briefing_id, p_pending_limit) (managers and HR): who has
 * acknowledged the current version, limited to the audience in the stores the caller
 * reports on. `pending` lists the first p_pending_limit who have not, each with
 * `notifications` (at least one device subscribed). `push`: devices sent a message
 * about this briefing or a reminder about it (the queue keeps a week), devices with one
 * still waiting (quiet hours, off days, the fold window), and how many of all who have
 * not acknowledged have notifications off, so the manager knows whom to tell in person.
 */
export const BriefingAckStatus = z.object({
  briefing_id: uuid,
  version: z.number(),
  content_hash: z.string(),
  requires_ack: z.boolean(),
  ack_due_at: z.nullable(isoTime),
  overdue: z.boolean(),
  total: z.number(),
  acked: z.number(),
  by_store: z.array(z.object({ store_id: uuid, store_name: z.string(), total: z.number(), acked: z.number() })),
  pending: z.array(
    z.object({
      member_id: uuid,
      display_name: z.string(),
      store_name: z.nullable(z.string()),
      department_name: z.nullable(z.string()),
      notifications: z.boolean(),
    }),
  ),
  push: z.object({ devices_notified: z.number(), devices_waiting: z.number(), pending_without_notifications: z.number() }),
});
export type BriefingAckStatus = z.infer<typeof BriefingAckStatus>;

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * compose_directory (managers and HR): what the compose screen needs offline.
 * `reach` counts active members per (store, department, role) in `stores`, so
 * an audience's size is the sum of the groups it matches (empty list = any);
 * members without a store (head office) are not counted. Unordered.
 */
export const ComposeDirectory = z.object({
  stores: z.array(z.object({ id: uuid, name: z.string(), time_zone: z.string() })),
  departments: z.array(z.object({ id: uuid, name: z.string() })),
  roles: z.array(role),
  reach: z.array(
    z.object({
      store_id: uuid,
      department_id: z.nullable(uuid),
      role,
      members: z.number(),
    }),
  ),
});
export type ComposeDirectory = z.infer<typeof ComposeDirectory>;

/**
 * compliance_report(p_days, p_limit) (HR: organisation; managers: their stores),
 * bounded whatever the organisation's size: the totals, the rate over time and
 * the worst p_limit (1..200, default 50) rows of by_briefing and by_store;
 * compliance_briefings and compliance_stores page through the rest from `next`.
 * Briefings counted: must-acknowledge, not retracted, published on one of the
 * last p_days days of the organisation's time_zone (first_day..last_day) or due on last_day or later.
 * total = active audience members in scope (members with a store; head office
 * is not counted); acked = of those, who acknowledged the current version;
 * overdue = total - acked once ack_due_at has passed, else 0.
 * by_briefing (briefing_count in all): most overdue first, then lowest rate, then id.
 * by_store (store_count in all): every store with audience in scope, lowest
 * rate first, then name and id; summed over all briefings.
 * next: the key of each list's following page, null when the list is complete.
 * overdue_people: the first 100 (earliest due, then name) person x briefing pairs.
 * daily: one entry per day (in time_zone) first_day..last_day; acked = acknowledgements
 * received that day (counting as above), cumulative = received by its end, so
 * cumulative / total is the rate over time. rate = acked / total, null when total is 0.
 */
const ComplianceBriefingRow = z.object({
  id: uuid,
  title: z.string(),
  kind: z.enum(['shift', 'news', 'policy']),
  version: z.number(),
  publish_at: isoTime,
  ack_due_at: z.nullable(isoTime),
  total: z.number(),
  acked: z.number(),
  overdue: z.number(),
});
const ComplianceStoreRow = z.object({ store_id: uuid, name: z.string(), total: z.number(), acked: z.number() });
/** The last row of a page of briefings: pass its fields as p_after_* for the next page. */
export const ComplianceBriefingKey = z.object({ overdue: z.number(), acked: z.number(), total: z.number(), id: uuid });
export type ComplianceBriefingKey = z.infer<typeof ComplianceBriefingKey>;
/** The last row of a page of stores: pass its fields as p_after_* for the next page. */
export const ComplianceStoreKey = z.object({ acked: z.number(), total: z.number(), name: z.string(), store_id: uuid });
export type ComplianceStoreKey = z.infer<typeof ComplianceStoreKey>;

export const ComplianceReport = z.object({
  days: z.number(),
  /** The filters the report answers for: one store, one department, or null for all in scope. */
  store_id: z.nullable(uuid),
  department_id: z.nullable(uuid),
  first_day: z.string(),
  last_day: z.string(),
  /** The organisation's time zone: first_day, last_day and daily's days are its days. */
  time_zone: z.string(),
  total: z.number(),
  acked: z.number(),
  overdue: z.number(),
  rate: z.nullable(z.number()),
  briefing_count: z.number(),
  store_count: z.number(),
  by_briefing: z.array(ComplianceBriefingRow),
  by_store: z.array(ComplianceStoreRow),
  next: z.object({ briefings: z.nullable(ComplianceBriefingKey), stores: z.nullable(ComplianceStoreKey) }),
  overdue_people: z.array(
    z.object({
      member_id: uuid,
      display_name: z.string(),
      store_name: z.string(),
      briefing_id: uuid,
      title: z.string(),
      ack_due_at: isoTime,
    }),
  ),
  daily: z.array(z.object({ day: z.string(), acked: z.number(), cumulative: z.number() })),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

/**
 * compliance_briefings / compliance_stores(p_days, p_after_*, p_limit): the
 * rows of by_briefing / by_store after the given key (the previous page's
 * `next`), up to p_limit (1..200, default 50), in the summary's order; next is
 * null on the last page. Same callers, scope and errors as compliance_report.
 */
export const ComplianceBriefingsPage = z.object({ briefings: z.array(ComplianceBriefingRow), next: z.nullable(ComplianceBriefingKey) });
export type ComplianceBriefingsPage = z.infer<typeof ComplianceBriefingsPage>;
export const ComplianceStoresPage = z.object({ stores: z.array(ComplianceStoreRow), next: z.nullable(ComplianceStoreKey) });
export type ComplianceStoresPage = z.infer<typeof ComplianceStoresPage>;

/**
 * The audit trail (HR only), one row per acknowledgement received in a range,
 * oldest first, fetched in keyset pages because hosted PostgREST cuts any
 * table-returning call at max_rows (1,000) without saying so.
 * audit_export_start(p_from, p_to) fixes the range: `to` is p_to or the
 * server's now(), whichever is earlier, and `total` the rows in [from, to).
 * audit_export_page(p_from, p_to, p_after_received_at, p_after_id, p_limit)
 * answers up to p_limit (1..1000) rows after the given key; pass the last
 * row's received_at and id for the next page; an empty page is the end.
 * The CSV's columns are AUDIT_EXPORT_COLUMNS, in that order (audit-export.ts
 * writes the file). `store` is the member's current store (null at head
 * office); `briefing` is the title of the acknowledged version. `clock_flag`:
 * null when the device's time is plausible; 'device_ahead' when
 * acked_on_device_at is more than 5 minutes after received_by_server_at (kept
 * as claimed); 'before_version' when the device claimed a time before that
 * version existed (not recorded: the receipt time stands in). `language`:
 * which of the version's texts was read (en, es). Text cells
 * (person, employee_email, store, briefing, language) come formula-neutralised: decode
 * with decodeCsvCell (src/domain/csv-cell.ts); times come as Postgres prints
 * them. Errors: 42501 forbidden (anyone but HR/admin); 22023 invalid_limit,
 * invalid_cursor.
 */
export const AUDIT_EXPORT_COLUMNS = [
  'person',
  'employee_email',
  'store',
  'briefing',
  'version',
  'content_hash',
  'acked_on_device_at',
  'received_by_server_at',
  'clock_flag',
  'language',
] as const;
export const AuditExportStart = z.object({ from: z.nullable(isoTime), to: isoTime, total: z.number() });
export type AuditExportStart = z.infer<typeof AuditExportStart>;
export const AUDIT_EXPORT_PAGE_MAX = 1000;
export const AuditExportPageRow = z.object({
  id: uuid,
  received_at: isoTime,
  person: z.nullable(z.string()),
  employee_email: z.nullable(z.string()),
  store: z.nullable(z.string()),
  briefing: z.nullable(z.string()),
  version: z.number(),
  content_hash: z.string(),
  acked_on_device_at: z.string(),
  received_by_server_at: z.string(),
  clock_flag: z.nullable(z.enum(['device_ahead', 'before_version'])),
  /** The text on screen when acknowledged (en, es), formula-neutralised like every text cell. */
  language: z.nullable(z.string()),
});
export type AuditExportPageRow = z.infer<typeof AuditExportPageRow>;

// Values, kudos and learning calls (#5): schemas.

/**
 * store_roster (any member): the other active members of the caller's store,
 * names only (no emails), for the offline kudos picker; the caller is left out.
 * Ordered by display_name. [] at head office.
 */
export const StoreRosterEntry = z.object({
  member_id: uuid,
  display_name: z.string(),
  department_id: z.nullable(uuid),
  department_name: z.nullable(z.string()),
});
export type StoreRosterEntry = z.infer<typeof StoreRosterEntry>;

/**
 * store_kudos(p_limit) (any member): the caller's store wall (kudos whose
 * recipient works there) plus kudos the caller gave or received, newest
 * first (created_at, as sent by the giver's phone). value_* are null for a
 * kudos without a value. Errors: 22023 invalid_limit (1..500).
 */
export const KudosWallEntry = z.object({
  id: uuid,
  from_member_id: uuid,
  from_name: z.string(),
  to_member_id: uuid,
  to_name: z.string(),
  value_card_id: z.nullable(uuid),
  value_title: z.nullable(z.string()),
  message: z.string(),
  created_at: isoTime,
});
export type KudosWallEntry = z.infer<typeof KudosWallEntry>;

/**
 * kudos_report(p_days) (managers: their stores; HR: organisation): kudos sent
 * since `since` (now - p_days), on the recipient's store. by_store: every store
 * in scope, by name, total 0 when none; by_value: most recognised first,
 * value_card_id null = kudos without a value. Kudos to head office are not counted.
 */
export const KudosReport = z.object({
  days: z.number(),
  since: isoTime,
  by_store: z.array(
    z.object({
      store_id: uuid,
      store_name: z.string(),
      total: z.number(),
      by_value: z.array(z.object({ value_card_id: z.nullable(uuid), value_title: z.nullable(z.string()), count: z.number() })),
    }),
  ),
});
export type KudosReport = z.infer<typeof KudosReport>;

/** archive_value_card / archive_lesson: archived_at stays that of the first archive. */
export const Archived = z.object({ id: uuid, archived_at: isoTime });
export type Archived = z.infer<typeof Archived>;

/** save_lesson: the lesson as sync_pull sends it, plus its audience (empty list = everyone). */
export const AuthoredLesson = z.extend(Lesson, {
  store_ids: z.array(uuid),
  department_ids: z.array(uuid),
  roles: z.array(role),
});
export type AuthoredLesson = z.infer<typeof AuthoredLesson>;

/**
 * training_report(p_after_store_name, p_after_store_id, p_limit) (managers:
 * their stores; HR: organisation), in pages of stores so no answer grows with
 * the organisation: every live lesson (by title), each with rows for up to
 * p_limit (1..100, default 50) stores of the caller's scope by name after the
 * given key. audience = active members of the store in the lesson's current
 * audience (stores with none are left out, so a lesson may have no rows on a
 * page); completed / passed = of those, who took / passed it on any version;
 * average_score = the mean of their best scores, one decimal, null when nobody
 * took it. next: the key of the following page, null on the last. Errors:
 * 42501 forbidden (staff); 22023 invalid_limit, invalid_cursor.
 */
export const TrainingReport = z.object({
  next: z.nullable(z.object({ store_name: z.string(), store_id: uuid })),
  lessons: z.array(
    z.object({
      lesson_id: uuid,
      title: z.string(),
      version: z.number(),
      pass_mark: z.number(),
      by_store: z.array(
        z.object({
          store_id: uuid,
          store_name: z.string(),
          audience: z.number(),
          completed: z.number(),
          passed: z.number(),
          average_score: z.nullable(z.number()),
        }),
      ),
    }),
  ),
});
export type TrainingReport = z.infer<typeof TrainingReport>;

/** require_lesson: the requirement as stored (audience sorted, duplicates dropped). */
export const LessonRequirement = z.object({
  id: uuid,
  lesson_id: uuid,
  due_on: z.string(),
  store_ids: z.array(uuid),
  department_ids: z.array(uuid),
  roles: z.array(z.string()),
});
export type LessonRequirement = z.infer<typeof LessonRequirement>;

/**
 * training_requirements(): the requirements of live lessons reaching the
 * caller's scope, soonest first, the audience named; can_change says whether
 * change_lesson_requirement and remove_lesson_requirement will take it.
 */
export const TrainingRequirement = z.object({
  id: uuid,
  lesson_id: uuid,
  due_on: z.string(),
  stores: z.array(z.object({ id: uuid, name: z.string() })),
  departments: z.array(z.object({ id: uuid, name: z.string() })),
  roles: z.array(z.string()),
  can_change: z.boolean(),
});
export type TrainingRequirement = z.infer<typeof TrainingRequirement>;

/**
 * training_overdue(p_after_name, p_after_member_id, p_after_lesson_id, p_limit):
 * people in the caller's scope past the date of a required lesson they have
 * not passed, by name; total counts them all, next is the key of the
 * following page (null on the last). Errors: 42501 forbidden; 22023
 * invalid_limit, invalid_cursor.
 */
export const TrainingOverdue = z.object({
  total: z.number(),
  next: z.nullable(z.object({ name: z.string(), member_id: uuid, lesson_id: uuid })),
  people: z.array(
    z.object({
      member_id: uuid,
      display_name: z.string(),
      store_id: z.nullable(uuid),
      store_name: z.nullable(z.string()),
      lesson_id: uuid,
      lesson_title: z.string(),
      due_on: z.string(),
      days_overdue: z.number(),
    }),
  ),
});
export type TrainingOverdue = z.infer<typeof TrainingOverdue>;

// Voice calls: feedback and pulses (#5): schemas.
const feedbackKind = z.enum(['suggestion', 'question', 'concern', 'praise']);
const feedbackRecipient = z.enum(['store', 'head_office']);
const feedbackStatus = z.enum(['open', 'answered', 'closed']);
const pulseScale = z.enum(['nps_0_10', 'scale_1_5']);

/** A reply as its feedback's author (my_feedback) and the inbox see it; oldest first. */
export const FeedbackReply = z.object({
  id: uuid,
  body: z.string(),
  is_public: z.boolean(),
  author_name: z.string(),
  created_at: isoTime,
});
export type FeedbackReply = z.infer<typeof FeedbackReply>;

/**
 * my_feedback(): the caller's named feedback, newest first, with every reply
 * (private ones too). Anonymous items are never listed: nothing links them to
 * their author. Errors: 42501 not_a_member / member_inactive.
 */
export const MyFeedbackItem = z.object({
  id: uuid,
  kind: feedbackKind,
  recipient: feedbackRecipient,
  body: z.string(),
  briefing_id: z.nullable(uuid),
  status: feedbackStatus,
  created_at: isoTime,
  replies: z.array(FeedbackReply),
});
export type MyFeedbackItem = z.infer<typeof MyFeedbackItem>;

/**
 * feedback_inbox(p_status?, p_limit?) (managers: store feedback of the stores
 * they manage; HR/admin: all of the organisation). Newest day first; within a
 * day named items newest first, then anonymous ones. Anonymous rows have
 * author_name and created_at null and created_on (a UTC day, YYYY-MM-DD) only.
 * At most p_limit (1..1000, default 500) rows. Errors: 42501 forbidden (staff),
 * 22023 invalid_status / invalid_limit.
 */
export const FeedbackInboxItem = z.object({
  id: uuid,
  kind: feedbackKind,
  recipient: feedbackRecipient,
  store_id: z.nullable(uuid),
  store_name: z.nullable(z.string()),
  body: z.string(),
  briefing_id: z.nullable(uuid),
  briefing_title: z.nullable(z.string()),
  is_anonymous: z.boolean(),
  author_name: z.nullable(z.string()),
  created_on: z.string(),
  created_at: z.nullable(isoTime),
  status: feedbackStatus,
  replies: z.array(FeedbackReply),
});
export type FeedbackInboxItem = z.infer<typeof FeedbackInboxItem>;

/**
 * reply_feedback(p_feedback_id, p_body, p_public = true, p_mark = 'answered'):
 * the new reply and the item's status. Errors: 42501 forbidden (staff),
 * 22023 invalid_body (1..4000 after trimming) / invalid_public / invalid_status /
 * unknown_feedback (also for items outside the caller's stores).
 */
export const FeedbackReplyResult = z.object({
  id: uuid,
  feedback_id: uuid,
  body: z.string(),
  is_public: z.boolean(),
  author_name: z.string(),
  created_at: isoTime,
  status: feedbackStatus,
});
export type FeedbackReplyResult = z.infer<typeof FeedbackReplyResult>;

/** set_feedback_status(p_feedback_id, p_status): errors as reply_feedback. */
export const FeedbackStatusResult = z.object({ id: uuid, status: feedbackStatus });
export type FeedbackStatusResult = z.infer<typeof FeedbackStatusResult>;

/**
 * store_board(p_store_id?) ("you said, we did"; default the caller's store;
 * staff: own store, managers: also theirs, HR: any of the organisation):
 * answered store feedback with at least one public reply, latest public reply
 * first; only public replies (oldest first), never who wrote the feedback.
 * Errors: 22023 store_required / unknown_store, 42501 forbidden.
 */
export const StoreBoardItem = z.object({
  feedback_id: uuid,
  kind: feedbackKind,
  body: z.string(),
  created_on: z.string(),
  replies: z.array(z.object({ body: z.string(), created_at: isoTime })),
});
export type StoreBoardItem = z.infer<typeof StoreBoardItem>;

/**
 * save_pulse(...) (HR/admin): the created or changed pulse. Errors: 42501
 * forbidden; 22023 invalid_question / invalid_scale / invalid_allow_comment /
 * unknown_store / unknown_department / invalid_roles / invalid_window /
 * unknown_pulse / pulse_closed (closed pulses are final) / pulse_answered
 * (question, scale, comment option and opening time are fixed once answered).
 */
export const SavedPulse = z.object({
  id: uuid,
  question: z.string(),
  scale: pulseScale,
  allow_comment: z.boolean(),
  store_ids: z.array(uuid),
  department_ids: z.array(uuid),
  roles: z.array(role),
  opens_at: isoTime,
  closes_at: isoTime,
  created_at: isoTime,
  updated_at: isoTime,
});
export type SavedPulse = z.infer<typeof SavedPulse>;

/** A pulse's (or a group's) figures: average and nps are null until it has closed with 5+ answers. */
const pulseFigures = {
  responses: z.number(),
  average: z.nullable(z.number()),
  nps: z.nullable(z.number()),
};

/**
 * pulse_trend(p_limit = 12, 1..100) (HR/admin): the last p_limit pulses by
 * opening time, oldest first; average and nps only for closed pulses with 5+
 * answers. Errors: 42501 forbidden, 22023 invalid_limit.
 */
export const PulseTrendItem = z.object({
  pulse_id: uuid,
  question: z.string(),
  scale: pulseScale,
  opens_at: isoTime,
  closes_at: isoTime,
  closed: z.boolean(),
  ...pulseFigures,
});
export type PulseTrendItem = z.infer<typeof PulseTrendItem>;

/**
 * pulse_report(p_pulse_id, p_group_by = 'store' | 'department') (HR: the
 * organisation; managers: answers from their stores). responses is always
 * shown; everything else only once the pulse has closed with 5+ answers
 * (else average/nps null and the lists empty). nps (0-10 only) = rounded
 * % of 9-10 minus % of 0-6. distribution: every score of the scale, ascending.
 * groups: 5+ answers each, by name; smaller ones are folded into one
 * is_other group (name 'other', group_id null, last), and while 'other' would
 * hold 1-4 the smallest groups join it, so no group under 5 can be worked out.
 * group_id/name null = no store (head office) or no department. comments:
 * sorted by text. Errors: 42501 forbidden (staff), 22023 invalid_group_by / unknown_pulse.
 */
export const PulseReport = z.extend(PulseTrendItem, {
  group_by: z.enum(['store', 'department']),
  distribution: z.array(z.object({ score: z.number(), count: z.number() })),
  groups: z.array(
    z.object({
      group_id: z.nullable(uuid),
      name: z.nullable(z.string()),
      is_other: z.boolean(),
      ...pulseFigures,
    }),
  ),
  comments: z.array(z.string()),
});
export type PulseReport = z.infer<typeof PulseReport>;

/** A device's push subscription as the phone sees it (never its keys). */
export const PushSubscriptionRow = z.object({
  id: uuid,
  endpoint: z.string(),
  device: z.nullable(z.string()),
  created_at: isoTime,
  last_seen_at: isoTime,
});
export type PushSubscriptionRow = z.infer<typeof PushSubscriptionRow>;

/** ISO weekday, 1 = Monday .. 7 = Sunday. */
const isoWeekday = z.int().check(z.minimum(1), z.maximum(7));

/** my_push_subscriptions(): the caller's devices, off days, and their store's quiet hours ("HH:MM", its time zone). */
export const MyPushSettings = z.object({
  subscriptions: z.array(PushSubscriptionRow),
  off_days: z.array(isoWeekday),
  quiet_hours: z.nullable(z.object({ time_zone: z.string(), start: z.string(), end: z.string() })),
});
export type MyPushSettings = z.infer<typeof MyPushSettings>;

/**
 * remind_unacknowledged(p_briefing_id, p_store_id, p_department_id): `queued` with how many
 * have not acknowledged (`pending`), how many of them were skipped as reminded within the
 * hour (`recently_reminded`), the `people` and `devices` reached and `without_notifications`
 * ("notified on N devices; M people have notifications off"), or `too_soon` (each person
 * once an hour per briefing: all of them were) with when one may be reminded again.
 */
export const RemindResult = z.union([
  z.object({
    status: z.literal('queued'),
    pending: z.number(),
    recently_reminded: z.number(),
    people: z.number(),
    devices: z.number(),
    without_notifications: z.number(),
    next_allowed_at: isoTime,
  }),
  z.object({ status: z.literal('too_soon'), next_allowed_at: isoTime }),
]);
export type RemindResult = z.infer<typeof RemindResult>;

/**
 * send_test_push(p_endpoint): `queued` (one test notification to this device, at once)
 * or `too_soon` (once a minute per device) with the seconds to wait, by the server's clock.
 */
export const SendTestPushResult = z.union([
  z.object({ status: z.literal('queued') }),
  z.object({ status: z.literal('too_soon'), retry_after_seconds: z.int().check(z.minimum(1)) }),
]);
export type SendTestPushResult = z.infer<typeof SendTestPushResult>;

/** set_store_quiet_hours: the store's quiet hours as stored ("HH:MM" in time_zone; equal = none). */
export const StoreQuietHours = z.object({ store_id: uuid, time_zone: z.string(), quiet_start: z.string(), quiet_end: z.string() });
export type StoreQuietHours = z.infer<typeof StoreQuietHours>;

// Administration of stores, departments and people (#12).

/** admin_organization / admin_set_org_time_zone: the caller's organisation; Reports count days in `time_zone` (IANA). */
export const AdminOrganization = z.object({ id: uuid, name: z.string(), time_zone: z.string() });
export type AdminOrganization = z.infer<typeof AdminOrganization>;

/** A store as the admin calls answer it; `code` is the short code HR systems use (null only for stores made outside them). */
export const AdminStore = z.object({
  id: uuid,
  name: z.string(),
  code: z.nullable(z.string()),
  time_zone: z.string(),
  region: z.nullable(z.string()),
  active_people: z.number(),
  /** Active managers who run it. */
  manager_ids: z.array(uuid),
});
export type AdminStore = z.infer<typeof AdminStore>;

export const AdminDepartment = z.object({ id: uuid, name: z.string(), active_people: z.number() });
export type AdminDepartment = z.infer<typeof AdminDepartment>;

/** A person as the admin calls answer them. `has_login`: they have activated (an account is linked). */
export const AdminPerson = z.object({
  id: uuid,
  display_name: z.string(),
  employee_id: z.nullable(z.string()),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  role,
  locale: z.enum(['en', 'es']),
  active: z.boolean(),
  has_login: z.boolean(),
  store_id: z.nullable(uuid),
  store_name: z.nullable(z.string()),
  store_code: z.nullable(z.string()),
  department_id: z.nullable(uuid),
  department_name: z.nullable(z.string()),
  managed_store_ids: z.array(uuid),
  updated_at: isoTime,
});
export type AdminPerson = z.infer<typeof AdminPerson>;

/** A person's new one-time activation code (issue_activation_code, and each row of a store sheet): the only time the plain code exists. */
export const ActivationCode = z.object({
  member_id: uuid,
  display_name: z.string(),
  employee_id: z.string(),
  has_login: z.boolean(),
  code: z.string(),
  expires_at: isoTime,
});
export type ActivationCode = z.infer<typeof ActivationCode>;

/** store_activation_sheet: codes for a store's people, with the organisation's sign-in code printed beside them. */
export const ActivationSheet = z.object({
  store: z.object({ id: uuid, name: z.string(), code: z.nullable(z.string()) }),
  sign_in_code: z.string(),
  people: z.array(ActivationCode),
});
export type ActivationSheet = z.infer<typeof ActivationSheet>;

/** activation_email_preview: whom emailing activation codes would reach (ready), and why not the others. */
export const ActivationEmailPreview = z.object({
  people: z.array(z.object({ member_id: uuid, status: z.enum(['ready', 'no_email', 'already_active', 'out_of_scope', 'no_employee_id']) })),
});
export type ActivationEmailPreview = z.infer<typeof ActivationEmailPreview>;

/** admin_people's key for the following page; pass it back as p_after. */
export const AdminPeopleCursor = z.object({ display_name: z.string(), id: uuid });
export type AdminPeopleCursor = z.infer<typeof AdminPeopleCursor>;

export const AdminPeoplePage = z.object({ people: z.array(AdminPerson), next: z.nullable(AdminPeopleCursor) });
export type AdminPeoplePage = z.infer<typeof AdminPeoplePage>;

/** What admin_save_person takes; on update an absent key keeps its value and null clears an optional one. */
export type AdminPersonInput = {
  id?: string | null;
  display_name?: string;
  employee_id?: string;
  email?: string | null;
  phone?: string | null;
  store_id?: string | null;
  department_id?: string | null;
  role?: z.infer<typeof role>;
  locale?: Locale;
  /** Managers only: the stores they run (HR alone may set it). */
  managed_store_ids?: string[];
};

/** What admin_save_store takes; on update an absent key keeps its value. */
export type AdminStoreInput = {
  id?: string | null;
  name?: string;
  code?: string;
  time_zone?: string;
  region?: string | null;
};

export const ADMIN_ACTIONS = [
  'store_created',
  'store_updated',
  'department_created',
  'department_updated',
  'person_created',
  'person_updated',
  'person_deactivated',
  'person_reactivated',
  'activation_code_issued',
  'person_activated',
  'activation_code_emailed',
  'org_time_zone_changed',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** admin_audit_log's filters (all optional; from/to ISO times, [from, to)). */
export type AdminAuditFilters = {
  member_id?: string;
  store_id?: string;
  department_id?: string;
  actor_member_id?: string;
  action?: AdminAction;
  from?: string;
  to?: string;
};

/** One admin action: before/after hold the changed fields only (before null for a creation); names are the current ones. */
export const AdminAuditEntry = z.object({
  id: z.number(),
  at: isoTime,
  action: z.enum(ADMIN_ACTIONS),
  reason: z.nullable(z.string()),
  before: z.nullable(z.record(z.string(), z.unknown())),
  after: z.record(z.string(), z.unknown()),
  actor: z.object({ id: uuid, display_name: z.nullable(z.string()) }),
  member: z.nullable(z.object({ id: uuid, display_name: z.nullable(z.string()), employee_id: z.nullable(z.string()) })),
  store: z.nullable(z.object({ id: uuid, name: z.nullable(z.string()), code: z.nullable(z.string()) })),
  department: z.nullable(z.object({ id: uuid, name: z.nullable(z.string()) })),
});
export type AdminAuditEntry = z.infer<typeof AdminAuditEntry>;

export const AdminAuditCursor = z.object({ at: isoTime, id: z.number() });
export type AdminAuditCursor = z.infer<typeof AdminAuditCursor>;

export const AdminAuditPage = z.object({ entries: z.array(AdminAuditEntry), next: z.nullable(AdminAuditCursor) });
export type AdminAuditPage = z.infer<typeof AdminAuditPage>;

/**
 * The admin log CSV's columns, in file order: admin_audit_export_page answers them
 * with text cells already formula-neutralised by private.csv_cell (before/after as JSON text).
 */
export const ADMIN_AUDIT_EXPORT_COLUMNS = [
  'at_text',
  'action',
  'actor',
  'person',
  'employee_id',
  'store',
  'department',
  'changed_fields',
  'before',
  'after',
  'reason',
] as const;

export const AdminAuditExportRow = z.object({
  id: z.number(),
  at: isoTime,
  at_text: z.string(),
  action: z.string(),
  actor: z.nullable(z.string()),
  person: z.nullable(z.string()),
  employee_id: z.nullable(z.string()),
  store: z.nullable(z.string()),
  department: z.nullable(z.string()),
  changed_fields: z.nullable(z.string()),
  before: z.nullable(z.string()),
  after: z.nullable(z.string()),
  reason: z.nullable(z.string()),
});
export type AdminAuditExportRow = z.infer<typeof AdminAuditExportRow>;

/**
 * Who has not acknowledged a briefing (issue 13, point 4). report_pending_people
 * (managers: their stores; HR: all) answers a page of the people still to
 * acknowledge its current version (never its author), by name, filtered by store,
 * department and a name part or employee ID; `next` is the key of the following
 * page (null on the last); the first page (no key) adds `summary`: how many match,
 * how many of them have a device with notifications on, their devices, and the 20
 * stores with most pending. report_pending_csv_page is the same people as CSV
 * cells (formula-neutralised), up to 1,000 a page: walk it with the last row's
 * display_name and member_id until an empty page. Errors: 42501 forbidden (staff),
 * unknown_briefing (unknown, not must-acknowledge, out of scope, or a store the
 * manager does not run); 22023 invalid_limit, invalid_cursor, invalid_search.
 */
export const PendingPerson = z.object({
  member_id: uuid,
  display_name: z.string(),
  employee_id: z.nullable(z.string()),
  store_id: uuid,
  store_name: z.string(),
  department_name: z.nullable(z.string()),
  devices: z.number(),
});
export type PendingPerson = z.infer<typeof PendingPerson>;
export const PendingPeopleKey = z.object({ name: z.string(), id: uuid });
export type PendingPeopleKey = z.infer<typeof PendingPeopleKey>;
export const PendingPeoplePage = z.object({
  briefing: z.object({
    id: uuid,
    title: z.string(),
    kind: z.enum(['shift', 'news', 'policy']),
    version: z.number(),
    ack_due_at: z.nullable(isoTime),
    publish_at: isoTime,
  }),
  people: z.array(PendingPerson),
  next: z.nullable(PendingPeopleKey),
  summary: z.nullable(
    z.object({
      pending: z.number(),
      people_with_devices: z.number(),
      devices: z.number(),
      stores: z.array(z.object({ store_id: uuid, name: z.string(), pending: z.number() })),
    }),
  ),
});
export type PendingPeoplePage = z.infer<typeof PendingPeoplePage>;
export const PENDING_CSV_COLUMNS = ['person', 'employee_id', 'email', 'store', 'department', 'notifications'] as const;
export const PendingCsvRow = z.object({
  member_id: uuid,
  display_name: z.string(),
  person: z.string(),
  employee_id: z.nullable(z.string()),
  email: z.nullable(z.string()),
  store: z.nullable(z.string()),
  department: z.nullable(z.string()),
  notifications: z.enum(['yes', 'no']),
});
export type PendingCsvRow = z.infer<typeof PendingCsvRow>;
/** report_stores(p_search, p_id): the store filter's choices in the caller's scope, at most 20, by name (or the one store p_id); report_departments the same shape. */
export const ReportStore = z.object({ id: uuid, name: z.string() });
/** report_briefings(p_search, p_days): up to 20 must-acknowledge briefings of the period the caller may report on, title containing p_search, newest first. */
export const ReportBriefing = z.object({
  id: uuid,
  title: z.string(),
  kind: z.enum(['shift', 'news', 'policy']),
  publish_at: isoTime,
  ack_due_at: z.nullable(isoTime),
});

/** PostgREST's error body; `details` carries our stable machine code when there is one. */
export const ApiError = z.object({
  code: z.string(),
  message: z.string(),
  details: z.nullable(z.string()),
  hint: z.nullable(z.string()),
});
export type ApiError = z.infer<typeof ApiError>;

/** Every RPC the app calls, with its named arguments and parsed result. */
export const RPC = {
  sync_pull: { result: SyncPullResult },
  sync_push: { result: SyncPushResult },
  briefing_ack_status: { result: BriefingAckStatus },
  set_my_locale: { result: MemberProfile },
  compose_directory: { result: ComposeDirectory },
  compliance_report: { result: ComplianceReport },
  compliance_briefings: { result: ComplianceBriefingsPage },
  compliance_stores: { result: ComplianceStoresPage },
  audit_export_start: { result: AuditExportStart },
  audit_export_page: { result: z.array(AuditExportPageRow) },
  audit_export_count: { result: z.number() },
  // Values, kudos and learning (#5).
  store_roster: { result: z.array(StoreRosterEntry) },
  store_kudos: { result: z.array(KudosWallEntry) },
  kudos_report: { result: KudosReport },
  save_value_card: { result: ValueCard },
  archive_value_card: { result: Archived },
  reorder_value_cards: { result: z.array(ValueCard) },
  save_lesson: { result: AuthoredLesson },
  archive_lesson: { result: Archived },
  /** HR: every live lesson with its audience, by title. Errors: 42501 forbidden. */
  authored_lessons: { result: z.array(AuthoredLesson) },
  training_report: { result: TrainingReport },
  require_lesson: { result: LessonRequirement },
  training_overdue: { result: TrainingOverdue },
  training_requirements: { result: z.array(TrainingRequirement) },
  change_lesson_requirement: { result: LessonRequirement },
  remove_lesson_requirement: { result: z.object({ id: uuid, lesson_id: uuid }) },
  // Voice (#5).
  my_feedback: { result: z.array(MyFeedbackItem) },
  /** feedback_open_count(): open items in the caller's inbox (feedback_inbox's scope); staff: 42501 forbidden. */
  feedback_open_count: { result: z.int().check(z.minimum(0)) },
  feedback_inbox: { result: z.array(FeedbackInboxItem) },
  reply_feedback: { result: FeedbackReplyResult },
  set_feedback_status: { result: FeedbackStatusResult },
  store_board: { result: z.array(StoreBoardItem) },
  save_pulse: { result: SavedPulse },
  pulse_report: { result: PulseReport },
  pulse_trend: { result: z.array(PulseTrendItem) },
  // Web Push (#11).
  save_push_subscription: { result: PushSubscriptionRow },
  delete_push_subscription: { result: z.object({ deleted: z.boolean() }) },
  my_push_subscriptions: { result: MyPushSettings },
  remind_unacknowledged: { result: RemindResult },
  set_store_quiet_hours: { result: StoreQuietHours },
  set_my_off_days: { result: z.object({ off_days: z.array(isoWeekday) }) },
  send_test_push: { result: SendTestPushResult },
  // Administration (#12).
  admin_stores: { result: z.array(AdminStore) },
  admin_departments: { result: z.array(AdminDepartment) },
  admin_save_store: { result: AdminStore },
  admin_organization: { result: AdminOrganization },
  admin_set_org_time_zone: { result: AdminOrganization },
  admin_save_department: { result: AdminDepartment },
  admin_people: { result: AdminPeoplePage },
  admin_person: { result: AdminPerson },
  admin_save_person: { result: AdminPerson },
  admin_set_person_active: { result: AdminPerson },
  admin_audit_log: { result: AdminAuditPage },
  admin_audit_export_page: { result: z.array(AdminAuditExportRow) },
  // Activation codes (#12 item 3).
  issue_activation_code: { result: z.extend(ActivationCode, { sign_in_code: z.string() }) },
  store_activation_sheet: { result: ActivationSheet },
  activation_email_preview: { result: ActivationEmailPreview },
  // Roster import (#12 item 2).
  roster_start: { result: z.string() },
  roster_dry_run: { result: RosterDryRunResult },
  roster_missing: { result: RosterMissing },
  roster_apply: { result: RosterApplyResult },
  roster_deactivate_missing: { result: z.object({ deactivated: z.number() }) },
  // Who has not acknowledged (#13 item 4).
  report_pending_people: { result: PendingPeoplePage },
  report_pending_csv_page: { result: z.array(PendingCsvRow) },
  report_stores: { result: z.array(ReportStore) },
  /** Managers and HR: the organisation's departments by name. Errors: 42501 forbidden. */
  report_departments: { result: z.array(ReportStore) },
  /** Errors: 42501 forbidden; 22023 invalid_search, invalid_days. */
  report_briefings: { result: z.array(ReportBriefing) },
} as const;
export interface RpcArgs {
  sync_pull: { p_cursor?: number; p_limit?: number };
  sync_push: { p_mutations: Mutation[] };
  briefing_ack_status: { p_briefing_id: string; p_pending_limit?: number };
  /** Errors: 22023 invalid_locale. */
  set_my_locale: { p_locale: Locale };
  /** Errors: 42501 forbidden (staff). */
  compose_directory: Record<string, never>;
  /** p_days 1..366 (default 30), p_limit 1..200 (default 50). Errors: 42501 forbidden (staff), 22023 invalid_days, invalid_limit. */
  compliance_report: { p_days?: number; p_limit?: number } & ComplianceFilters;
  /** The key (all or none) is the previous page's next. Errors: as compliance_report, and 22023 invalid_cursor. */
  compliance_briefings: {
    p_days?: number;
    p_after_overdue?: number | null;
    p_after_acked?: number | null;
    p_after_total?: number | null;
    p_after_id?: string | null;
    p_limit?: number;
  } & ComplianceFilters;
  /** The key (all or none) is the previous page's next. Errors: as compliance_report, and 22023 invalid_cursor. */
  compliance_stores: {
    p_days?: number;
    p_after_acked?: number | null;
    p_after_total?: number | null;
    p_after_name?: string | null;
    p_after_store_id?: string | null;
    p_limit?: number;
  } & ComplianceFilters;
  /** ISO times; [p_from, p_to), null or absent = open. Errors: 42501 forbidden (anyone but HR/admin). */
  audit_export_start: { p_from?: string | null; p_to?: string | null };
  /** The key (both or neither) is the last row's received_at and id; p_limit 1..1000 (default 1000). */
  audit_export_page: {
    p_from?: string | null;
    p_to?: string | null;
    p_after_received_at?: string | null;
    p_after_id?: string | null;
    p_limit?: number;
  };
  /** The rows in [p_from, p_to) now; audit_export_start fixes the range and counts it in one call. */
  audit_export_count: { p_from?: string | null; p_to?: string | null };
  // Values, kudos and learning (#5).
  store_roster: Record<string, never>;
  /** p_limit 1..500 (default 100). Errors: 22023 invalid_limit. */
  store_kudos: { p_limit?: number };
  /** p_days 1..366 (default 90). Errors: 42501 forbidden (staff), 22023 invalid_days. */
  kudos_report: { p_days?: number };
  /**
   * HR only. New id (or null) = a new card at the end, or at p_position (1..n+1);
   * an existing id is edited, and moved when p_position (1..n) is given. Title up
   * to 120, statement 1,000, on_the_floor 2,000 characters; at most 10 examples of
   * up to 500. Errors: 42501 forbidden; 22023 missing_field, too_short, too_long,
   * too_many_examples, out_of_range, unknown_value_card, value_card_archived, invalid_language, invalid_translation.
   */
  save_value_card: {
    p_id: string | null;
    p_title: string;
    p_statement: string;
    p_on_the_floor?: string;
    p_examples?: string[];
    p_position?: number | null;
    /** The original's language, taken only when the card is created (default the author's locale). */
    p_language?: ContentLanguage | null;
    /** Sent on every save: null means the card has no translation. */
    p_translation?: ValueCardTranslation | null;
  };
  /** HR only. Errors: 42501 forbidden; 22023 unknown_value_card. */
  archive_value_card: { p_id: string };
  /** HR only: every live card of the organisation exactly once. Errors: 42501 forbidden; 22023 invalid_order. */
  reorder_value_cards: { p_ids: string[] };
  /**
   * HR only. minutes 1..10, pass_mark 0..100; 1-20 cards, 1-20 questions of 2-10
   * options; changing cards, quiz or pass mark makes a new version. Errors: 42501
   * forbidden; 22023 missing_field, too_short, too_long, out_of_range, invalid_type,
   * invalid_cards, invalid_quiz, invalid_correct, unknown_option, unknown_store,
   * unknown_department, invalid_roles, unknown_lesson, lesson_archived, version_conflict, invalid_language,
   * invalid_translation (not the original's cards, questions or options).
   */
  save_lesson: {
    p_id: string | null;
    p_title: string;
    p_summary: string;
    p_minutes: number;
    p_cards: Lesson['cards'];
    p_quiz: QuizQuestion[];
    p_pass_mark?: number;
    p_store_ids?: string[];
    p_department_ids?: string[];
    p_roles?: z.infer<typeof role>[];
    p_base_version?: number | null;
    /** The original's language, taken only when the lesson is created (default the author's locale). */
    p_language?: ContentLanguage | null;
    /** Sent on every save: null means the lesson has no translation. */
    p_translation?: LessonTranslation | null;
  };
  /** HR only. Errors: 42501 forbidden; 22023 unknown_lesson. */
  archive_lesson: { p_id: string };
  authored_lessons: Record<string, never>;
  /** The key (both or neither) is the last page's next. */
  training_report: { p_after_store_name?: string | null; p_after_store_id?: string | null; p_limit?: number };
  /**
   * HR: any audience; managers: only stores they run (at least one). p_due_on YYYY-MM-DD, today .. two years.
   * Errors: 42501 forbidden, not_your_store; 22023 unknown_lesson, unknown_store, unknown_department, invalid_roles, invalid_due_date.
   */
  require_lesson: { p_lesson_id: string; p_due_on: string; p_store_ids?: string[]; p_department_ids?: string[]; p_roles?: z.infer<typeof role>[] };
  /** The key (all three or none) is the last page's next. */
  training_overdue: { p_after_name?: string | null; p_after_member_id?: string | null; p_after_lesson_id?: string | null; p_limit?: number };
  training_requirements: Record<string, never>;
  /**
   * HR: any requirement of the organisation; managers: one whose stores are all theirs. p_due_on as require_lesson.
   * Errors: 42501 forbidden, not_your_requirement; 22023 unknown_requirement, invalid_due_date.
   */
  change_lesson_requirement: { p_id: string; p_due_on: string };
  /** Who may: as change_lesson_requirement. Errors: 42501 forbidden, not_your_requirement; 22023 unknown_requirement. */
  remove_lesson_requirement: { p_id: string };
  // Voice (#5).
  my_feedback: Record<string, never>;
  feedback_open_count: Record<string, never>;
  /** p_status: open | answered | closed | null (all); p_limit 1..1000 (default 500). */
  feedback_inbox: { p_status?: 'open' | 'answered' | 'closed' | null; p_limit?: number };
  /** p_body 1..4000 characters; p_public default true; p_mark default 'answered'. */
  reply_feedback: { p_feedback_id: string; p_body: string; p_public?: boolean; p_mark?: 'open' | 'answered' | 'closed' };
  set_feedback_status: { p_feedback_id: string; p_status: 'open' | 'answered' | 'closed' };
  /** Default: the caller's own store. */
  store_board: { p_store_id?: string | null };
  /** p_id: new (client-made or null) or an open pulse to change; empty audience lists = everyone. */
  save_pulse: {
    p_id?: string | null;
    p_question: string;
    p_scale: 'nps_0_10' | 'scale_1_5';
    p_allow_comment?: boolean;
    p_store_ids?: string[];
    p_department_ids?: string[];
    p_roles?: Array<'staff' | 'manager' | 'hr' | 'admin'>;
    p_opens_at?: string | null;
    p_closes_at: string;
  };
  pulse_report: { p_pulse_id: string; p_group_by?: 'store' | 'department' };
  pulse_trend: { p_limit?: number };
  // Web Push (#11).
  /**
   * Upsert by endpoint (an endpoint of another member moves to the caller). Keys are the
   * subscription's base64url p256dh (65 bytes) and auth (16 bytes); p_device up to 120.
   * Errors: 22023 invalid_endpoint, invalid_p256dh, invalid_auth, too_long.
   */
  save_push_subscription: { p_endpoint: string; p_p256dh: string; p_auth: string; p_device?: string | null };
  /** Only the caller's own endpoint is deleted (else deleted: false). Call before signing out. */
  delete_push_subscription: { p_endpoint: string };
  my_push_subscriptions: Record<string, never>;
  /** Managers (as briefing_ack_status) and HR. Errors: 42501 unknown_briefing; 22023 not_acknowledgeable. */
  /** Only the people of one store and/or department when given. Errors: 42501 unknown_briefing, unknown_store, unknown_department; 22023 not_acknowledgeable. */
  remind_unacknowledged: { p_briefing_id: string; p_store_id?: string | null; p_department_id?: string | null };
  /** HR only; "HH:MM" times in the store's zone, equal = none. Errors: 42501 forbidden; 22023 missing_field, unknown_store. */
  set_store_quiet_hours: { p_store_id: string; p_start: string; p_end: string };
  /** ISO weekdays (1 = Monday), at most 6; empty = none. Errors: 22023 invalid_days. */
  set_my_off_days: { p_days: number[] };
  /** The caller's own device with this endpoint only. Errors: 22023 unknown_subscription (not a device of the caller's). */
  send_test_push: { p_endpoint: string };
  // Administration (#12). Errors name their detail code; 42501 for staff on every call.
  /** Managers: the stores they run; HR/admin: all. */
  admin_stores: Record<string, never>;
  /** Managers' counts cover the stores they run. */
  admin_departments: Record<string, never>;
  /** HR only. Errors: 22023 unknown_store, missing_field, too_long, invalid_code, duplicate_store_code, invalid_time_zone. */
  admin_save_store: { p_store: AdminStoreInput };
  /** HR and admins. Errors: 42501 forbidden. */
  admin_organization: Record<string, never>;
  /** HR and admins; logged as org_time_zone_changed. Errors: 42501 forbidden; 22023 invalid_time_zone. */
  admin_set_org_time_zone: { p_time_zone: string };
  /** HR only. Errors: 22023 unknown_department, missing_field, too_long, duplicate_department_name. */
  admin_save_department: { p_department: { id?: string | null; name: string } };
  /**
   * p_status: active | inactive | not_activated (active, no login yet) | null (all); p_limit 1..200 (default 50);
   * p_after: the previous page's next. Errors: 42501 store_not_managed; 22023 invalid_limit, invalid_status, invalid_role, invalid_cursor, too_long.
   */
  admin_people: {
    p_query?: string | null;
    p_store_id?: string | null;
    p_department_id?: string | null;
    p_role?: z.infer<typeof role> | null;
    p_status?: 'active' | 'inactive' | 'not_activated' | null;
    p_after?: AdminPeopleCursor | null;
    p_limit?: number;
  };
  /** One person as admin_people lists them. Errors: 42501 forbidden (staff), person_not_managed (unknown, another organisation's or, for a manager, not of a store they run: one answer). */
  admin_person: { p_id: string };
  /**
   * Errors: 42501 person_not_managed, role_not_allowed, store_not_managed, cannot_change_self; 22023 unknown_person,
   * missing_field, too_long, invalid_employee_id, duplicate_employee_id, invalid_email, duplicate_email, invalid_phone,
   * invalid_locale, invalid_role, unknown_store, unknown_department.
   */
  admin_save_person: { p_person: AdminPersonInput };
  /** p_reason up to 500 characters. Errors: 42501 person_not_managed, cannot_change_self; 22023 unknown_person, too_long. */
  admin_set_person_active: { p_member_id: string; p_active: boolean; p_reason?: string | null };
  /** HR only; p_limit 1..200 (default 50). Errors: 22023 invalid_filters, invalid_limit, invalid_cursor. */
  admin_audit_log: { p_filters?: AdminAuditFilters | null; p_after?: AdminAuditCursor | null; p_limit?: number };
  /** HR only; the key (both or neither) is the last row's at and id; p_limit 1..1000 (default 1000). */
  admin_audit_export_page: { p_filters?: AdminAuditFilters | null; p_after_at?: string | null; p_after_id?: number | null; p_limit?: number };
  /** HR/admin (anyone active but themselves) and managers (staff of their stores). Errors: 42501 forbidden, person_not_managed, cannot_change_self; 22023 unknown_person, no_employee_id. */
  issue_activation_code: { p_member_id: string };
  /** p_all: everyone, not only those without a login. Errors: 42501 forbidden, store_not_managed; 22023 unknown_store. */
  store_activation_sheet: { p_store_id: string; p_all?: boolean };
  /** Either argument; issues nothing (send-activation does). Errors: 42501 forbidden, store_not_managed; 22023 missing_field, invalid_limit, unknown_store. */
  activation_email_preview: { p_member_ids?: string[] | null; p_store_id?: string | null };
  /** Managers and HR; a day to live. Errors: 42501 forbidden. */
  roster_start: Record<string, never>;
  /** At most 1000 rows. Errors: 22023 unknown_import, invalid_type, too_many_rows (row problems are answers, not errors). */
  roster_dry_run: { p_import_id: string; p_rows: RosterRowInput[] };
  /** p_limit 0..1000 (default 200). Errors: 22023 unknown_import, invalid_limit. */
  roster_missing: { p_import_id: string; p_limit?: number };
  /** At most 1000 rows; all or nothing (the error's message begins 'row N:'). Errors: 22023 unknown_import, invalid_range, and admin_save_person's. */
  roster_apply: { p_import_id: string; p_first_row: number; p_last_row: number };
  /** Only ids still missing from the import are deactivated; at most 1000. */
  roster_deactivate_missing: { p_import_id: string; p_member_ids: string[] };
  /** p_limit 1..200 (default 50); the key (both or neither) is the previous answer's next. */
  report_pending_people: PendingPeopleArgs & { p_limit?: number };
  /** p_limit 1..1000 (default 1000); the key is the last row's display_name and member_id. */
  report_pending_csv_page: PendingPeopleArgs & { p_limit?: number };
  /** p_id: that one store when the caller reports on it, else []. */
  report_stores: { p_search?: string | null; p_id?: string | null };
  report_departments: Record<string, never>;
  report_briefings: { p_search?: string | null; p_days?: number };
}
/** One store (the caller's; else 42501 unknown_store) and/or one department (the organisation's; else 42501 unknown_department). */
export interface ComplianceFilters {
  p_store_id?: string | null;
  p_department_id?: string | null;
}
/** The filters and key report_pending_people and report_pending_csv_page share. */
export interface PendingPeopleArgs {
  p_briefing_id: string;
  p_store_id?: string | null;
  p_department_id?: string | null;
  p_search?: string | null;
  p_after_name?: string | null;
  p_after_id?: string | null;
}
export type RpcName = keyof typeof RPC;
export type RpcResult<N extends RpcName> = z.infer<(typeof RPC)[N]['result']>;
