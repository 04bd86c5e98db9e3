/**
 * The admin screens' words for the server's codes: every AdminForbiddenCode and
 * AdminInvalidCode has a sentence (the Records make a missing one a type error,
 * admin-words.test.ts a failing test), plus offline and any other failure.
 */
import type { AdminFailure, AdminForbiddenCode, AdminInvalidCode } from '../../data/admin/outcome';
import type { AdminAction, AdminPerson } from '../../data/supabase/types';
import type { FieldProblem } from '../../domain/admin-forms';
import type { PlainKey, Translate } from '../../ui/i18n/messages';
import type { ValueWords } from './log-entry';

export const FORBIDDEN_WORDS = {
  forbidden: 'admin.error.forbidden',
  person_not_managed: 'admin.error.person_not_managed',
  role_not_allowed: 'admin.error.role_not_allowed',
  store_not_managed: 'admin.error.store_not_managed',
  cannot_change_self: 'admin.error.cannot_change_self',
} as const satisfies Record<AdminForbiddenCode, PlainKey>;

export const INVALID_WORDS = {
  missing_field: 'admin.error.missing_field',
  invalid_type: 'admin.error.invalid_type',
  too_long: 'admin.error.too_long',
  unknown_person: 'admin.error.unknown_person',
  unknown_store: 'admin.error.unknown_store',
  unknown_department: 'admin.error.unknown_department',
  invalid_employee_id: 'admin.error.invalid_employee_id',
  duplicate_employee_id: 'admin.error.duplicate_employee_id',
  invalid_email: 'admin.error.invalid_email',
  duplicate_email: 'admin.error.duplicate_email',
  invalid_phone: 'admin.error.invalid_phone',
  invalid_locale: 'admin.error.invalid_locale',
  invalid_role: 'admin.error.invalid_role',
  invalid_code: 'admin.error.invalid_code',
  duplicate_store_code: 'admin.error.duplicate_store_code',
  invalid_time_zone: 'admin.error.invalid_time_zone',
  duplicate_department_name: 'admin.error.duplicate_department_name',
  invalid_status: 'admin.error.invalid_status',
  invalid_limit: 'admin.error.invalid_limit',
  invalid_cursor: 'admin.error.invalid_cursor',
  invalid_filters: 'admin.error.invalid_filters',
  no_employee_id: 'admin.error.no_employee_id',
} as const satisfies Record<AdminInvalidCode, PlainKey>;

export function adminFailureText(t: Translate, failure: AdminFailure): string {
  switch (failure.kind) {
    case 'offline':
      return t('admin.error.offline');
    case 'forbidden':
      return t(FORBIDDEN_WORDS[failure.code]);
    case 'invalid':
      return t(INVALID_WORDS[failure.code]);
    case 'failed':
      return t('admin.error.failed', { detail: failure.error.kind === 'http' ? (failure.error.details ?? failure.error.message) : failure.error.message });
  }
}

export function fieldProblemText(t: Translate, problem: FieldProblem): string {
  return t(INVALID_WORDS[problem]);
}

/** Which field of the person form a 22023 code belongs to, so its words sit next to that field. */
export const PERSON_FIELD_OF: Partial<Record<AdminInvalidCode, string>> = {
  invalid_employee_id: 'employeeId',
  duplicate_employee_id: 'employeeId',
  invalid_email: 'email',
  duplicate_email: 'email',
  invalid_phone: 'phone',
  unknown_store: 'store',
  unknown_department: 'department',
  invalid_role: 'role',
  invalid_locale: 'locale',
};

export const STORE_FIELD_OF: Partial<Record<AdminInvalidCode, string>> = {
  invalid_code: 'code',
  duplicate_store_code: 'code',
  invalid_time_zone: 'timeZone',
};

export const ROLE_WORDS = {
  staff: 'admin.role.staff',
  manager: 'admin.role.manager',
  hr: 'admin.role.hr',
  admin: 'admin.role.admin',
} as const satisfies Record<AdminPerson['role'], PlainKey>;

export type PersonStatus = 'active' | 'inactive' | 'not_activated';

export const STATUS_WORDS = {
  active: 'admin.status.active',
  inactive: 'admin.status.inactive',
  not_activated: 'admin.status.not_activated',
} as const satisfies Record<PersonStatus, PlainKey>;

export function personStatus(person: Pick<AdminPerson, 'active' | 'has_login'>): PersonStatus {
  if (!person.active) return 'inactive';
  return person.has_login ? 'active' : 'not_activated';
}

export const ACTION_WORDS = {
  store_created: 'admin.action.store_created',
  store_updated: 'admin.action.store_updated',
  department_created: 'admin.action.department_created',
  department_updated: 'admin.action.department_updated',
  person_created: 'admin.action.person_created',
  person_updated: 'admin.action.person_updated',
  person_deactivated: 'admin.action.person_deactivated',
  person_reactivated: 'admin.action.person_reactivated',
  activation_code_issued: 'admin.action.activation_code_issued',
  person_activated: 'admin.action.person_activated',
  activation_code_emailed: 'admin.action.activation_code_emailed',
  org_time_zone_changed: 'admin.action.org_time_zone_changed',
} as const satisfies Record<AdminAction, PlainKey>;

/** The admin log's field names (the keys of its before/after) in words; a field not here is shown as it is. */
export const LOG_FIELD_WORDS: Record<string, PlainKey> = {
  display_name: 'admin.logField.display_name',
  employee_id: 'admin.logField.employee_id',
  email: 'admin.logField.email',
  phone: 'admin.logField.phone',
  store_code: 'admin.logField.store_code',
  department_name: 'admin.logField.department_name',
  role: 'admin.logField.role',
  locale: 'admin.logField.locale',
  active: 'admin.logField.active',
  managed_store_codes: 'admin.logField.managed_store_codes',
  name: 'admin.logField.name',
  code: 'admin.logField.code',
  time_zone: 'admin.logField.time_zone',
  region: 'admin.logField.region',
  expires_at: 'admin.logField.expires_at',
  replaced_code: 'admin.logField.replaced_code',
  has_login: 'admin.logField.has_login',
  first_activation: 'admin.logField.first_activation',
};

export function logValueWords(t: Translate, when: (iso: string) => string = (iso) => iso): ValueWords {
  return {
    yesNo: (yes) => t(yes ? 'admin.log.yes' : 'admin.log.no'),
    when,
    role: (role) => (role in ROLE_WORDS ? t(ROLE_WORDS[role as AdminPerson['role']]) : null),
    locale: (locale) => (locale === 'en' ? t('admin.locale.en') : locale === 'es' ? t('admin.locale.es') : null),
    active: (active) => t(active ? 'admin.status.active' : 'admin.status.inactive'),
  };
}
