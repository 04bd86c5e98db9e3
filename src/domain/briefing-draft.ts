/**
 * A briefing as the compose form holds it, the rules it must pass before it
 * is queued, and the payload it becomes. Date-times are the phone's
 * datetime-local text ("2026-11-22T15:30", the phone's own time zone: the
 * manager is on the floor), turned into instants only here.
 */
import type { ContentLanguage } from './briefing-language';
import { otherLanguage } from './content-language';
import { LIMITS } from './limits';

export type BriefingKind = 'shift' | 'news' | 'policy';
export type BriefingPriority = 'normal' | 'important' | 'critical';
export type MemberRole = 'staff' | 'manager' | 'hr' | 'admin';

export interface BriefingDraft {
  kind: BriefingKind;
  title: string;
  body: string;
  priority: BriefingPriority;
  storeIds: string[];
  departmentIds: string[];
  roles: MemberRole[];
  /** "2026-11-22", or '' for none. */
  shiftDate: string;
  /** "09:00", or '' for none. */
  shiftStart: string;
  shiftEnd: string;
  requiresAck: boolean;
  /** datetime-local text in the phone's time zone, or '' for no due time. */
  ackDue: string;
  /** When staff see it and are notified: datetime-local text, or '' for as soon as it is sent. */
  publishAt: string;
  /** The language title and body are written in (the author's, fixed once published). */
  language: ContentLanguage;
  /** The optional version in the other language: both empty for none. */
  translationTitle: string;
  translationBody: string;
}

/** The saved briefing fields a draft is prefilled from when editing. */
export interface BriefingFields {
  kind: BriefingKind;
  title: string;
  body: string;
  priority: BriefingPriority;
  store_ids: readonly string[];
  department_ids: readonly string[];
  roles: readonly MemberRole[];
  shift_date: string | null;
  shift_start: string | null;
  shift_end: string | null;
  requires_ack: boolean;
  ack_due_at: string | null;
  /** Kept when editing a briefing that is still scheduled. */
  publish_at?: string;
  language?: ContentLanguage;
  translation?: { language: ContentLanguage; title: string; body: string } | null;
}

export type DraftField = 'title' | 'body' | 'stores' | 'shift' | 'ackDue' | 'publishAt' | 'translationTitle' | 'translationBody';

export type DraftProblemCode =
  | 'title_required'
  | 'title_too_long'
  | 'body_required'
  | 'body_too_long'
  | 'store_required'
  | 'store_not_managed'
  | 'shift_time_needs_date'
  | 'shift_end_before_start'
  | 'due_invalid'
  | 'due_in_past'
  | 'due_before_publish'
  | 'publish_invalid'
  | 'publish_in_past'
  | 'translation_title_required'
  | 'translation_title_too_long'
  | 'translation_body_required'
  | 'translation_body_too_long';

export interface DraftProblem {
  field: DraftField;
  code: DraftProblemCode;
}

/** What the briefing command itself refuses: the rest of a draft's rules need the form's context. */
export type BriefingTextProblem = Extract<DraftProblemCode, 'title_required' | 'title_too_long' | 'body_required' | 'body_too_long'>;

export interface DraftRules {
  /** The server's now (the phone's clock corrected by the offset learned at sync), so a wrong phone clock neither refuses nor lets through a time. */
  now: Date;
  /** Managers must pick at least one store, and only from these; HR and admin may pick any (or none: everyone). */
  role: MemberRole;
  managedStoreIds: readonly string[];
}

/** HR mostly sends policies; managers mostly send shift briefings. */
export function emptyDraft(role: MemberRole, managedStoreIds: readonly string[], language: ContentLanguage = 'en'): BriefingDraft {
  return {
    kind: role === 'manager' ? 'shift' : 'policy',
    title: '',
    body: '',
    priority: 'normal',
    // A manager of one store means that store; with several, they choose.
    storeIds: role === 'manager' && managedStoreIds.length === 1 ? [...managedStoreIds] : [],
    departmentIds: [],
    roles: [],
    shiftDate: '',
    shiftStart: '',
    shiftEnd: '',
    requiresAck: false,
    ackDue: '',
    publishAt: '',
    language,
    translationTitle: '',
    translationBody: '',
  };
}

/** A saved briefing as the form edits it; its publish time only while it is still ahead of now (server time). */
export function draftFrom(briefing: BriefingFields, now: Date): BriefingDraft {
  return {
    kind: briefing.kind,
    title: briefing.title,
    body: briefing.body,
    priority: briefing.priority,
    storeIds: [...briefing.store_ids],
    departmentIds: [...briefing.department_ids],
    roles: [...briefing.roles],
    shiftDate: briefing.shift_date ?? '',
    // Postgres sends times as "09:00:00"; time inputs take "09:00".
    shiftStart: briefing.shift_start?.slice(0, 5) ?? '',
    shiftEnd: briefing.shift_end?.slice(0, 5) ?? '',
    requiresAck: briefing.requires_ack,
    ackDue: briefing.ack_due_at ? toLocalInput(new Date(briefing.ack_due_at)) : '',
    publishAt: briefing.publish_at && Date.parse(briefing.publish_at) > now.getTime() ? toLocalInput(new Date(briefing.publish_at)) : '',
    language: briefing.language ?? 'en',
    translationTitle: briefing.translation?.title ?? '',
    translationBody: briefing.translation?.body ?? '',
  };
}

