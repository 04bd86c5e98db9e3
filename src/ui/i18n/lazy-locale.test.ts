import { describe, expect, it } from 'vitest';
import { hasLocale, i18nFor, loadLocale } from './i18n';

// No loadLocale in a beforeAll here: this file sees the app as its first download does.
describe('a language other than English', () => {
  it('is not in the first download: screens speak English until its catalog is fetched, then it', async () => {
    expect(hasLocale('en')).toBe(true);
    expect(hasLocale('es')).toBe(false);
    expect(i18nFor('es').locale).toBe('en');
    expect(i18nFor('es').t('app.tab.today')).toBe(i18nFor('en').t('app.tab.today'));

    const twice = [loadLocale('es'), loadLocale('es')];
    await Promise.all(twice);
    expect(hasLocale('es')).toBe(true);
    expect(i18nFor('es').locale).toBe('es');
    expect(i18nFor('es').t('app.tab.today')).toBe('Hoy');
  });
});
