/**
 * The active language for a tree of screens, and the hooks that read it.
 * Outside a provider (and before sign-in) the browser's language applies.
 */
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { type I18n, i18nFor } from './i18n';
import { browserLocale } from './locale';
import type { Locale, Translate } from './messages';

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  useEffect(() => {
    // Screen readers pick their voice from it; hyphenation and quotes follow it too.
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={i18nFor(locale)}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext) ?? i18nFor(browserLocale());
}

/** `const t = useT(); t('today.title')`. */
export function useT(): Translate {
  return useI18n().t;
}
