import { type FormEvent, useState } from 'react';
import { useT } from '../../ui/i18n/I18nProvider';
import type { Translate } from '../../ui/i18n/messages';

export type SignInResult = { ok: true } | { ok: false; reason: 'invalid_credentials' | 'rate_limited' | 'offline' | 'failed'; detail: string | null };

export interface SignInScreenProps {
  onSignIn(email: string, password: string): Promise<SignInResult>;
}

function failureText(t: Translate, failure: Extract<SignInResult, { ok: false }>): string {
  if (failure.reason === 'invalid_credentials') return t('signin.error.invalidCredentials');
  if (failure.reason === 'rate_limited') return t('signin.error.rateLimited');
  if (failure.reason === 'offline') return t('signin.error.offline');
  return failure.detail ? t('signin.error.failedDetail', { detail: failure.detail }) : t('signin.error.failed');
}

/** Email and password sign-in; needed once per person and phone, then the app works offline. */
export function SignInScreen({ onSignIn }: SignInScreenProps) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Extract<SignInResult, { ok: false }> | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await onSignIn(email.trim(), password);
    if (!result.ok) {
      setError(result);
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <h1>Frontline</h1>
      <p className="muted">{t('signin.tagline')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="email">{t('signin.email')}</label>
        <input id="email" type="email" autoComplete="username" inputMode="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="password">{t('signin.password')}</label>
        <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error ? (
          <p role="alert" className="error">
            {failureText(t, error)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || !email || !password}>
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
