import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { i18nFor, loadLocale, registerMessages } from './i18n';
import { type Catalog, type Locale, type PluralForms, paramNames } from './messages';
import type { SectionMessagesModule } from './types';

// Spanish is a chunk of its own, fetched before the app's first render (main.tsx).
beforeAll(() => loadLocale('es'));

type Messages = Readonly<Record<string, string | PluralForms>>;

/** Every file in sections/, found by name so a new section is checked without being listed here. */
const sectionFiles = import.meta.glob<SectionMessagesModule>('./sections/*.ts', { eager: true });

/** Every catalog: the core one and each screen's section, English beside Spanish. */
const SECTIONS: ReadonlyArray<{ name: string; en: Messages; es: Messages }> = [
  { name: 'core', en, es },
  ...Object.entries(sectionFiles).map(([file, section]) => ({ name: file.replace(/^.*\/(\w+)\.ts$/, '$1'), ...section.default })),
];

/** The @ts-expect-error lines are the test: tsc checks them (the test files are part of `npm run typecheck`); run, they only build values. */
describe('catalog and t() types', () => {
  it('refuse a wrong catalog or call at compile time', () => {
    // @ts-expect-error a catalog missing English keys does not compile
    const incomplete: Catalog = { 'app.nav': 'Principal' };
    // @ts-expect-error a catalog with a key English does not have does not compile
    const extra: Catalog = { ...es, 'app.made_up': 'x' };
    // @ts-expect-error a plural message cannot become a plain string
    const flattened: Catalog = { ...es, 'sync.refused': 'rechazado' };
    const { t } = i18nFor('en');
    // @ts-expect-error a message with {count} needs it
    t('sync.waiting');
    // @ts-expect-error params are checked by name
    t('sync.waiting', { total: 2 });
    // @ts-expect-error unknown keys do not compile
    t('nope');
    void [incomplete, extra, flattened];
  });
});

const PLURAL_CATEGORIES: Record<Locale, string[]> = {
  en: new Intl.PluralRules('en').resolvedOptions().pluralCategories,
  es: new Intl.PluralRules('es').resolvedOptions().pluralCategories,
};

describe('catalogs', () => {
  it('no key is in two sections, and each section keeps to its own prefix', () => {
    const keys = SECTIONS.flatMap((section) => Object.keys(section.en));
    expect(new Set(keys).size).toBe(keys.length);
    for (const { name, en: messages } of SECTIONS.filter((section) => section.name !== 'core')) {
      for (const key of Object.keys(messages)) expect(key.startsWith(`${name}.`), key).toBe(true);
    }
  });

  it('Spanish has exactly the English keys, section by section', () => {
    for (const section of SECTIONS) expect(Object.keys(section.es).sort(), section.name).toEqual(Object.keys(section.en).sort());
  });

  it('every message uses the same {params} as in English', () => {
    for (const section of SECTIONS) {
      for (const key of Object.keys(section.en)) {
        expect({ key, params: paramNames(section.es[key]!) }).toEqual({ key, params: paramNames(section.en[key]!) });
      }
    }
  });

  it('plural messages are plural in Spanish too, with its forms and at least one and other', () => {
    for (const section of SECTIONS) {
      for (const [key, message] of Object.entries(section.es)) {
        const english = section.en[key];
        expect({ key, plural: typeof message === 'object' }).toEqual({ key, plural: typeof english === 'object' });
        if (typeof message !== 'object') continue;
        for (const form of Object.keys(message)) expect(PLURAL_CATEGORIES.es).toContain(form);
        expect(Object.keys(message)).toEqual(expect.arrayContaining(['one', 'other']));
      }
    }
  });

  it('no message is empty or left in English by mistake', () => {
    // Words that are the same in both languages on purpose.
    // The language switch offers a text in the words of the language it offers ("Ver en español" on an English screen too).
    const same = new Set(['account.megabytes', 'briefing.language.readIn.en', 'briefing.language.readIn.es']);
    for (const section of SECTIONS) {
      for (const key of Object.keys(section.en)) {
        const text = JSON.stringify(section.es[key]);
        expect(text.replace(/\{\w+\}|[^\p{L}]/gu, '').length, key).toBeGreaterThan(same.has(key) ? -1 : 0);
        if (!same.has(key) && typeof section.en[key] === 'string') expect(section.es[key], key).not.toBe(section.en[key]);
      }
    }
  });

  it('finds every section file', () => {
    expect(SECTIONS.map((section) => section.name).sort()).toEqual([
      'activate',
      'admin',
      'compose',
      'core',
      'insights',
      'learn',
      'push',
      'roster',
      'sidenav',
      'values',
      'voice',
    ]);
  });

  it("a section's messages are found once registered, in both languages, and only then", () => {
    const compose = sectionFiles['./sections/compose.ts']!.default;
    expect(i18nFor('en').t('compose.new')).toBe('compose.new');
    registerMessages(compose);
    expect(i18nFor('en').t('compose.new')).toBe(compose.en['compose.new']);
    expect(i18nFor('es').t('compose.new')).toBe(compose.es['compose.new']);
  });
});

describe('t()', () => {
  it('picks the plural form by count, in English and in Spanish', () => {
    const en_ = i18nFor('en').t;
    const es_ = i18nFor('es').t;
    expect([0, 1, 2, 21].map((count) => en_('sync.refused', { count }))).toEqual([
      '0 items were refused',
      '1 item was refused',
      '2 items were refused',
      '21 items were refused',
    ]);
    expect([0, 1, 2, 21].map((count) => es_('sync.refused', { count }))).toEqual([
      '0 elementos fueron rechazados',
      '1 elemento fue rechazado',
      '2 elementos fueron rechazados',
      '21 elementos fueron rechazados',
    ]);
    expect(en_('update.sendsFirst', { count: 1 })).toBe('Your 1 waiting item will be sent first.');
    expect(es_('update.sendsFirst', { count: 3 })).toBe('Antes se enviarán tus 3 elementos pendientes.');
    // Spanish has a "many" form (1,000,000); without its own text it falls back to "other".
    expect(new Intl.PluralRules('es').select(1_000_000)).toBe('many');
    expect(es_('account.signOutWarning', { count: 1_000_000 })).toMatch(/^1\.000\.000 elementos aún no se han enviado/);
  });

  it('fills params and formats numbers for the language', () => {
    expect(i18nFor('en').t('sync.firstSync', { done: 1500, total: 5000 })).toBe('Getting your content: 1,500 of 5,000');
    expect(i18nFor('es').t('sync.firstSync', { done: 1500, total: 50000 })).toBe('Descargando tu contenido: 1500 de 50.000');
    expect(i18nFor('en').t('sync.problem.refused', { detail: 'bad {thing}' })).toBe('The server refused the sync: bad {thing}');
  });

  it('keeps English text the browser tests rely on', () => {
    const { t } = i18nFor('en');
    expect(t('sync.waiting', { count: 1 })).toBe('1 waiting to send');
    expect(t('account.signOutWarning', { count: 1 })).toMatch(/^1 item has not been sent yet/);
    expect(t('delivery.onPhone')).toBe('Saved on this phone, will send');
    expect(t('delivery.sent')).toBe('Sent');
  });
});
