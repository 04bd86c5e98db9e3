/**
 * Where a new briefing may start from instead of a blank form: a built-in
 * template (its words come from the UI, in the author's language) or one of
 * the author's past briefings, copied into a new draft (the old one is never
 * touched). And what audience the form may offer: exactly what the server's
 * apply_briefing accepts (supabase/migrations/20261122100800_create_sync_push.sql),
 * so the form never offers what the server refuses. Pure.
 */
import { type BriefingDraft, type BriefingFields, type BriefingKind, type BriefingPriority, emptyDraft, type MemberRole } from './briefing-draft';

export type TemplateId = 'shift_huddle' | 'safety_alert' | 'policy_update';

/** The built-in templates' shape; their title and body are the UI's words. */
export interface TemplateShape {
  id: TemplateId;
  kind: BriefingKind;
  priority: BriefingPriority;
  requiresAck: boolean;
}

export const TEMPLATES: readonly TemplateShape[] = [
  { id: 'shift_huddle', kind: 'shift', priority: 'normal', requiresAck: true },
  { id: 'safety_alert', kind: 'news', priority: 'critical', requiresAck: true },
  { id: 'policy_update', kind: 'policy', priority: 'important', requiresAck: true },
];

/** A template over the current draft: its words and kind replace the draft's, the audience chosen so far stays. */
export function draftFromTemplate(current: BriefingDraft, template: TemplateShape, words: { title: string; body: string }): BriefingDraft {
  return {
    ...current,
    kind: template.kind,
    priority: template.priority,
    requiresAck: template.requiresAck,
    title: words.title,
    body: words.body,
  };
}

/**
 * A past briefing as a new draft: its words, kind, priority, acknowledgement
 * and audience, but no dates (its shift, due and publish times have passed or
 * belong to it). Stores a manager no longer manages are dropped; none left
 * means the form's usual start (their only store, or a choice).
 */
export function repeatDraft(past: BriefingFields, role: MemberRole, managedStoreIds: readonly string[]): BriefingDraft {
  const fresh = emptyDraft(role, managedStoreIds);
  const stores = role === 'manager' ? past.store_ids.filter((id) => managedStoreIds.includes(id)) : [...past.store_ids];
  return {
    ...fresh,
    kind: past.kind,
    title: past.title,
    body: past.body,
    priority: past.priority,
    storeIds: role === 'manager' && stores.length === 0 ? fresh.storeIds : stores,
    departmentIds: [...past.department_ids],
    roles: [...past.roles],
    requiresAck: past.requires_ack,
    // The version in the other language is part of the words repeated.
    language: past.language ?? fresh.language,
    translationTitle: past.translation?.title ?? '',
    translationBody: past.translation?.body ?? '',
  };
}

export interface AudienceChoices<S> {
  /** The stores offered. */
  stores: S[];
  /** Whether "no store ticked: the whole organisation" is allowed. */
  wholeOrganisation: boolean;
  /** Roles offered: the server lets every author address any role within the stores they may address. */
  roles: MemberRole[];
}

const ALL_ROLES: readonly MemberRole[] = ['staff', 'manager', 'hr', 'admin'];

/**
 * What the audience part of the form offers. A manager: only stores they
 * manage, at least one (apply_briefing: forbidden_audience otherwise), never
 * the whole organisation. HR and admin: every store of the directory, or none
 * for the whole organisation. Before the directory arrives, a manager's own
 * store is known from their profile.
 */
export function audienceChoices<S extends { id: string }>(
  role: MemberRole,
  managedStoreIds: readonly string[],
  directoryStores: readonly S[] | undefined,
  ownStore: S | null,
  directoryRoles?: readonly MemberRole[],
): AudienceChoices<S> {
  const known = directoryStores ?? (ownStore ? [ownStore] : []);
  const manager = role === 'manager';
  return {
    stores: manager ? known.filter((s) => managedStoreIds.includes(s.id)) : [...known],
    wholeOrganisation: !manager,
    roles: (directoryRoles ?? ALL_ROLES).filter((r) => ALL_ROLES.includes(r)),
  };
}
