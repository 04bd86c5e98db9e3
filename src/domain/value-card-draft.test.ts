import { describe, expect, it } from 'vitest';
import { draftFromCard, examplesFromText, type ValueCardDraft, valueCardProblems } from './value-card-draft';

const good: ValueCardDraft = {
  title: 'Guests first',
  statement: 'Every guest leaves helped.',
  onTheFloor: 'Walk them there.',
  examples: 'Sam walked a guest.\n\nAlex opened a till.',
};

describe('values card draft', () => {
  it('a card with title and statement is fine; examples are one per line, blanks dropped', () => {
    expect(valueCardProblems(good)).toEqual([]);
    expect(examplesFromText(good.examples)).toEqual(['Sam walked a guest.', 'Alex opened a till.']);
  });

  it('needs a title and a statement', () => {
    expect(valueCardProblems({ ...good, title: ' ', statement: '' })).toEqual(['title_required', 'statement_required']);
  });

  it('holds to the server limits', () => {
    expect(
      valueCardProblems({
        title: 't'.repeat(121),
        statement: 's'.repeat(1001),
        onTheFloor: 'f'.repeat(2001),
        examples: [...Array(11)].map((_, i) => `Example ${i}`).join('\n'),
      }),
    ).toEqual(['title_too_long', 'statement_too_long', 'on_the_floor_too_long', 'too_many_examples']);
    expect(valueCardProblems({ ...good, examples: 'e'.repeat(501) })).toEqual(['example_too_long']);
  });

  it('a saved card becomes a draft that round-trips its examples', () => {
    const draft = draftFromCard({ title: 'A', statement: 'B', on_the_floor: 'C', examples: ['one', 'two'] });
    expect(draft).toEqual({ title: 'A', statement: 'B', onTheFloor: 'C', examples: 'one\ntwo' });
    expect(examplesFromText(draft.examples)).toEqual(['one', 'two']);
  });
});
