/**
 * Who last signed in on this browser, kept apart from the auth session so the
 * app can open that person's local data with no network and an expired token.
 * Cleared on sign-out; the person's IndexedDB (and unsent items) stays.
 */
export interface Identity {
  userId: string;
  email: string;
}

const KEY = 'frontline:identity';

export function readIdentity(): Identity | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Identity>;
    return typeof value.userId === 'string' && typeof value.email === 'string' ? { userId: value.userId, email: value.email } : null;
  } catch {
    return null;
  }
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity));
}

export function clearIdentity(): void {
  localStorage.removeItem(KEY);
}
