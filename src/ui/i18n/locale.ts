/**
 * Which language the app speaks. The member's locale comes from the server
 * (meta.me.locale after a sync); a choice made on this phone is kept in
 * localStorage, per user, until a sync shows the account has it, so switching
 * works offline and survives a reload. Before sign-in: the browser's language.
 */
import type { Locale } from './messages';

export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', es: 'Español' };

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'es';
}

/** es-* → Spanish, anything else → English. */
export function browserLocale(languages: readonly string[] | undefined = typeof navigator === 'undefined' ? undefined : navigator.languages): Locale {
  const first = languages?.[0] ?? (typeof navigator === 'undefined' ? undefined : navigator.language) ?? 'en';
  return first.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** A choice on this phone wins until the account confirms it; then the account's; then the browser's. */
export function resolveLocale(choice: Locale | null, member: Locale | null | undefined, browser: Locale): Locale {
  return choice ?? member ?? browser;
}

/**
 * The full language tag to format dates and numbers with: the browser's own
 * when it speaks the same language (en-GB keeps day/month order), else the bare one.
 */
export function formattingTag(locale: Locale): string {
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return languages.find((tag) => tag.toLowerCase() === locale || tag.toLowerCase().startsWith(`${locale}-`)) ?? locale;
}

// ---- the choice made on this phone ----

/** A language picked on this phone; `saved` once the server accepted it (set_my_locale answered). */
export interface StoredLocaleChoice {
  locale: Locale;
  saved: boolean;
}

const listeners = new Set<() => void>();

function storageKey(userId: string): string {
  return `frontline:locale:${userId}`;
}

/** Used only when localStorage refuses a write (full or blocked): the choice still applies until the page closes. */
const unsaved = new Map<string, string | null>();
/** The last value read per user, so an unchanged choice is the same object (useSyncExternalStore needs that). */
const lastRead = new Map<string, { raw: string | null; value: StoredLocaleChoice | null }>();

function parseChoice(raw: string | null): StoredLocaleChoice | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredLocaleChoice>;
    return isLocale(value.locale) ? { locale: value.locale, saved: value.saved === true } : null;
  } catch {
    return null;
  }
}

export function readLocaleChoice(userId: string): StoredLocaleChoice | null {
  let raw: string | null;
  if (unsaved.has(userId)) raw = unsaved.get(userId)!;
  else {
    try {
      raw = localStorage.getItem(storageKey(userId));
    } catch {
      raw = null;
    }
  }
  const last = lastRead.get(userId);
  if (last && last.raw === raw) return last.value;
  const value = parseChoice(raw);
  lastRead.set(userId, { raw, value });
  return value;
}

/** Saves (or with null, forgets) this phone's choice and tells every subscriber. */
export function saveLocaleChoice(userId: string, choice: StoredLocaleChoice | null): void {
  const raw = choice === null ? null : JSON.stringify({ locale: choice.locale, saved: choice.saved });
  try {
    if (raw === null) localStorage.removeItem(storageKey(userId));
    else localStorage.setItem(storageKey(userId), raw);
    unsaved.delete(userId);
  } catch {
    unsaved.set(userId, raw);
  }
  for (const listener of listeners) listener();
}

/** Changes from this tab and (through the storage event) from others. */
export function subscribeLocaleChoice(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith('frontline:locale:')) listener();
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}
