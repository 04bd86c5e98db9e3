/**
 * What the admin forms check before they call the server (#12): the same
 * lengths (ADMIN_LIMITS, held to the CHECK constraints) and formats as
 * admin_save_person / admin_save_store, so a person hears about a bad field
 * next to it at once; the server still checks everything. Answers are codes
 * (the server's own AdminInvalidCode words where one fits); screens word them.
 */
import { ADMIN_LIMITS } from './limits';

export type FieldProblem = 'missing_field' | 'too_long' | 'invalid_employee_id' | 'invalid_email' | 'invalid_phone' | 'invalid_code' | 'invalid_time_zone';

/** Letters and digits, with . _ / - inside (employee IDs and store codes; Postgres [[:alnum:]]). */
const CODE = /^[\p{L}\p{N}]([\p{L}\p{N}._/-]*[\p{L}\p{N}])?$/u;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/u;
const PHONE = /^\+?[0-9][0-9 ]*[0-9]$/;

export interface PersonDraft {
  displayName: string;
  employeeId: string;
  email: string;
  phone: string;
}

export interface StoreDraft {
  name: string;
  code: string;
  timeZone: string;
  region: string;
}

export type Problems<F extends string> = Partial<Record<F, FieldProblem>>;

function required(value: string, max: number): FieldProblem | undefined {
  const text = value.trim();
  if (text === '') return 'missing_field';
  if ([...text].length > max) return 'too_long';
  return undefined;
}

function optional(value: string, max: number, format: RegExp, code: FieldProblem): FieldProblem | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  if ([...text].length > max) return 'too_long';
  return format.test(text) ? undefined : code;
}

function drop<F extends string>(problems: Record<F, FieldProblem | undefined>): Problems<F> {
  return Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem !== undefined)) as Problems<F>;
}

export function personProblems(draft: PersonDraft): Problems<keyof PersonDraft> {
  const employeeId = draft.employeeId.trim();
  return drop({
    displayName: required(draft.displayName, ADMIN_LIMITS.personName),
    employeeId: required(employeeId, ADMIN_LIMITS.employeeId) ?? (CODE.test(employeeId) ? undefined : 'invalid_employee_id'),
    email: optional(draft.email, ADMIN_LIMITS.email, EMAIL, 'invalid_email'),
    phone: optional(draft.phone, ADMIN_LIMITS.phone, PHONE, 'invalid_phone'),
  });
}

/** `zones`: the time zones this browser knows (Intl.supportedValuesOf), or null to leave that to the server. */
export function storeProblems(draft: StoreDraft, zones: readonly string[] | null): Problems<keyof StoreDraft> {
  const code = draft.code.trim();
  const zone = draft.timeZone.trim();
  return drop({
    name: required(draft.name, ADMIN_LIMITS.storeName),
    code: required(code, ADMIN_LIMITS.storeCode) ?? (CODE.test(code) ? undefined : 'invalid_code'),
    timeZone: zone === '' ? 'missing_field' : zones && !zones.includes(zone) && zone !== 'UTC' ? 'invalid_time_zone' : undefined,
    region: [...draft.region.trim()].length > ADMIN_LIMITS.storeRegion ? 'too_long' : undefined,
  });
}

export function departmentProblem(name: string): FieldProblem | undefined {
  return required(name, ADMIN_LIMITS.departmentName);
}

/** The reason for a deactivation or reactivation is optional, up to its limit. */
export function reasonProblem(reason: string): FieldProblem | undefined {
  return [...reason.trim()].length > ADMIN_LIMITS.activeReason ? 'too_long' : undefined;
}

/** Time zones whose name holds every word of the query (case and separators ignored), for the searchable select. */
export function matchTimeZones(zones: readonly string[], query: string, limit = 50): string[] {
  const words = query
    .toLowerCase()
    .split(/[\s/_,-]+/)
    .filter(Boolean);
  const hits = words.length === 0 ? zones : zones.filter((zone) => words.every((word) => zone.toLowerCase().replaceAll('_', ' ').includes(word)));
  return hits.slice(0, limit);
}
