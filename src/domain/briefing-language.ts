/**
 * A briefing's texts in the reader's language (content-language.ts), flattened
 * to the shape Today's card, the briefing screen and the acknowledgement use.
 */
import { type ContentLanguage, pickText } from './content-language';

export type { ContentLanguage } from './content-language';

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

/** The briefing's title and body to show a reader of `readerLanguage`, or of the language they switched it to (`choice`). */
export function pickBriefingText(briefing: TranslatableBriefing, readerLanguage: string, choice: ContentLanguage | null = null): ShownText {
  const { text, ...languages } = pickText(briefing, briefing, readerLanguage, choice);
  return { title: text.title, body: text.body, ...languages };
}
