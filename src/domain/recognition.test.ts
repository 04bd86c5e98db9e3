import { describe, expect, it } from 'vitest';
import { recognitionBars } from './recognition';

describe('recognitionBars', () => {
  it('most recognised first, bars relative to the top value', () => {
    const bars = recognitionBars([
      { value_card_id: 'own', value_title: 'Own it', count: 2 },
      { value_card_id: null, value_title: null, count: 2 },
      { value_card_id: 'guests', value_title: 'Guests first', count: 4 },
      { value_card_id: 'team', value_title: 'One team', count: 2 },
    ]);
    expect(bars.map((b) => [b.title, b.count, b.share])).toEqual([
      ['Guests first', 4, 1],
      ['One team', 2, 0.5],
      ['Own it', 2, 0.5],
      [null, 2, 0.5],
    ]);
  });

  it('a store with no kudos has no bars', () => {
    expect(recognitionBars([])).toEqual([]);
    expect(recognitionBars([{ value_card_id: 'a', value_title: 'A', count: 0 }])).toEqual([]);
  });
});
