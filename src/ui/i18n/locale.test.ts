import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDate } from './dates';
import { browserLocale, readLocaleChoice, resolveLocale, saveLocaleChoice, subscribeLocaleChoice } from './locale';

describe('browserLocale', () => {
  it.each([
    [['es-MX', 'en'], 'es'],
    [['es'], 'es'],
    [['ES-es'], 'es'],
    [['en-GB', 'es'], 'en'],
    [['fr-FR'], 'en'],
    [['pt-BR', 'es'], 'en'],
  ])('%j → %s', (languages, expected) => {
    expect(browserLocale(languages)).toBe(expected);
  });
});

describe('resolveLocale', () => {
  it("this phone's choice, then the member's, then the browser's", () => {
    expect(resolveLocale('es', 'en', 'en')).toBe('es');
    expect(resolveLocale(null, 'es', 'en')).toBe('es');
    expect(resolveLocale(null, null, 'es')).toBe('es');
    expect(resolveLocale(null, undefined, 'en')).toBe('en');
  });
});

describe("this phone's choice", () => {
  let store: Map<string, string>;
  beforeEach(() => {
    store = new Map();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is kept per user, survives a reread, and tells subscribers', () => {
    const seen: string[] = [];
    const stop = subscribeLocaleChoice(() => seen.push('changed'));
    saveLocaleChoice('u1', { locale: 'es', saved: false });
    expect(readLocaleChoice('u1')).toEqual({ locale: 'es', saved: false });
    expect(readLocaleChoice('u1')).toBe(readLocaleChoice('u1'));
    expect(readLocaleChoice('u2')).toBeNull();
    saveLocaleChoice('u1', null);
    expect(readLocaleChoice('u1')).toBeNull();
    stop();
    saveLocaleChoice('u1', { locale: 'en', saved: true });
    expect(seen).toEqual(['changed', 'changed']);
  });

  it('ignores what it did not write', () => {
    store.set('frontline:locale:u3', '{"locale":"fr"}');
    expect(readLocaleChoice('u3')).toBeNull();
    store.set('frontline:locale:u3', 'not json');
    expect(readLocaleChoice('u3')).toBeNull();
  });

  it('still applies when storage refuses the write', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    });
    saveLocaleChoice('u4', { locale: 'es', saved: false });
    expect(readLocaleChoice('u4')).toEqual({ locale: 'es', saved: false });
  });
});

describe('formatDate', () => {
  it('formats in the language asked for and tolerates bad input', () => {
    const when = '2026-11-22T10:05:00Z';
    expect(formatDate('es', when, 'date')).toMatch(/nov/);
    expect(formatDate('en', when, 'date')).toMatch(/Nov/);
    expect(formatDate('en', 'not a date')).toBe('');
  });
});
