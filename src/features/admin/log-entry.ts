/**
 * An admin log entry's changes as lines to read: each changed field, before → after,
 * with ids left out where a name or code sits beside them, and the values that are
 * codes (role, language, active) in words when `words` is given.
 */
import type { AdminAuditEntry } from '../../data/supabase/types';

export interface ChangeLine {
  field: string;
  /** Null for a creation (nothing before). */
  before: string | null;
  after: string;
}

export interface ValueWords {
  role(role: string): string | null;
  locale(locale: string): string | null;
  active(active: boolean): string;
  /** Any other true/false field (an activation code's replaced_code, has_login). */
  yesNo?(yes: boolean): string;
  /** A time (fields ending in _at, such as a code's expires_at). */
  when?(iso: string): string;
}

const HIDDEN = new Set(['id', 'store_id', 'store_name', 'department_id', 'managed_store_ids', 'org_id', 'updated_at', 'created_at']);

function show(field: string, value: unknown, words?: ValueWords): string {
  if (value === null || value === undefined || value === '') return '—';
  if (words && field === 'active' && typeof value === 'boolean') return words.active(value);
  if (words?.yesNo && typeof value === 'boolean') return words.yesNo(value);
  if (words?.when && field.endsWith('_at') && typeof value === 'string') return words.when(value);
  if (words && field === 'role' && typeof value === 'string') return words.role(value) ?? value;
  if (words && field === 'locale' && typeof value === 'string') return words.locale(value) ?? value;
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => show(field, item, words)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function changeLines(entry: Pick<AdminAuditEntry, 'before' | 'after'>, words?: ValueWords): ChangeLine[] {
  return Object.keys(entry.after)
    .filter((field) => !HIDDEN.has(field))
    .map((field) => ({ field, before: entry.before ? show(field, entry.before[field], words) : null, after: show(field, entry.after[field], words) }));
}
