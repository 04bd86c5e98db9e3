import { useReducer } from 'react';
import type { ContentLanguage } from '../domain/content-language';

// Per item (briefing, values card, lesson: ids never collide), for the visit, until
// the app is closed: back on a list or reopened, it reads in the language the person
// last switched it to.
const chosen = new Map<string, ContentLanguage>();

/** The language this person switched an item to during this visit, if any. */
export function chosenLanguage(itemId: string): ContentLanguage | null {
  return chosen.get(itemId) ?? null;
}

/**
 * An item's switch: the choice, and a setter that remembers it for the visit. The map
 * is the one source, so a component that moves on to another item (the values deck
 * stepping to the next card) reads that item's choice without remounting.
 */
export function useLanguageChoice(itemId: string): [ContentLanguage | null, (language: ContentLanguage) => void] {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  return [
    chosenLanguage(itemId),
    (language) => {
      chosen.set(itemId, language);
      changed();
    },
  ];
}
