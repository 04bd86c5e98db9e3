/**
 * A new activation code for one person (#12 item 3), on the person screen: also how a
 * forgotten password is reset. One online call (the server checks who may and logs it);
 * the code is shown once, in large characters, with the /activate address, and kept
 * nowhere. Offline nothing is made or queued, and the screen says so. A person with an
 * email who has not activated can instead be emailed a code (send-activation): the
 * code is then never on this screen, only whether it was sent.
 */
import { useState } from 'react';
import { type EmailCodeStatus, type EmailCodesFailure, emailActivationCodes } from '../../data/activation/email-codes';
import { issueActivationCode } from '../../data/admin/activation';
import type { AdminFailure } from '../../data/admin/outcome';
import type { AdminPerson, RpcResult } from '../../data/supabase/types';
import { useI18n } from '../../ui/i18n/I18nProvider';
import type { PlainKey, Translate } from '../../ui/i18n/messages';
import { useSession } from '../../ui/session-context';
import './activation-email.css';

type IssuedCode = RpcResult<'issue_activation_code'>;

/** issue_activation_code's refusals, each in the words of this section. */
export const CODE_REFUSAL_WORDS = {
  forbidden: 'admin.code.error.forbidden',
  person_not_managed: 'admin.code.error.person_not_managed',
  cannot_change_self: 'admin.code.error.cannot_change_self',
  unknown_person: 'admin.code.error.unknown_person',
  no_employee_id: 'admin.code.error.no_employee_id',
} as const satisfies Record<string, PlainKey>;

export function codeFailureText(t: Translate, failure: AdminFailure): string {
  if (failure.kind === 'offline') return t('admin.code.error.offline');
  if ((failure.kind === 'forbidden' || failure.kind === 'invalid') && failure.code in CODE_REFUSAL_WORDS) {
    return t(CODE_REFUSAL_WORDS[failure.code as keyof typeof CODE_REFUSAL_WORDS]);
  }
  if (failure.kind === 'forbidden') return t('admin.code.error.forbidden');
  const detail =
    failure.kind === 'failed' ? (failure.error.kind === 'http' ? (failure.error.details ?? failure.error.message) : failure.error.message) : failure.code;
  return t('admin.code.error.failed', { detail });
}

/** Whether the caller may issue a code for this person, as the server decides it (HR: anyone active but themselves; managers: staff). */
export function mayIssueCode(role: string | undefined, meId: string | undefined, person: AdminPerson): boolean {
  if (!person.active || person.id === meId) return false;
  if (role === 'hr' || role === 'admin') return true;
  return role === 'manager' && person.role === 'staff';
}

/** What the section shows once a call came back: the code, or the refusal in words. */
export function CodeOutcome({ issued, failure, origin }: { issued: IssuedCode | null; failure: AdminFailure | null; origin: string }) {
  const { t, date } = useI18n();
  if (failure) {
    return (
      <div className="warning online-problem" role="alert" data-testid="code-problem">
        <p>{codeFailureText(t, failure)}</p>
      </div>
    );
  }
  if (!issued) return null;
  const address = `${origin}/activate`;
  return (
    <div className="admin-code" role="status" data-testid="issued-code">
      <p>{t('admin.code.shown', { name: issued.display_name })}</p>
      <p className="admin-code__code" lang="en">
        {issued.code}
      </p>
      <p>{t('admin.code.employeeId', { id: issued.employee_id })}</p>
      <p>{t('admin.code.howTo', { address })}</p>
      <p>{t('admin.code.expires', { date: date(issued.expires_at, 'date') })}</p>
      <p className="muted">{t('admin.code.sheet')}</p>
    </div>
  );
}

/** Each per-person answer of send-activation, in this section's words. */
export function emailedText(t: Translate, status: EmailCodeStatus, person: Pick<AdminPerson, 'display_name' | 'email'>): string {
  const name = person.display_name;
  switch (status) {
    case 'sent':
      return t('admin.code.emailed.sent', { email: person.email ?? '' });
    case 'no_email':
      return t('admin.code.emailed.no_email', { name });
    case 'already_active':
      return t('admin.code.emailed.already_active', { name });
    case 'out_of_scope':
      return t('admin.code.emailed.out_of_scope', { name });
    case 'no_employee_id':
      return t('admin.code.emailed.no_employee_id', { name });
    case 'failed':
      return t('admin.code.emailed.failed');
  }
}

