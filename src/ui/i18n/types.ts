/**
 * The shapes of catalogs, with no imports: the section catalogs (plain data)
 * and the message lookup both depend on this module, never on each other.
 */
export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

/** CLDR plural forms; `other` is required, the rest as the language needs them. */
export type PluralForms = { readonly other: string } & { readonly [F in Exclude<Intl.LDMLPluralRule, 'other'>]?: string };

/** Another language's section: exactly English's keys, each a string or plural forms as in English. */
export type SectionCatalog<E> = { readonly [K in keyof E]: E[K] extends string ? string : PluralForms };

/** Messages by key, as loaded so far. */
export type MessageTable = Readonly<Record<string, string | PluralForms>>;

/** What a section module exports by default: its messages in every language. */
export type SectionMessagesModule = { readonly default: Readonly<Record<Locale, MessageTable>> };

/**
 * Each section's English catalog by section name. Empty here: every file in
 * sections/ adds itself with `declare module '../types'`, so t() knows a screen's
 * keys without the lookup importing the sections.
 */
// biome-ignore lint/suspicious/noEmptyInterface: empty on purpose; each section fills it by declaration merging (a type alias cannot be merged).
export interface SectionMessages {}
