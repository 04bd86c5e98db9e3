import { useState } from 'react';
import type { ContentLanguage } from '../../domain/briefing-language';

// Per briefing, for the visit (until the app is closed): back on Today or reopened,
// a briefing reads in the language the person last switched it to.
const chosen = new Map<string, ContentLanguage>();

/** The language this person switched a briefing to during this visit, if any. */
export function chosenLanguage(briefingId: string): ContentLanguage | null {
  return chosen.get(briefingId) ?? null;
}

/** The briefing screen's switch: the choice, and a setter that remembers it for the visit. */
export function useLanguageChoice(briefingId: string): [ContentLanguage | null, (language: ContentLanguage) => void] {
  const [choice, setChoice] = useState(() => chosenLanguage(briefingId));
  return [
    choice,
    (language) => {
      chosen.set(briefingId, language);
      setChoice(language);
    },
  ];
}
