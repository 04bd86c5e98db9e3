import { beforeAll, describe, expect, it } from 'vitest';
import { i18nFor, loadLocale, registerMessages } from '../../ui/i18n/i18n';
import adminMessages from '../../ui/i18n/sections/admin';
import { ACTION_WORDS, LOG_FIELD_WORDS } from './admin-words';
import { changeLines } from './log-entry';

beforeAll(() => loadLocale('es'));
registerMessages(adminMessages);

describe('the admin log and the organisation time zone', () => {
  it('names the change and shows the zone before and after', () => {
    const lines = changeLines({ before: { time_zone: 'UTC' }, after: { time_zone: 'America/Chicago' } });
    expect(lines).toEqual([{ field: 'time_zone', before: 'UTC', after: 'America/Chicago' }]);
    expect(LOG_FIELD_WORDS[lines[0]!.field]).toBe('admin.logField.time_zone');
  });

  it('has the action in English and Spanish', () => {
    expect(i18nFor('en').t(ACTION_WORDS.org_time_zone_changed)).toBe('Organisation time zone changed');
    expect(i18nFor('es').t(ACTION_WORDS.org_time_zone_changed)).toBe('Zona horaria de la organización cambiada');
  });
});
