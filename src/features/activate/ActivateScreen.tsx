/**
 * /activate: a new person turns the code from their sheet into a login (employee ID,
 * code, a new password twice), then is signed in. Opened signed out from the sheet's
 * QR address with ?code= filled in; App.tsx shows SignedOutActivate there, and a phone
 * already signed in gets ActivateScreen (the table's entry), which says to sign out first.
 */
import { type FormEvent, useState } from 'react';
import { type ActivateError, activateAccount, projectAddress } from '../../data/activation/activate';
import { rememberSignInCode } from '../../data/activation/sign-in-code-memory';
import { groupCode, isCodeShaped, signInCodeOf } from '../../domain/sign-in-address';
import { useT } from '../../ui/i18n/I18nProvider';
import { registerMessages } from '../../ui/i18n/i18n';
import activateMessages from '../../ui/i18n/sections/activate';
import './activate.css';

// Signed out there is no router to load the section with the screen: this chunk brings its own words.
registerMessages(activateMessages);

type FormError = ActivateError | 'mismatch' | 'codeShape' | 'signIn';

const MIN_PASSWORD = 8;

export interface ActivateFormProps {
  /** Signs in with the new login; false when that failed (the account is made all the same). */
  onActivated(email: string, password: string): Promise<boolean>;
  /** The code from the address, if any. */
  initialCode?: string;
}

export function ActivateForm({ onActivated, initialCode = '' }: ActivateFormProps) {
  const t = useT();
  const [employeeId, setEmployeeId] = useState('');
  const [code, setCode] = useState(() => (initialCode ? groupCode(initialCode) : ''));
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!isCodeShaped(code)) return setError('codeShape');
    if (password.length < MIN_PASSWORD) return setError('weak_password');
    if (password !== again) return setError('mismatch');
    setBusy(true);
    const outcome = await activateAccount(projectAddress(), { employeeId, code, password });
    if (!outcome.ok) {
      setBusy(false);
      return setError(outcome.error);
    }
    setDone(true);
    const org = signInCodeOf(outcome.email);
    if (org) rememberSignInCode(org);
    if (!(await onActivated(outcome.email, password))) {
      setBusy(false);
      setError('signIn');
    }
  }

  const described = (id: string) => (error ? `${id} activate-error` : id);
  return (
    <main className="signin activate">
      <h1>{t('activate.title')}</h1>
      <p className="muted">{t('activate.intro')}</p>
      {done && !error ? (
        <p role="status" className="activate__done">
          {t('activate.done')}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <label htmlFor="activate-employee-id">{t('activate.employeeId')}</label>
          <input
            id="activate-employee-id"
            autoComplete="username"
            autoCapitalize="characters"
            spellCheck={false}
            required
            value={employeeId}
            onChange={(e) => setEmployeeId(e.target.value)}
          />
          <label htmlFor="activate-code">{t('activate.code')}</label>
          <input
            id="activate-code"
            className="activate__code"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            aria-describedby={described('activate-code-hint')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <p id="activate-code-hint" className="muted">
            {t('activate.codeHint')}
          </p>
          <label htmlFor="activate-password">{t('activate.password')}</label>
          <input
            id="activate-password"
            type="password"
            autoComplete="new-password"
            required
            aria-describedby={described('activate-password-hint')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p id="activate-password-hint" className="muted">
            {t('activate.passwordHint')}
          </p>
          <label htmlFor="activate-password-again">{t('activate.passwordAgain')}</label>
          <input id="activate-password-again" type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} />
          {error ? (
            <p id="activate-error" role="alert" className="error">
              {t(`activate.error.${error}`)}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={busy || !employeeId.trim() || !code.trim() || !password || !again}>
            {busy ? t('activate.busy') : t('activate.submit')}
          </button>
        </form>
      )}
      {done && !error ? null : (
        <p className="activate__to-sign-in">
          <a href="/">{t('activate.toSignIn')}</a>
        </p>
      )}
    </main>
  );
}

/** /activate on a phone that is signed in: activating someone else starts with signing out. */
export function ActivateScreen() {
  const t = useT();
  return (
    <section className="activate">
      <h1>{t('activate.title')}</h1>
      <p role="status">{t('activate.signedIn')}</p>
    </section>
  );
}

/**
 * What a signed-out phone shows at /activate: the form, the code from the address, and
 * on success the sign-in, after which the shell opens Today (not /activate, which would
 * say to sign out first); back to /activate if signing in failed.
 */
export function SignedOutActivate({ signIn }: { signIn(email: string, password: string): Promise<{ ok: boolean }> }) {
  const code = new URLSearchParams(window.location.search).get('code') ?? '';
  return (
    <ActivateForm
      initialCode={code}
      onActivated={async (email, password) => {
        const here = `${window.location.pathname}${window.location.search}`;
        window.history.replaceState(null, '', '/today');
        const result = await signIn(email, password);
        if (!result.ok) window.history.replaceState(null, '', here);
        return result.ok;
      }}
    />
  );
}
