/**
 * Which of a piece of content's texts a reader sees (a briefing, a values card,
 * a lesson): their own language's when it has one, else the original; and the
 * other text, if any, that a one-tap switch offers. Pure, so every screen that
 * shows the content, and whatever records what was read, agree.
 */

export type ContentLanguage = 'en' | 'es';

/** The other supported language: the one a translation of an original in `language` is in. */
export function otherLanguage(language: ContentLanguage): ContentLanguage {
  return language === 'en' ? 'es' : 'en';
}

export interface Translatable<T> {
  /** The original's language; absent on rows from before translations, which were English. */
  language?: ContentLanguage | undefined;
  translation?: (T & { language: ContentLanguage }) | null | undefined;
}

export interface Shown<T> {
  text: T;
  /** The language of the text shown (what an acknowledgement records). */
  language: ContentLanguage;
  /** The original's language. */
  original: ContentLanguage;
  /** The other text's language, offered by the switch; null when there is one text only. */
  other: ContentLanguage | null;
}

/**
 * The text to show a reader whose screens are in `readerLanguage`. `choice` is
 * the language they switched this item to, if any; a choice the item has no
 * text in (the translation was removed since) falls back to the default.
 */
export function pickText<O, T>(item: Translatable<T>, original: O, readerLanguage: string, choice: ContentLanguage | null = null): Shown<O | T> {
  const originalLanguage = item.language ?? 'en';
  const translation = item.translation;
  const other = translation?.language ?? null;
  const wanted = choice && (choice === originalLanguage || choice === other) ? choice : readerLanguage;
  // The translation is never in the original's language (the server refuses that), so the reader's wanting it is enough.
  if (translation && wanted === other) return { text: translation, language: other, original: originalLanguage, other: originalLanguage };
  return { text: original, language: originalLanguage, original: originalLanguage, other };
}
