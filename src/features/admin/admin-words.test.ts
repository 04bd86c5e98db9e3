import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminFailure } from '../../data/admin/outcome';
import { i18nFor, registerMessages } from '../../ui/i18n/i18n';
import adminMessages, { adminEn } from '../../ui/i18n/sections/admin';
import { adminFailureText, FORBIDDEN_WORDS, INVALID_WORDS, personStatus } from './admin-words';

registerMessages(adminMessages);

const MIGRATIONS = join(__dirname, '../../../supabase/migrations');
// The server's codes, read from the admin migrations rather than from the client's list, so a new code without words fails here.
const sql = readdirSync(MIGRATIONS)
  .filter((file) => file.startsWith('20261205190'))
  .map((file) => readFileSync(join(MIGRATIONS, file), 'utf8'))
  .join('\n');
const codes = (fn: string) => [...new Set([...sql.matchAll(new RegExp(`private\\.${fn}\\('([a-z_]+)'`, 'g'))].map((m) => m[1] as string))].sort();
// "p_x must be a JSON object": a bug of the calling code, not something a person can fix; worded as a failure.
const SHAPE_BUGS = ['invalid_department', 'invalid_person', 'invalid_store'];

describe('admin words', () => {
  it('has words for every 42501 detail the admin functions raise', () => {
    const raised = codes('admin_forbidden');
    expect(raised.length).toBeGreaterThan(3);
    expect(raised.filter((code) => !(code in FORBIDDEN_WORDS))).toEqual([]);
  });

  it('has words for every 22023 detail the admin functions raise', () => {
    const raised = codes('invalid_argument').filter((code) => !SHAPE_BUGS.includes(code));
    expect(raised.length).toBeGreaterThan(15);
    expect(raised.filter((code) => !(code in INVALID_WORDS))).toEqual([]);
  });

  it('words each code in English and Spanish, differently from the generic line', () => {
    for (const locale of ['en', 'es'] as const) {
      const { t } = i18nFor(locale);
      const generic = t('admin.error.forbidden');
      for (const [code, key] of Object.entries({ ...FORBIDDEN_WORDS, ...INVALID_WORDS })) {
        const text = t(key);
        expect(text, `${locale} ${code}`).not.toBe(key);
        expect(text.length, `${locale} ${code}`).toBeGreaterThan(8);
        if (code !== 'forbidden') expect(text, `${locale} ${code}`).not.toBe(generic);
      }
    }
    expect(Object.keys(adminEn).filter((key) => key.startsWith('admin.error.')).length).toBe(Object.keys({ ...FORBIDDEN_WORDS, ...INVALID_WORDS }).length + 2);
  });

  it('turns what the server answers into the right sentence', () => {
    const { t } = i18nFor('en');
    const http = (code: string, details: string) => ({ kind: 'http', status: 400, code, details, message: 'x' }) as const;
    expect(adminFailureText(t, adminFailure(http('22023', 'duplicate_employee_id')))).toBe('Someone else already has this employee ID.');
    expect(adminFailureText(t, adminFailure(http('42501', 'role_not_allowed')))).toMatch(/^Only HR can give this role/);
    expect(adminFailureText(t, adminFailure({ kind: 'network', message: 'Failed to fetch' }))).toMatch(/^No connection\. Nothing was changed/);
    expect(adminFailureText(t, adminFailure(http('22023', 'invalid_store')))).toMatch(/^The server could not do that \(invalid_store\)/);
  });

  it('tells active, deactivated and not yet activated apart', () => {
    expect(personStatus({ active: true, has_login: true })).toBe('active');
    expect(personStatus({ active: true, has_login: false })).toBe('not_activated');
    expect(personStatus({ active: false, has_login: true })).toBe('inactive');
  });
});