/** A title (counted trimmed) and a text within LIMITS, title first. */
export function briefingTextProblems(title: string, body: string): BriefingTextProblem[] {
  const problems: BriefingTextProblem[] = [];
  const trimmedTitle = title.trim();
  if (trimmedTitle.length === 0) problems.push('title_required');
  else if (trimmedTitle.length > LIMITS.briefingTitle) problems.push('title_too_long');
  if (body.trim().length === 0) problems.push('body_required');
  else if (body.length > LIMITS.briefingBody) problems.push('body_too_long');
  return problems;
}

/** Every problem with the draft, in form order; empty when it may be queued. */
export function draftProblems(draft: BriefingDraft, rules: DraftRules): DraftProblem[] {
  const problems: DraftProblem[] = briefingTextProblems(draft.title, draft.body).map((code) => ({ field: code.startsWith('title') ? 'title' : 'body', code }));
  if (rules.role === 'manager') {
    if (draft.storeIds.length === 0) problems.push({ field: 'stores', code: 'store_required' });
    else if (draft.storeIds.some((id) => !rules.managedStoreIds.includes(id))) problems.push({ field: 'stores', code: 'store_not_managed' });
  }
  if ((draft.shiftStart || draft.shiftEnd) && !draft.shiftDate) problems.push({ field: 'shift', code: 'shift_time_needs_date' });
  else if (draft.shiftStart && draft.shiftEnd && draft.shiftEnd <= draft.shiftStart) problems.push({ field: 'shift', code: 'shift_end_before_start' });
  const publish = draft.publishAt ? fromLocalInput(draft.publishAt) : null;
  if (draft.requiresAck && draft.ackDue) {
    const due = fromLocalInput(draft.ackDue);
    if (!due) problems.push({ field: 'ackDue', code: 'due_invalid' });
    else if (due.getTime() <= rules.now.getTime()) problems.push({ field: 'ackDue', code: 'due_in_past' });
    else if (publish && due.getTime() <= publish.getTime()) problems.push({ field: 'ackDue', code: 'due_before_publish' });
  }
  if (draft.publishAt) {
    if (!publish) problems.push({ field: 'publishAt', code: 'publish_invalid' });
    else if (publish.getTime() <= rules.now.getTime()) problems.push({ field: 'publishAt', code: 'publish_in_past' });
  }
  // A translation is optional, but half of one (a title with no text, or text with no title) is a mistake.
  if (hasTranslation(draft)) {
    for (const code of briefingTextProblems(draft.translationTitle, draft.translationBody)) {
      problems.push({ field: code.startsWith('title') ? 'translationTitle' : 'translationBody', code: `translation_${code}` });
    }
  }
  return problems;
}

export interface BriefingPayloadFields {
  briefing_id: string;
  title: string;
  body: string;
  kind: BriefingKind;
  priority: BriefingPriority;
  store_ids: string[];
  department_ids: string[];
  roles: MemberRole[];
  shift_date: string | null;
  shift_start: string | null;
  shift_end: string | null;
  requires_ack: boolean;
  ack_due_at: string | null;
  /** Absent: as soon as the server has it (or, for an edit, unchanged). */
  publish_at?: string;
  language: ContentLanguage;
  /** Null removes a translation the briefing had. */
  translation: { language: ContentLanguage; title: string; body: string } | null;
}

/** Whether the author started a version in the other language (either field filled). */
export function hasTranslation(draft: BriefingDraft): boolean {
  return draft.translationTitle.trim() !== '' || draft.translationBody.trim() !== '';
}

/** What publish and edit send: every field, since an edit replaces the whole briefing. */
export function payloadFields(briefingId: string, draft: BriefingDraft): BriefingPayloadFields {
  const due = draft.requiresAck && draft.ackDue ? fromLocalInput(draft.ackDue) : null;
  const publish = draft.publishAt ? fromLocalInput(draft.publishAt) : null;
  return {
    briefing_id: briefingId,
    title: draft.title.trim(),
    body: draft.body,
    kind: draft.kind,
    priority: draft.priority,
    store_ids: [...draft.storeIds],
    department_ids: [...draft.departmentIds],
    roles: [...draft.roles],
    shift_date: draft.shiftDate || null,
    shift_start: draft.shiftDate && draft.shiftStart ? draft.shiftStart : null,
    shift_end: draft.shiftDate && draft.shiftEnd ? draft.shiftEnd : null,
    requires_ack: draft.requiresAck,
    ack_due_at: due ? due.toISOString() : null,
    ...(publish ? { publish_at: publish.toISOString() } : {}),
    language: draft.language,
    translation: hasTranslation(draft) ? { language: otherLanguage(draft.language), title: draft.translationTitle.trim(), body: draft.translationBody } : null,
  };
}

/**
 * The version an edit is based on, so the server refuses it when someone else
 * changed the briefing meanwhile. A copy not yet confirmed (never sent, or an
 * edit still waiting) is this phone's own newer text: no check then, or the
 * person's second edit would conflict with their first.
 */
export function editBaseVersion(briefing: { version: number; local_state?: string }): number | undefined {
  return briefing.local_state === undefined && briefing.version > 0 ? briefing.version : undefined;
}

/** A Date as datetime-local text in the runtime's (the phone's) time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** datetime-local text read in the phone's time zone; null when it is not a date-time. */
export function fromLocalInput(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text);
  if (!match) return null;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day, hour, minute);
  // new Date rolls 2026-02-31 over into March: that is not what was typed.
  return date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/**
 * How a save of an existing briefing goes out: a briefing whose first publish
 * the server refused never existed there, so it is published again (same id);
 * anything else is an edit.
 */
export function saveAction(briefing: { version: number; local_state?: string }): 'publish' | 'edit' {
  return briefing.local_state === 'rejected' && briefing.version === 0 ? 'publish' : 'edit';
}
