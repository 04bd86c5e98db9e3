/**
 * The one description of what crosses the API: rows sync_pull returns, the
 * mutations sync_push takes, and what the report calls answer. Client code,
 * tests and benchmarks all import from here; responses are parsed with these
 * schemas at the boundary so a server change fails loudly, not silently.
 *
 * zod/mini keeps the phone bundle small (tree-shakeable checks).
 */
import * as z from 'zod/mini';

const uuid = z.string().check(z.uuid());
const isoTime = z.string();
const role = z.enum(['staff', 'manager', 'hr', 'admin']);

export const LIMITS = {
  batch: 500,
  briefingTitle: 200,
  briefingBody: 20_000,
  feedbackBody: 4_000,
  kudosMessage: 500,
  pulseComment: 1_000,
} as const;

export const MemberProfile = z.object({
  member_id: uuid,
  user_id: uuid,
  display_name: z.string(),
  email: z.string(),
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
  /** The text this version replaced (version - 1), for "what changed"; null or absent at version 1. */
  previous: z.optional(z.nullable(z.object({ version: z.number(), title: z.string(), body: z.string() }))),
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

export const Lesson = z.object({
  id: uuid,
  title: z.string(),
  summary: z.string(),
  minutes: z.number(),
  cards: z.array(LessonCard),
  quiz: z.array(QuizQuestion),
  pass_mark: z.number(),
  version: z.number(),
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
});
export type Ack = z.infer<typeof Ack>;

export const SyncPullResult = z.object({
  cursor: z.number(),
  has_more: z.boolean(),
  /** Rows a first sync (cursor 0) will bring in all; null on later pages. */
  total: z.optional(z.nullable(z.number())),
  reset: z.optional(z.boolean()),
  me: MemberProfile,
  briefings: z.array(Briefing),
  value_cards: z.array(ValueCard),
  lessons: z.array(Lesson),
  pulses: z.array(Pulse),
  acks: z.array(Ack),
  removed: z.array(uuid),
});
export type SyncPullResult = z.infer<typeof SyncPullResult>;

export const AckPayload = z.object({
  briefing_id: uuid,
  version: z.number(),
  content_hash: z.string(),
  acked_at: isoTime,
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
  | 'missing_field' | 'invalid_type' | 'too_short' | 'too_long' | 'out_of_range' | 'invalid_value'
  | 'invalid_mutation' | 'unknown_type' | 'invalid_payload' | 'id_conflict' | 'invalid_timestamp'
  | 'unknown_briefing' | 'briefing_retracted' | 'unknown_version' | 'hash_mismatch'
  | 'unknown_lesson' | 'invalid_answers' | 'incomplete_attempt'
  | 'no_store' | 'unknown_pulse' | 'pulse_closed' | 'comments_not_allowed' | 'already_answered'
  | 'self_kudos' | 'unknown_member' | 'unknown_value'
  | 'forbidden' | 'forbidden_audience' | 'unknown_store' | 'unknown_department' | 'already_exists' | 'version_conflict'
  | 'unknown_reference' | 'server_error';

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
  pending: z.array(z.object({
    member_id: uuid,
    display_name: z.string(),
    store_name: z.nullable(z.string()),
    department_name: z.nullable(z.string()),
  })),
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
  reach: z.array(z.object({
    store_id: uuid,
    department_id: z.nullable(uuid),
    role,
    members: z.number(),
  })),
});
export type ComposeDirectory = z.infer<typeof ComposeDirectory>;

/**
 * compliance_report(p_days) (HR: organisation; managers: their stores).
 * Briefings counted: must-acknowledge, not retracted, published on one of the
 * last p_days UTC days (first_day..last_day) or due on last_day or later.
 * total = active audience members in scope (members with a store; head office
 * is not counted); acked = of those, who acknowledged the current version;
 * overdue = total - acked once ack_due_at has passed, else 0.
 * by_briefing: ordered by ack_due_at (none last), then newest first.
 * by_store: every store with audience in scope, by name; summed over by_briefing.
 * overdue_people: the first 100 (earliest due, then name) person x briefing pairs.
 * daily: one entry per UTC day first_day..last_day; acked = acknowledgements
 * received that day (counting as above), cumulative = received by its end, so
 * cumulative / total is the rate over time. rate = acked / total, null when total is 0.
 */
export const ComplianceReport = z.object({
  days: z.number(),
  first_day: z.string(),
  last_day: z.string(),
  total: z.number(),
  acked: z.number(),
  overdue: z.number(),
  rate: z.nullable(z.number()),
  by_briefing: z.array(z.object({
    id: uuid,
    title: z.string(),
    kind: z.enum(['shift', 'news', 'policy']),
    version: z.number(),
    publish_at: isoTime,
    ack_due_at: z.nullable(isoTime),
    total: z.number(),
    acked: z.number(),
    overdue: z.number(),
  })),
  by_store: z.array(z.object({ store_id: uuid, name: z.string(), total: z.number(), acked: z.number() })),
  overdue_people: z.array(z.object({
    member_id: uuid,
    display_name: z.string(),
    store_name: z.string(),
    briefing_id: uuid,
    title: z.string(),
    ack_due_at: isoTime,
  })),
  daily: z.array(z.object({ day: z.string(), acked: z.number(), cumulative: z.number() })),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

/**
 * audit_export(p_from, p_to) (HR only): one row per acknowledgement received in
 * [p_from, p_to), oldest first. Fetch it as CSV (supabase-js `.csv()`, or
 * `Accept: text/csv`), which streams with these columns as its header row;
 * audit_export_count takes the same range and answers the row count for progress.
 * `store` is the member's current store (null at head office); `briefing` is
 * the title of the acknowledged version.
 */
export const AUDIT_EXPORT_COLUMNS = [
  'person', 'employee_email', 'store', 'briefing', 'version', 'content_hash', 'acked_on_device_at', 'received_by_server_at',
] as const;
export const AuditExportRow = z.object({
  person: z.string(),
  employee_email: z.string(),
  store: z.nullable(z.string()),
  briefing: z.string(),
  version: z.number(),
  content_hash: z.string(),
  acked_on_device_at: isoTime,
  received_by_server_at: isoTime,
});
export type AuditExportRow = z.infer<typeof AuditExportRow>;

// Values, kudos and learning calls (#5): schemas.

// Voice calls: feedback and pulses (#5): schemas.

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
  /** As JSON this buffers every row; the app fetches it as streamed CSV instead (see AUDIT_EXPORT_COLUMNS). */
  audit_export: { result: z.array(AuditExportRow) },
  audit_export_count: { result: z.number() },
  // Values, kudos and learning (#5).
  // Voice (#5).
} as const;
export interface RpcArgs {
  sync_pull: { p_cursor?: number; p_limit?: number };
  sync_push: { p_mutations: Mutation[] };
  briefing_ack_status: { p_briefing_id: string; p_pending_limit?: number };
  /** Errors: 22023 invalid_locale. */
  set_my_locale: { p_locale: Locale };
  /** Errors: 42501 forbidden (staff). */
  compose_directory: Record<string, never>;
  /** p_days 1..366 (default 30). Errors: 42501 forbidden (staff), 22023 invalid_days. */
  compliance_report: { p_days?: number };
  /** ISO times; [p_from, p_to), null or absent = open. Errors: 42501 forbidden (anyone but HR/admin). */
  audit_export: { p_from?: string | null; p_to?: string | null };
  audit_export_count: { p_from?: string | null; p_to?: string | null };
  // Values, kudos and learning (#5).
  // Voice (#5).
}
export type RpcName = keyof typeof RPC;
export type RpcResult<N extends RpcName> = z.infer<(typeof RPC)[N]['result']>;
