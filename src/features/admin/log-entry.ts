/** An admin log entry's changes as lines to read: each changed field, before → after (ids left out where a name sits beside them). */
import type { AdminAuditEntry } from '../../data/supabase/types';

export interface ChangeLine {
  field: string;
  before: string | null;
  after: string;
}

const HIDDEN = new Set(['id', 'store_id', 'department_id', 'managed_store_ids', 'org_id', 'updated_at', 'created_at']);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function changeLines(entry: Pick<AdminAuditEntry, 'before' | 'after'>): ChangeLine[] {
  return Object.keys(entry.after)
    .filter((field) => !HIDDEN.has(field))
    .map((field) => ({ field, before: entry.before ? show(entry.before[field]) : null, after: show(entry.after[field]) }));
}
