import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from './text-diff';

describe('diffLines', () => {
  it('shows a changed line as removed then added, keeping the rest', () => {
    expect(diffLines('Count the till at 9.\nBring your badge.', 'Count the till at 8.\nBring your badge.')).toEqual([
      { kind: 'removed', text: 'Count the till at 9.' },
      { kind: 'added', text: 'Count the till at 8.' },
      { kind: 'same', text: 'Bring your badge.' },
    ]);
  });

  const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 12 }).map((l) => l.join('\n'));

  it('rebuilds both texts: same+removed is before, same+added is after', () => {
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const diff = diffLines(before, after);
        expect(
          diff
            .filter((d) => d.kind !== 'added')
            .map((d) => d.text)
            .join('\n'),
        ).toBe(before);
        expect(
          diff
            .filter((d) => d.kind !== 'removed')
            .map((d) => d.text)
            .join('\n'),
        ).toBe(after);
      }),
    );
  });

  it('finds nothing changed between equal texts', () => {
    fc.assert(fc.property(lines, (text) => diffLines(text, text).every((d) => d.kind === 'same')));
  });
});