export const EMAIL_FAILURE_WORDS = {
  offline: 'admin.code.emailError.offline',
  forbidden: 'admin.code.emailError.forbidden',
  store_not_managed: 'admin.code.emailError.forbidden',
  unauthorized: 'admin.code.emailError.unauthorized',
  mail_not_configured: 'admin.code.emailError.mail_not_configured',
  failed: 'admin.code.emailError.failed',
} as const satisfies Record<EmailCodesFailure, PlainKey>;

/** Whether to offer emailing a code: they have an address and have not activated (an activated person's reset is shown, not mailed). */
export function mayEmailCode(person: Pick<AdminPerson, 'email' | 'has_login' | 'active'>): boolean {
  return person.active && !person.has_login && Boolean(person.email);
}

type Emailed = { status: EmailCodeStatus } | { failure: EmailCodesFailure };

/** What emailing a code came to, in words: sent, why not, or why nothing was sent. */
export function EmailOutcome({ emailed, person }: { emailed: Emailed | null; person: Pick<AdminPerson, 'display_name' | 'email'> }) {
  const { t } = useI18n();
  if (!emailed) return null;
  if ('status' in emailed && emailed.status === 'sent') {
    return (
      <p className="admin-code admin-code--emailed" role="status" data-testid="emailed-code">
        {emailedText(t, 'sent', person)}
      </p>
    );
  }
  return (
    <div className="warning online-problem" role="alert" data-testid="email-problem">
      <p>{'status' in emailed ? emailedText(t, emailed.status, person) : t(EMAIL_FAILURE_WORDS[emailed.failure])}</p>
    </div>
  );
}

export function ActivationCodeSection({ person }: { person: AdminPerson }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [emailing, setEmailing] = useState(false);
  const [emailed, setEmailed] = useState<Emailed | null>(null);

  async function email() {
    if (busy || emailing) return;
    setIssued(null);
    setFailure(null);
    setEmailed(null);
    if (!api || !navigator.onLine) {
      setEmailed({ failure: 'offline' });
      return;
    }
    setEmailing(true);
    const outcome = await emailActivationCodes(api, { memberIds: [person.id] });
    setEmailing(false);
    if (!outcome.ok) return setEmailed({ failure: outcome.failure });
    setEmailed({ status: outcome.data.people.find((p) => p.member_id === person.id)?.status ?? 'out_of_scope' });
  }

  async function issue() {
    if (busy || emailing) return;
    setIssued(null);
    setFailure(null);
    setEmailed(null);
    if (!api || !navigator.onLine) {
      setFailure({ kind: 'offline' });
      return;
    }
    setBusy(true);
    const outcome = await issueActivationCode(api, person.id);
    setBusy(false);
    if (outcome.ok) setIssued(outcome.data);
    else setFailure(outcome.failure);
  }

  return (
    <section className="panel admin-code-section" aria-labelledby="code-heading">
      <h2 id="code-heading">{t('admin.code.title')}</h2>
      <p>{t('admin.code.what', { name: person.display_name })}</p>
      {mayEmailCode(person) ? <p className="muted">{t('admin.code.emailWhat', { name: person.display_name, email: person.email ?? '' })}</p> : null}
      <div className="admin-code-section__actions">
        <button type="button" onClick={() => void issue()} disabled={busy || emailing}>
          {busy ? t('admin.code.busy') : t('admin.code.issue')}
        </button>
        {mayEmailCode(person) ? (
          <button type="button" onClick={() => void email()} disabled={busy || emailing}>
            {emailing ? t('admin.code.emailBusy') : t('admin.code.email')}
          </button>
        ) : null}
      </div>
      <CodeOutcome issued={issued} failure={failure} origin={window.location.origin} />
      <EmailOutcome emailed={emailed} person={person} />
    </section>
  );
}
