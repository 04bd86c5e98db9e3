import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byPosition, clampIndex, moveInOrder, stepTo, swipeStep } from './value-deck';

describe('stepTo', () => {
  it('moves one card at a time and stops at either end', () => {
    expect(stepTo(0, 1, 5)).toBe(1);
    expect(stepTo(4, 1, 5)).toBe(4);
    expect(stepTo(0, -1, 5)).toBe(0);
    expect(stepTo(3, -1, 5)).toBe(2);
  });

  it('an empty deck has only index 0', () => {
    expect(stepTo(2, 1, 0)).toBe(0);
  });

  it('keeps the index inside a deck that shrank', () => {
    expect(clampIndex(5, 3)).toBe(2);
    expect(clampIndex(1, 3)).toBe(1);
  });
});

describe('swipeStep', () => {
  it('a leftward swipe is next, a rightward one previous', () => {
    expect(swipeStep(-120, 10)).toBe(1);
    expect(swipeStep(120, -10)).toBe(-1);
  });

  it('a short or mostly vertical move is no swipe (the page scrolls)', () => {
    expect(swipeStep(-30, 0)).toBe(0);
    expect(swipeStep(-80, 70)).toBe(0);
    expect(swipeStep(0, 200)).toBe(0);
  });
});

describe('byPosition', () => {
  it('orders by position, ties by id, without changing the input', () => {
    const cards = [
      { id: 'c', position: 2 },
      { id: 'b', position: 1 },
      { id: 'a', position: 2 },
    ];
    expect(byPosition(cards).map((c) => c.id)).toEqual(['b', 'a', 'c']);
    expect(cards.map((c) => c.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('moveInOrder', () => {
  it('swaps a card with its neighbour', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
  });

  it('changes nothing at the ends or for an unknown id', () => {
    expect(moveInOrder(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
    expect(moveInOrder(['a', 'b'], 'b', 1)).toEqual(['a', 'b']);
    expect(moveInOrder(['a', 'b'], 'x', 1)).toEqual(['a', 'b']);
  });

  it('always lists every id exactly once, as reorder_value_cards requires', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { maxLength: 12 }), fc.nat(), fc.constantFrom(-1 as const, 1 as const), (ids, pick, delta) => {
        const id = ids.length > 0 ? ids[pick % ids.length]! : 'none';
        const moved = moveInOrder(ids, id, delta);
        expect([...moved].sort()).toEqual([...ids].sort());
      }),
    );
  });
});
