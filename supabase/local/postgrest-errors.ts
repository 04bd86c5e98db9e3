/**
 * PostgREST's error contract: the `{code, message, details, hint}` body, and the HTTP
 * status PostgREST gives each PostgreSQL error class, so clients see the same answers
 * locally as against a hosted project.
 */
import { isDatabaseError } from './pg-util';

export interface PostgrestError {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

export function postgrestError(code: string, message: string, details: string | null = null, hint: string | null = null): PostgrestError {
  return { code, message, details, hint };
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  '23503': 409,
  '23505': 409,
  '25006': 405,
  // Config limit exceeded is no lack of resources a retry would cure.
  '53400': 500,
  P0001: 400,
  '42883': 404,
  '42P01': 404,
};

const STATUS_BY_CLASS: Readonly<Record<string, number>> = {
  '08': 503,
  '09': 500,
  '0L': 403,
  '0P': 403,
  '25': 500,
  '28': 403,
  '2D': 500,
  '38': 500,
  '39': 500,
  '3B': 500,
  '40': 500,
  '53': 503,
  '54': 500,
  '55': 500,
  '57': 500,
  '58': 500,
  F0: 500,
  HV: 500,
  P0: 500,
  XX: 500,
};

export function statusForSqlState(sqlState: string, role: string): number {
  // Insufficient privilege: "sign in" for anonymous callers, "forbidden" for the rest.
  if (sqlState === '42501') return role === 'anon' ? 401 : 403;
  // `raise ... using errcode = 'PT404'` picks the HTTP status itself.
  const custom = /^PT(\d{3})$/.exec(sqlState);
  if (custom) return Number(custom[1]);
  return STATUS_BY_CODE[sqlState] ?? STATUS_BY_CLASS[sqlState.slice(0, 2)] ?? 400;
}

/** Null when `error` did not come from PostgreSQL. */
export function fromDatabaseError(error: unknown, role: string): { status: number; body: PostgrestError } | null {
  if (!isDatabaseError(error) || !error.code) return null;
  return {
    status: statusForSqlState(error.code, role),
    body: postgrestError(error.code, error.message, error.detail ?? null, error.hint ?? null),
  };
}
