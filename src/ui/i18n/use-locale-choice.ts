import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { browserLocale, readLocaleChoice, resolveLocale, saveLocaleChoice, subscribeLocaleChoice } from './locale';
import type { Locale } from './messages';

export interface LocaleChoice {
  /** The language on screen now. */
  locale: Locale;
  /** A language chosen on this phone that the server has not accepted yet, else null. */
  unsaved: Locale | null;
  choose(locale: Locale): void;
  /** The server accepted `locale` (set_my_locale answered); the next sync confirms it. */
  markSaved(locale: Locale): void;
}

/**
 * A signed-in person's language. A choice made on this phone applies at once
 * and is kept (localStorage) until the server accepted it and a sync shows the
 * account has it (memberLocale, from meta.me.locale); then the account's
 * language applies, which is the same.
 */
export function useLocaleChoice(userId: string, memberLocale: Locale | null | undefined): LocaleChoice {
  const choice = useSyncExternalStore(
    subscribeLocaleChoice,
    () => readLocaleChoice(userId),
    () => null,
  );

  useEffect(() => {
    if (choice?.saved && memberLocale === choice.locale) saveLocaleChoice(userId, null);
  }, [userId, choice, memberLocale]);

  const choose = useCallback((locale: Locale) => saveLocaleChoice(userId, { locale, saved: false }), [userId]);
  const markSaved = useCallback(
    (locale: Locale) => {
      // Only if nothing else was chosen meanwhile.
      if (readLocaleChoice(userId)?.locale === locale) saveLocaleChoice(userId, { locale, saved: true });
    },
    [userId],
  );

  return {
    locale: resolveLocale(choice?.locale ?? null, memberLocale, browserLocale()),
    unsaved: choice && !choice.saved ? choice.locale : null,
    choose,
    markSaved,
  };
}
