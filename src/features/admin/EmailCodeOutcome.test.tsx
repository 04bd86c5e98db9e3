import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_CODE_STATUSES } from '../../data/activation/email-codes';
import { I18nProvider } from '../../ui/i18n/I18nProvider';
import { i18nFor, loadLocale, registerMessages } from '../../ui/i18n/i18n';
import activateMessages from '../../ui/i18n/sections/activate';
import adminMessages from '../../ui/i18n/sections/admin';
import { emailedSummary } from '../activate/ActivationSheetScreen';
import { EMAIL_FAILURE_WORDS, EmailOutcome, emailedText, mayEmailCode } from './ActivationCodeSection';

beforeAll(() => loadLocale('es'));

registerMessages(adminMessages);
registerMessages(activateMessages);

const PERSON = { display_name: 'Ana <Ruiz>', email: 'ana@example.test' };

function render(locale: 'en' | 'es', emailed: Parameters<typeof EmailOutcome>[0]['emailed']): string {
  return renderToStaticMarkup(
    <I18nProvider locale={locale}>
      <EmailOutcome emailed={emailed} person={PERSON} />
    </I18nProvider>,
  );
}

describe('emailing a code, in words', () => {
  it('says where a code went, as a status, and every other answer as an alert, in en and es', () => {
    expect(render('en', { status: 'sent' })).toContain('A new code was emailed to ana@example.test.');
    expect(render('en', { status: 'sent' })).toContain('role="status"');
    expect(render('es', { status: 'sent' })).toContain('Se envió un código nuevo a ana@example.test.');
    expect(render('en', { status: 'no_email' })).toContain('role="alert"');
    // React escapes the name.
    expect(render('en', { status: 'no_email' })).toContain('Ana &lt;Ruiz&gt; has no email.');
    for (const locale of ['en', 'es'] as const) {
      const { t } = i18nFor(locale);
      const texts = EMAIL_CODE_STATUSES.map((status) => emailedText(t, status, PERSON));
      expect(new Set(texts).size, locale).toBe(EMAIL_CODE_STATUSES.length);
      const failures = Object.values(EMAIL_FAILURE_WORDS).map((key) => t(key));
      for (const text of [...texts, ...failures]) expect(text, locale).not.toMatch(/^(admin|activate)\./);
    }
    expect(emailedText(i18nFor('en').t, 'failed', PERSON)).toContain('earlier codes no longer work');
  });

  it('is offered only to an active person with an email who has not activated', () => {
    expect(mayEmailCode({ active: true, has_login: false, email: 'a@b.c' })).toBe(true);
    expect(mayEmailCode({ active: true, has_login: false, email: null })).toBe(false);
    expect(mayEmailCode({ active: true, has_login: true, email: 'a@b.c' })).toBe(false);
    expect(mayEmailCode({ active: false, has_login: false, email: 'a@b.c' })).toBe(false);
  });

  it('sums up a store email honestly: only what happened', () => {
    const counts = { sent: 12, no_email: 3, already_active: 0, out_of_scope: 0, no_employee_id: 0, failed: 0 };
    expect(emailedSummary(i18nFor('en').t, counts)).toBe('Sent to 12 · 3 have no email');
    expect(emailedSummary(i18nFor('es').t, counts)).toBe('Enviado a 12 · 3 no tienen correo');
    expect(emailedSummary(i18nFor('en').t, { ...counts, sent: 1, no_email: 1, failed: 2, no_employee_id: 1 })).toBe(
      'Sent to 1 · 1 has no email · 1 has no employee ID · 2 could not be sent: try again',
    );
    expect(emailedSummary(i18nFor('en').t, { ...counts, sent: 0, no_email: 0 })).toBe('Nobody to send to: everyone at this store has activated.');
  });
});
