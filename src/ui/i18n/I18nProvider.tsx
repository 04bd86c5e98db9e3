/**
 * The active language for a tree of screens, and the hooks that read it.
 * Outside a provider (and before sign-in) the browser's language applies.
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { hasLocale, type I18n, i18nFor, loadLocale } from './i18n';
import { browserLocale } from './locale';
import type { Locale, Translate } from './messages';

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  // A language whose catalog is still on its way shows in English meanwhile (main.tsx
  // fetches the browser's before the first render, so that is rare and short).
  const [, catalogArrived] = useState(0);
  const shown = hasLocale(locale) ? locale : 'en';
  useEffect(() => {
    if (hasLocale(locale)) return;
    let current = true;
    loadLocale(locale).then(
      () => current && catalogArrived((n) => n + 1),
      () => undefined, // Stays in English; the next start tries again.
    );
    return () => {
      current = false;
    };
  }, [locale]);
  useEffect(() => {
    // Screen readers pick their voice from it; hyphenation and quotes follow it too.
    document.documentElement.lang = shown;
  }, [shown]);
  return <I18nContext.Provider value={i18nFor(shown)}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext) ?? i18nFor(browserLocale());
}

/** `const t = useT(); t('today.title')`. */
export function useT(): Translate {
  return useI18n().t;
}
