/**
 * One language's tools for screens: t() over its catalog, and dates and
 * numbers formatted for it. Built once per locale and shared, so components
 * can compare them by identity.
 */
import { type DateStyle, formatDate } from './dates';
import { en } from './en';
import { formatNumber, LOCALES, type Locale, type MessageTable, type Translate, translator } from './messages';

/** The core catalogs, then each screen's section as its chunk registers it. */
const loaded: Record<Locale, Record<string, MessageTable[string]>> = { en: { ...en }, es: {} };

/**
 * Languages whose core catalog is here. English ships in the first download; the others
 * are a chunk of their own (3.6 KB gzip for Spanish), fetched only for people who read
 * them, since the first download is held to 120 KB.
 */
const cores = new Set<Locale>(['en']);
const loading = new Map<Locale, Promise<void>>();
const coreCatalogs: Record<Exclude<Locale, 'en'>, () => Promise<MessageTable>> = {
  es: () => import('./es').then((m) => m.es),
};

/** Whether `locale`'s core catalog is here, so screens can speak it. */
export function hasLocale(locale: Locale): boolean {
  return cores.has(locale);
}

/** Fetches `locale`'s core catalog once (from the service worker's cache offline); English at once. */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' || cores.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = coreCatalogs[locale]().then(
      (catalog) => {
        // Sections registered meanwhile stay: the core's keys are its own.
        Object.assign(loaded[locale], catalog);
        cores.add(locale);
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Adds a screen's messages in every language; called by the screen's module before it renders. */
export function registerMessages(section: Readonly<Record<Locale, MessageTable>>): void {
  for (const locale of LOCALES) Object.assign(loaded[locale], section[locale]);
}

export interface I18n {
  locale: Locale;
  t: Translate;
  date(value: Date | string | number, style?: DateStyle): string;
  number(value: number, fractionDigits?: number): string;
}

const built = new Map<Locale, I18n>();

/** `locale`'s tools, or English's until its core catalog is here (see loadLocale). */
export function i18nFor(locale: Locale): I18n {
  if (!cores.has(locale)) return i18nFor('en');
  let i18n = built.get(locale);
  if (!i18n) {
    i18n = {
      locale,
      t: translator(locale, loaded[locale]),
      date: (value, style) => formatDate(locale, value, style),
      number: (value, fractionDigits) => formatNumber(locale, value, fractionDigits),
    };
    built.set(locale, i18n);
  }
  return i18n;
}
