/**
 * One language's tools for screens: t() over its catalog, and dates and
 * numbers formatted for it. Built once per locale and shared, so components
 * can compare them by identity.
 */
import { type DateStyle, formatDate } from './dates';
import { en } from './en';
import { es } from './es';
import { formatNumber, LOCALES, type Locale, type MessageTable, type Translate, translator } from './messages';

/** The core catalogs, then each screen's section as its chunk registers it. */
const loaded: Record<Locale, Record<string, MessageTable[string]>> = { en: { ...en }, es: { ...es } };

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

export function i18nFor(locale: Locale): I18n {
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
