import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { CATALOGS, i18nFor } from './i18n';
import { LOCALES, paramNames, type Catalog, type Locale, type PluralForms } from './messages';

/** Never run: tsc checks these lines (the test files are part of `npm run typecheck`). */
export function typeChecks(): void {
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
}

const PLURAL_CATEGORIES: Record<Locale, string[]> = {
  en: new Intl.PluralRules('en').resolvedOptions().pluralCategories,
  es: new Intl.PluralRules('es').resolvedOptions().pluralCategories,
};

describe('catalogs', () => {
  it('every catalog has exactly the English keys', () => {
    for (const locale of LOCALES) expect(Object.keys(CATALOGS[locale]).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message uses the same {params} as in English', () => {
    for (const locale of LOCALES) {
      for (const key of Object.keys(en) as Array<keyof typeof en>) {
        expect({ key, params: paramNames(CATALOGS[locale][key]) }).toEqual({ key, params: paramNames(en[key]) });
      }
    }
  });

  it('plural messages are plural in every language, with that language\'s forms and at least one and other', () => {
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(CATALOGS[locale]) as Array<[string, string | PluralForms]>) {
        const english = en[key as keyof typeof en];
        expect({ key, plural: typeof message === 'object' }).toEqual({ key, plural: typeof english === 'object' });
        if (typeof message !== 'object') continue;
        for (const form of Object.keys(message)) expect(PLURAL_CATEGORIES[locale]).toContain(form);
        expect(Object.keys(message)).toEqual(expect.arrayContaining(['one', 'other']));
      }
    }
  });

  it('no message is empty or left in English by mistake', () => {
    // Words that are the same in both languages on purpose.
    const same = new Set(['account.megabytes']);
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      const text = JSON.stringify(es[key]);
      expect(text.replace(/\{\w+\}|[^\p{L}]/gu, '').length, key).toBeGreaterThan(same.has(key) ? -1 : 0);
      if (!same.has(key) && typeof en[key] === 'string') expect(es[key], key).not.toBe(en[key]);
    }
  });
});

describe('t()', () => {
  it('picks the plural form by count, in English and in Spanish', () => {
    const en_ = i18nFor('en').t;
    const es_ = i18nFor('es').t;
    expect([0, 1, 2, 21].map((count) => en_('sync.refused', { count }))).toEqual([
      '0 items were refused', '1 item was refused', '2 items were refused', '21 items were refused',
    ]);
    expect([0, 1, 2, 21].map((count) => es_('sync.refused', { count }))).toEqual([
      '0 elementos fueron rechazados', '1 elemento fue rechazado', '2 elementos fueron rechazados', '21 elementos fueron rechazados',
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
    expect(t('briefing.state.waiting')).toBe('Acknowledged · waiting to send');
  });
});
