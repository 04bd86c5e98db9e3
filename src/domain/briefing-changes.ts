/**
 * "What changed" in the language on screen: which two texts of a briefing's
 * versions to compare. Apart from briefing-language.ts so it loads with the
 * briefing screen, not with Today.
 */
import type { ContentLanguage, ShownText } from './briefing-language';

export interface Text {
  title: string;
  body: string;
}

/**
 * The two texts "what changed" compares for what is on screen: the versions'
 * translations when the reader sees the translation and the version before had
 * one in that language too, else the originals (a translation added only now
 * has nothing to compare with).
 */
export function changedTexts(
  briefing: Text,
  previous: Text & { translation?: (Text & { language: ContentLanguage }) | null },
  shown: ShownText,
): { before: Text; after: Text; language: ContentLanguage } {
  const before = previous.translation;
  if (shown.language !== shown.original && before?.language === shown.language) return { before, after: shown, language: shown.language };
  return { before: previous, after: briefing, language: shown.original };
}
