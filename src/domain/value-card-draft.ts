/**
 * A values card as HR types it, checked against the limits save_value_card
 * enforces, so most mistakes are caught before the network is needed.
 */

export const VALUE_CARD_LIMITS = { title: 120, statement: 1_000, onTheFloor: 2_000, examples: 10, example: 500 } as const;

export interface ValueCardDraft {
  title: string;
  statement: string;
  onTheFloor: string;
  /** One example per line, as typed. */
  examples: string;
}

export type ValueCardProblem =
  | 'title_required'
  | 'title_too_long'
  | 'statement_required'
  | 'statement_too_long'
  | 'on_the_floor_too_long'
  | 'too_many_examples'
  | 'example_too_long';

export const EMPTY_VALUE_CARD_DRAFT: ValueCardDraft = { title: '', statement: '', onTheFloor: '', examples: '' };

/** The examples as a list: one per non-empty line, trimmed. */
export function examplesFromText(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export function draftFromCard(card: { title: string; statement: string; on_the_floor: string; examples: readonly string[] }): ValueCardDraft {
  return { title: card.title, statement: card.statement, onTheFloor: card.on_the_floor, examples: card.examples.join('\n') };
}

export function valueCardProblems(draft: ValueCardDraft, limits = VALUE_CARD_LIMITS): ValueCardProblem[] {
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
