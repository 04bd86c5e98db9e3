import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminFailure } from '../../data/admin/outcome';
import type { AdminPerson } from '../../data/supabase/types';
import { I18nProvider } from '../../ui/i18n/I18nProvider';
import { i18nFor, loadLocale, registerMessages } from '../../ui/i18n/i18n';
import adminMessages from '../../ui/i18n/sections/admin';
import { CODE_REFUSAL_WORDS, CodeOutcome, codeFailureText, mayIssueCode } from './ActivationCodeSection';

// Spanish is a chunk of its own, fetched before the app's first render (main.tsx).
beforeAll(() => loadLocale('es'));

registerMessages(adminMessages);

const ISSUED = {
  member_id: '3e000000-0000-4000-8000-000000000009',
  display_name: 'Ana Ruiz',
  employee_id: 'E1042',
  has_login: false,
  code: 'ABCD-EFGH-JKMN',
  expires_at: '2026-12-19T12:00:00.000Z',
  sign_in_code: 'demo123456',
};

function render(locale: 'en' | 'es', props: Parameters<typeof CodeOutcome>[0]): string {
  return renderToStaticMarkup(
    <I18nProvider locale={locale}>
      <CodeOutcome {...props} />
    </I18nProvider>,
  );
}

describe('a new activation code', () => {
  it('shows the code once, large, with the /activate address, the employee ID and the printed sheet', () => {
    const html = render('en', { issued: ISSUED, failure: null, origin: 'https://frontline.example' });
    expect(html).toContain('<p class="admin-code__code" lang="en">ABCD-EFGH-JKMN</p>');
    expect(html).toContain('Code for Ana Ruiz, shown only this once:');
    expect(html).toContain('https://frontline.example/activate');
    expect(html).toContain('Employee ID: E1042');
    expect(html).toContain('printed activation sheet has a QR code');
    expect(html).toContain('role="status"');
    const es = render('es', { issued: ISSUED, failure: null, origin: 'https://frontline.example' });
    expect(es).toContain('se muestra solo esta vez');
    expect(es).toContain('https://frontline.example/activate');
  });

  it('words every refusal, offline and a failure in English and Spanish, differently each', () => {
    const failures: AdminFailure[] = [
      { kind: 'offline' },
      { kind: 'forbidden', code: 'forbidden' },
      { kind: 'forbidden', code: 'person_not_managed' },
      { kind: 'forbidden', code: 'cannot_change_self' },
      { kind: 'invalid', code: 'unknown_person' },
      { kind: 'invalid', code: 'no_employee_id' },
      { kind: 'failed', error: { kind: 'network', message: 'boom' } as never },
    ];
    expect(Object.keys(CODE_REFUSAL_WORDS).sort()).toEqual(['cannot_change_self', 'forbidden', 'no_employee_id', 'person_not_managed', 'unknown_person']);
    for (const locale of ['en', 'es'] as const) {
      const { t } = i18nFor(locale);
      const texts = failures.map((failure) => codeFailureText(t, failure));
      for (const text of texts) expect(text, locale).not.toMatch(/^admin\./);
      expect(new Set(texts).size, locale).toBe(failures.length);
      const html = render(locale, { issued: null, failure: { kind: 'invalid', code: 'no_employee_id' }, origin: 'https://x' });
      expect(html).toContain('role="alert"');
      expect(html).not.toContain('admin-code__code');
    }
    expect(codeFailureText(i18nFor('en').t, { kind: 'offline' })).toContain('nothing is waiting to be sent');
  });

  it('is offered as the server allows: HR anyone active but themselves, managers staff only', () => {
    const person = { id: 'p', role: 'staff', active: true } as AdminPerson;
    expect(mayIssueCode('hr', 'me', person)).toBe(true);
    expect(mayIssueCode('hr', 'me', { ...person, role: 'manager' })).toBe(true);
    expect(mayIssueCode('hr', 'p', person)).toBe(false);
    expect(mayIssueCode('hr', 'me', { ...person, active: false })).toBe(false);
    expect(mayIssueCode('manager', 'me', person)).toBe(true);
    expect(mayIssueCode('manager', 'me', { ...person, role: 'manager' })).toBe(false);
    expect(mayIssueCode('staff', 'me', person)).toBe(false);
  });
});
