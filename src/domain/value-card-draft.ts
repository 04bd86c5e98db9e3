/**
 * A values card as HR types it, checked against the limits save_value_card
 * enforces, so most mistakes are caught before the network is needed.
 */

export const VALUE_CARD_LIMITS = { title: 120, statement: 1_000, onTheFloor: 2_000, examples: 10, example: 500 } as const;

/** A card's texts in one language, as typed. */
export interface ValueCardTexts {
  title: string;
  statement: string;
  onTheFloor: string;
  /** One example per line, as typed. */
  examples: string;
}

export interface ValueCardDraft extends ValueCardTexts {
  /** The card in the other language; all blank means the card has no translation. */
  translation: ValueCardTexts;
}

export type ValueCardProblem =
  | 'title_required'
  | 'title_too_long'
  | 'statement_required'
  | 'statement_too_long'
  | 'on_the_floor_too_long'
  | 'too_many_examples'
  | 'example_too_long';

const NO_TEXTS: ValueCardTexts = { title: '', statement: '', onTheFloor: '', examples: '' };
export const EMPTY_VALUE_CARD_DRAFT: ValueCardDraft = { ...NO_TEXTS, translation: NO_TEXTS };

/** The examples as a list: one per non-empty line, trimmed. */
export function examplesFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

interface CardTexts {
  title: string;
  statement: string;
  on_the_floor: string;
  examples: readonly string[];
}

function textsOf(card: CardTexts): ValueCardTexts {
  return { title: card.title, statement: card.statement, onTheFloor: card.on_the_floor, examples: card.examples.join('\n') };
}

export function draftFromCard(card: CardTexts & { translation?: CardTexts | null }): ValueCardDraft {
  return { ...textsOf(card), translation: card.translation ? textsOf(card.translation) : NO_TEXTS };
}

/** Whether anything of the translation is typed: then it must be whole, as the original must. */
export function translationStarted(draft: ValueCardDraft): boolean {
  const { title, statement, onTheFloor, examples } = draft.translation;
  return [title, statement, onTheFloor, examples].some((text) => text.trim() !== '');
}

/** The translation's problems, by the same rules as the original's; none when it is left blank. */
export function translationProblems(draft: ValueCardDraft): ValueCardProblem[] {
  return translationStarted(draft) ? valueCardProblems(draft.translation) : [];
}

/** The translation as save_value_card takes it, trimmed; null when it is left blank. */
export function translationOf<L extends string>(draft: ValueCardDraft, language: L) {
  if (!translationStarted(draft)) return null;
  const { title, statement, onTheFloor, examples } = draft.translation;
  return { language, title: title.trim(), statement: statement.trim(), on_the_floor: onTheFloor.trim(), examples: examplesFromText(examples) };
}

export function valueCardProblems(draft: ValueCardTexts, limits = VALUE_CARD_LIMITS): ValueCardProblem[] {
  const problems: ValueCardProblem[] = [];
  const title = draft.title.trim();
  const statement = draft.statement.trim();
  if (!title) problems.push('title_required');
  else if (title.length > limits.title) problems.push('title_too_long');
  if (!statement) problems.push('statement_required');
  else if (statement.length > limits.statement) problems.push('statement_too_long');
  if (draft.onTheFloor.trim().length > limits.onTheFloor) problems.push('on_the_floor_too_long');
  const examples = examplesFromText(draft.examples);
  if (examples.length > limits.examples) problems.push('too_many_examples');
  if (examples.some((example) => example.length > limits.example)) problems.push('example_too_long');
  return problems;
}
