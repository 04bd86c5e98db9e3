import type { ValueCard } from '../../data/supabase/types';
import { pickText } from '../../domain/content-language';
import { chosenLanguage } from '../../ui/language-choice';

/** A values card's name where it is named (the kudos form, the wall): in the language its card reads in for this person. */
export function valueTitle(card: ValueCard, readerLanguage: string): string {
  return pickText(card, card, readerLanguage, chosenLanguage(card.id)).text.title;
}
