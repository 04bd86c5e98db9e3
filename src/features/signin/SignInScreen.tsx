import { type FormEvent, useState } from 'react';
import { rememberedSignInCode, rememberSignInCode } from '../../data/activation/sign-in-code-memory';
import type { SignInFailure } from '../../data/supabase/sign-in-errors';
import { useT } from '../../ui/i18n/I18nProvider';
import type { Translate } from '../../ui/i18n/messages';

export type SignInResult = { ok: true } | ({ ok: false } & SignInFailure);
export type Failure = Extract<SignInResult, { ok: false }> | { ok: false; reason: 'invalid_identifier'; detail: null };

export interface SignInScreenProps {
  onSignIn(email: string, password: string): Promise<SignInResult>;
}

/** The words for a refused sign-in, in the reader's language. */
export function failureText(t: Translate, failure: Failure): string {
  if (failure.reason === 'invalid_identifier') return t('signin.error.invalidIdentifier');
  if (failure.reason === 'invalid_credentials') return t('signin.error.invalidCredentials');
  if (failure.reason === 'account_closed') return t('signin.error.accountClosed');
  if (failure.reason === 'rate_limited') return t('signin.error.rateLimited');
  if (failure.reason === 'offline') return t('signin.error.offline');
  return failure.detail ? t('signin.error.failedDetail', { detail: failure.detail }) : t('signin.error.failed');
}

/**
 * Sign-in with an email or an employee ID and a password; needed once per person and
 * phone, then the app works offline. An employee ID signs in as the address the
 * activate function gave the login (domain/sign-in-address.ts), with the company code
 * from the activation sheet, remembered on this browser.
 */
export function SignInScreen({ onSignIn }: SignInScreenProps) {
  const t = useT();
  const [identifier, setIdentifier] = useState('');
  const [signInCode, setSignInCode] = useState(rememberedSignInCode);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  // An email has an @ (domain/sign-in-address.ts, loaded on submit to keep the first download small).
  const byEmployeeId = identifier.trim() !== '' && !identifier.includes('@');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const { signInAddress, signInCodeOf } = await import('../../domain/sign-in-address');
    const address = signInAddress(identifier, signInCode);
    if (!address) {
      setError({ ok: false, reason: 'invalid_identifier', detail: null });
      return;
    }
    setBusy(true);
    const result = await onSignIn(address, password);
    if (!result.ok) {
      setError(result);
      setBusy(false);
      return;
    }
    const code = signInCodeOf(address);
    if (code) rememberSignInCode(code);
  }

  return (
    <main className="signin">
      <h1>Frontline</h1>
      <p className="muted">{t('signin.tagline')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="email">{t('signin.email')}</label>
        <input
          id="email"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
        />
        {byEmployeeId ? (
          <>
            <label htmlFor="sign-in-code">{t('signin.signInCode')}</label>
            <input id="sign-in-code" type="text" autoCapitalize="none" spellCheck={false} value={signInCode} onChange={(e) => setSignInCode(e.target.value)} />
          </>
        ) : null}
        <label htmlFor="password">{t('signin.password')}</label>
        <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error ? (
          <p role="alert" className="error">
            {failureText(t, error)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || !identifier || !password}>
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
      </form>
      <p>
        <a href="/activate">{t('signin.activate')}</a>
      </p>
    </main>
  );
}
