/**
 * How an admin call came out, as codes a screen words: the server's detail code
 * for a refusal (42501) or bad input (22023), offline when the network failed,
 * and the raw failure for anything else. Never English: the screens hold the words.
 */
import type { RpcFailure, RpcOutcome } from '../supabase/rpc';

/** 42501 details the admin functions give. */
export type AdminForbiddenCode = 'forbidden' | 'person_not_managed' | 'role_not_allowed' | 'store_not_managed' | 'cannot_change_self';

/** 22023 details the admin functions give. */
export type AdminInvalidCode =
  | 'missing_field'
  | 'invalid_type'
  | 'too_long'
  | 'unknown_person'
  | 'unknown_store'
  | 'unknown_department'
  | 'invalid_employee_id'
  | 'duplicate_employee_id'
  | 'invalid_email'
  | 'duplicate_email'
  | 'invalid_phone'
  | 'invalid_locale'
  | 'invalid_role'
  | 'invalid_code'
  | 'duplicate_store_code'
  | 'invalid_time_zone'
  | 'duplicate_department_name'
  | 'invalid_status'
  | 'invalid_limit'
  | 'invalid_cursor'
  | 'invalid_filters'
  | 'no_employee_id';

const FORBIDDEN: readonly string[] = ['forbidden', 'person_not_managed', 'role_not_allowed', 'store_not_managed', 'cannot_change_self'];
const INVALID: readonly string[] = [
  'missing_field',
  'invalid_type',
  'too_long',
  'unknown_person',
  'unknown_store',
  'unknown_department',
  'invalid_employee_id',
  'duplicate_employee_id',
  'invalid_email',
  'duplicate_email',
  'invalid_phone',
  'invalid_locale',
  'invalid_role',
  'invalid_code',
  'duplicate_store_code',
  'invalid_time_zone',
  'duplicate_department_name',
  'invalid_status',
  'invalid_limit',
  'invalid_cursor',
  'invalid_filters',
  'no_employee_id',
];

export type AdminFailure =
  | { kind: 'offline' }
  /** Not allowed: `code` says why (staff, another store, a role only HR gives, yourself). */
  | { kind: 'forbidden'; code: AdminForbiddenCode }
  /** The input was refused: `code` names the problem (duplicate_employee_id, invalid_email, ...). */
  | { kind: 'invalid'; code: AdminInvalidCode }
  | { kind: 'failed'; error: RpcFailure };

export type AdminOutcome<T> = { ok: true; data: T } | { ok: false; failure: AdminFailure };

export function adminFailure(error: RpcFailure): AdminFailure {
  if (error.kind === 'network') return { kind: 'offline' };
  if (error.kind === 'http') {
    const detail = error.details ?? '';
    if (error.code === '42501' || error.status === 403) {
      return { kind: 'forbidden', code: FORBIDDEN.includes(detail) ? (detail as AdminForbiddenCode) : 'forbidden' };
    }
    if (error.code === '22023' && INVALID.includes(detail)) return { kind: 'invalid', code: detail as AdminInvalidCode };
  }
  return { kind: 'failed', error };
}

export function adminOutcome<T>(outcome: RpcOutcome<T>): AdminOutcome<T> {
  return outcome.ok ? outcome : { ok: false, failure: adminFailure(outcome.error) };
}
