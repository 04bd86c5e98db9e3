import { AuthApiError, AuthRetryableFetchError } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInFailure } from '../../data/supabase/sign-in-errors';
import { i18nFor, loadLocale } from '../../ui/i18n/i18n';
import { failureText } from './SignInScreen';

// Spanish is a chunk of its own, fetched before the app's first render (main.tsx).
beforeAll(() => loadLocale('es'));

/** What the sign-in screen says for Auth's error, as supabase-js hands it over. */
function said(error: AuthApiError | AuthRetryableFetchError, locale: 'en' | 'es' = 'en'): string {
  return failureText(i18nFor(locale).t, { ok: false, ...signInFailure(error) });
}

describe('the sign-in screen’s words for a refusal', () => {
  it('a closed account (the access token hook’s 403 account_closed) is told so plainly, in English and Spanish', () => {
    // As supabase-js builds it from Auth's answer to a hook error: no code of its own.
    const closed = new AuthApiError('account_closed', 403, 'unknown');
    expect(said(closed)).toBe('This account was closed. Ask your manager.');
    expect(said(closed, 'es')).toBe('Esta cuenta se cerró. Habla con tu responsable.');
  });

  it('only that refusal: a wrong password, another 403 and no connection keep their own words', () => {
    expect(said(new AuthApiError('Invalid login credentials', 400, 'invalid_credentials'))).toBe('That email or employee ID and password do not match.');
    expect(said(new AuthApiError('Not today', 403, 'unknown'))).toBe('Sign-in failed: Not today');
    expect(said(new AuthRetryableFetchError('Failed to fetch', 0))).toBe('No connection. Sign-in needs the network once; after that the app works offline.');
  });
});
