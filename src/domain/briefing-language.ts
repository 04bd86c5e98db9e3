/**
 * Which of a briefing's texts a reader sees: their own language's when the
 * version has one, else the original; and the other text, if any, that a
 * one-tap switch offers. Pure, so Today's card, the briefing screen and the
 * acknowledgement agree on what was on screen.
 */

export type ContentLanguage = 'en' | 'es';

export interface TranslatableBriefing {
  title: string;
  body: string;
  /** The original's language; absent on rows from before translations, which were English. */
  language?: ContentLanguage;
  translation?: { language: ContentLanguage; title: string; body: string } | null;
}

export interface ShownText {
  title: string;
  body: string;
  /** The language of the text shown: what an acknowledgement records. */
  language: ContentLanguage;
  /** The original's language. */
  original: ContentLanguage;
  /** The other text's language, offered by the switch; null when the version has one text only. */
  other: ContentLanguage | null;
}

/** The original's language (English for rows written before briefings had one). */
export function originalLanguage(briefing: TranslatableBriefing): ContentLanguage {
  return briefing.language ?? 'en';
}

/**
 * The text to show a reader whose screens are in `readerLanguage`. `choice` is
 * the language they switched to on this briefing, if any; a choice the version
 * has no text in (the translation was removed since) falls back to the default.
 */
export function pickBriefingText(briefing: TranslatableBriefing, readerLanguage: string, choice: ContentLanguage | null = null): ShownText {
  const original = originalLanguage(briefing);
  const translation = briefing.translation;
  const other = translation?.language ?? null;
  const wanted = choice && (choice === original || choice === other) ? choice : readerLanguage;
  // The translation is never in the original's language (the server refuses that), so the reader's wanting it is enough.
  if (translation && wanted === other) return { ...translation, original, other: original };
  return { title: briefing.title, body: briefing.body, language: original, original, other };
}
