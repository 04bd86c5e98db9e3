import { useState, type FormEvent } from 'react';

export interface SignInScreenProps {
  onSignIn(email: string, password: string): Promise<{ ok: true } | { ok: false; message: string }>;
}

/** Email and password sign-in; needed once per person and phone, then the app works offline. */
export function SignInScreen({ onSignIn }: SignInScreenProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await onSignIn(email.trim(), password);
    if (!result.ok) {
      setError(result.message);
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <h1>Frontline</h1>
      <p className="muted">Your shift briefings, values and training, even with no signal.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" inputMode="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error ? <p role="alert" className="error">{error}</p> : null}
        <button type="submit" className="primary" disabled={busy || !email || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
