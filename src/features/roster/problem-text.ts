import type { Translate } from '../../ui/i18n/messages';

const KNOWN = [
  'missing_field',
  'duplicate_employee_id',
  'duplicate_email',
  'unknown_store',
  'unknown_department',
  'unknown_role',
  'invalid_email',
  'invalid_phone',
  'invalid_locale',
  'invalid_employee_id',
  'too_long',
  'store_not_managed',
  'person_not_managed',
  'role_not_allowed',
  'cannot_change_self',
] as const;
type Known = (typeof KNOWN)[number];

/** A row's problem code in the person's language; a code without words of its own is shown as it is. */
export function problemText(t: Translate, code: string): string {
  return (KNOWN as readonly string[]).includes(code) ? t(`roster.problem.${code as Known}`) : t('roster.problem.other', { code });
}
