import { describe, expect, it } from 'vitest';
import {
  draftFromCard,
  EMPTY_VALUE_CARD_DRAFT,
  examplesFromText,
  translationOf,
  translationProblems,
  type ValueCardTexts,
  valueCardProblems,
} from './value-card-draft';

const good: ValueCardTexts = {
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
    expect(draft).toEqual({ title: 'A', statement: 'B', onTheFloor: 'C', examples: 'one\ntwo', translation: EMPTY_VALUE_CARD_DRAFT.translation });
    expect(examplesFromText(draft.examples)).toEqual(['one', 'two']);
  });

  it('a translation left blank is no translation; one started must be whole, within the same limits', () => {
    const draft = { ...good, translation: EMPTY_VALUE_CARD_DRAFT.translation };
    expect(translationProblems(draft)).toEqual([]);
    expect(translationOf(draft, 'es')).toBeNull();
    const started = { ...good, translation: { ...EMPTY_VALUE_CARD_DRAFT.translation, onTheFloor: ' Acompáñalos. ' } };
    expect(translationProblems(started)).toEqual(['title_required', 'statement_required']);
    const long = { ...good, translation: { title: 'Primero', statement: 's'.repeat(1001), onTheFloor: '', examples: '' } };
    expect(translationProblems(long)).toEqual(['statement_too_long']);
  });

  it('sends the translation trimmed, examples one per line, and reads it back into the form', () => {
    const draft = { ...good, translation: { title: ' Primero ', statement: 'Cada cliente.', onTheFloor: '', examples: 'Uno.\n\n Dos. ' } };
    const sent = translationOf(draft, 'es');
    expect(sent).toEqual({ language: 'es', title: 'Primero', statement: 'Cada cliente.', on_the_floor: '', examples: ['Uno.', 'Dos.'] });
    const back = draftFromCard({ title: 'Guests first', statement: 'S.', on_the_floor: '', examples: [], translation: sent });
    expect(back.translation).toEqual({ title: 'Primero', statement: 'Cada cliente.', onTheFloor: '', examples: 'Uno.\nDos.' });
    expect(draftFromCard({ title: 'T', statement: 'S.', on_the_floor: '', examples: [], translation: null }).translation).toEqual(
      EMPTY_VALUE_CARD_DRAFT.translation,
    );
  });
});
