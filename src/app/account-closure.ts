/**
 * What this phone does when the server says the account was closed (the member was
 * deactivated): once the sync engine stops with `deactivated`, which it does only after
 * offering everything waiting, the person is signed out here, their settings on this
 * browser are forgotten, the closed-account notice is remembered (so a reload still
 * shows it and finishes the wipe), and their local database is deleted.
 */
import { useEffect, useRef, useState } from 'react';
import { accountClosed, wipeLocalData } from '../data/account-closure';
import type { SyncStatus } from '../data/sync/engine';
import { isLocale } from '../ui/i18n/locale';
import type { Locale } from '../ui/i18n/types';
import { clearIdentity } from './identity';
import type { Services } from './session';

/** No personal data: the id names the database still to delete, the locale words the notice. */
export interface ClosedNotice {
  userId: string;
  locale: Locale;
}

const KEY = 'frontline:account-closed';

export function readClosedNotice(): ClosedNotice | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<ClosedNotice> | null;
    return value && typeof value.userId === 'string' && isLocale(value.locale) ? { userId: value.userId, locale: value.locale } : null;
  } catch {
    return null;
  }
}

export function clearClosedNotice(): void {
  localStorage.removeItem(KEY);
}

/** The notice to show, if any; set in another tab of this browser, it shows here too (that tab is wiping the same database). */
export function useClosedNotice(): [ClosedNotice | null, (notice: ClosedNotice | null) => void] {
  const [notice, setNotice] = useState<ClosedNotice | null>(readClosedNotice);
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === KEY) setNotice(readClosedNotice());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  return [notice, setNotice];
}

/** Everything this browser keeps for the person besides the database: keys ending in their user id. */
function forgetSettings(userId: string): void {
  const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((key): key is string => key?.endsWith(`:${userId}`) ?? false);
  for (const key of keys) localStorage.removeItem(key);
}

/** Deletes the closed account's database; safe to repeat (after a reload that interrupted it). */
export function finishWipe(notice: ClosedNotice): Promise<void> {
  return wipeLocalData(notice.userId).catch(() => undefined);
}

/**
 * Watches the engine; when the account is closed, signs out on this phone and calls
 * `onClosed` with the notice, after which the caller unmounts the signed-in app and
 * wipes (finishWipe).
 */
export function useAccountClosure(services: Services | null, userId: string, locale: Locale, onClosed: (notice: ClosedNotice) => void): void {
  const handled = useRef(false);
  useEffect(() => {
    if (!services) return;
    const check = (status: SyncStatus) => {
      if (handled.current || !accountClosed(status)) return;
      handled.current = true;
      const notice: ClosedNotice = { userId, locale };
      // Remembered first: if the page closes mid-way, the next start shows the notice and wipes.
      localStorage.setItem(KEY, JSON.stringify(notice));
      clearIdentity();
      forgetSettings(userId);
      void services
        .signOut()
        .catch(() => undefined)
        .finally(() => onClosed(notice));
    };
    check(services.engine.getStatus());
    return services.engine.subscribe(check);
  }, [services, userId, locale, onClosed]);
}
