/**
 * Message lookup: typed keys and params (taken from the English catalog's
 * text, so `t('sync.waiting')` without `{ count }` does not compile),
 * {param} interpolation, plural forms chosen with Intl.PluralRules, and
 * numbers formatted for the locale. Pure: no React, no storage.
 */
import type { en } from './en';
import type { Locale, MessageTable, PluralForms, SectionCatalog, SectionMessages } from './types';

export { LOCALES, type Locale, type MessageTable, type PluralForms, type SectionCatalog } from './types';

type CoreEn = typeof en;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** Every message: the core catalog (shell, Today, Account) and each lazily loaded screen's section. */
type En = CoreEn & Intersection<SectionMessages[keyof SectionMessages]>;
export type MessageKey = keyof En;

/** Another language's core catalog. */
export type Catalog = SectionCatalog<CoreEn>;

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type ParamNames<M> = M extends string ? Placeholders<M> : 'count' | Placeholders<M[keyof M]>;
export type Params<K extends MessageKey> = { readonly [P in ParamNames<En[K]>]: string | number };
export type TArgs<K extends MessageKey> = [ParamNames<En[K]>] extends [never] ? [] : [params: Params<K>];

/** Keys of messages that take no params, e.g. for lookup tables of labels. */
export type PlainKey = { [K in MessageKey]: TArgs<K> extends [] ? K : never }[MessageKey];

/** `t('sync.waiting', { count: 2 })` → "2 waiting to send". */
export type Translate = <K extends MessageKey>(key: K, ...args: TArgs<K>) => string;

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesFor(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/** A number for this language, with exactly `fractionDigits` decimals. */
export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  const key = `${locale}|${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** The plural form a language uses for this count, falling back to `other`. */
export function pluralForm(locale: Locale, forms: PluralForms, count: number): string {
  return forms[rulesFor(locale).select(count)] ?? forms.other;
}

/** Fills {name} from params; numbers are formatted for the locale; unknown names stay as written. */
export function interpolate(locale: Locale, text: string, params: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** Looks messages up at call time, so sections registered later are found; a missing one shows its key. */
export function translator(locale: Locale, catalog: MessageTable): Translate {
  return ((key: MessageKey, params?: Readonly<Record<string, string | number>>) => {
    const message: string | PluralForms = catalog[key] ?? key;
    const text = typeof message === 'string' ? message : pluralForm(locale, message, Number(params?.count ?? 0));
    return interpolate(locale, text, params);
  }) as Translate;
}

/** {param} names used by a message (all plural forms together). */
export function paramNames(message: string | PluralForms): string[] {
  const texts: string[] = typeof message === 'string' ? [message] : Object.values(message).filter((v): v is string => typeof v === 'string');
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
}
