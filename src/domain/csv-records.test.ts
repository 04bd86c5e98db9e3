import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecordCounter, dataRows } from './csv-records';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Quotes a field when it must be, and sometimes when it need not be (both are valid CSV). */
function csvField(value: string, forceQuotes: boolean): string {
  return forceQuotes || value === '' || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Cuts bytes at the given offsets, in any order and with repeats (empty chunks included). */
function splitAt(all: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [0, ...cuts.map((c) => c % (all.length + 1)).sort((a, b) => a - b), all.length];
  return points.slice(1).map((end, i) => all.subarray(points[i], end));
}

function countChunks(chunks: Uint8Array[]): { pushed: number[]; total: number } {
  const counter = csvRecordCounter();
  const pushed = chunks.map((chunk) => counter.push(chunk));
  return { pushed, total: counter.finish() };
}

const fieldText = fc.string({ unit: fc.constantFrom('a', 'Z', 'ñ', '€', '😀', ',', '"', '\n', '\r\n', ' ', '1'), maxLength: 12 });
const row = fc.array(fc.record({ value: fieldText, quoted: fc.boolean() }), { minLength: 1, maxLength: 6 });

describe('csvRecordCounter', () => {
  it('counts rows whose quoted fields hold commas, quotes and line breaks, however the bytes are split', () => {
    fc.assert(fc.property(
      fc.array(row, { maxLength: 20 }), fc.boolean(), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(), { maxLength: 30 }),
      (rows, trailingBreak, lineBreak, cuts) => {
        const lines = rows.map((fields) => fields.map((f) => csvField(f.value, f.quoted)).join(','));
        const text = lines.join(lineBreak) + (trailingBreak && rows.length > 0 ? lineBreak : '');
        const { pushed, total } = countChunks(splitAt(bytes(text), cuts));
        expect(total).toBe(rows.length);
        expect(pushed).toEqual([...pushed].sort((a, b) => a - b));
        expect(pushed.at(-1) ?? 0).toBeLessThanOrEqual(rows.length);
      },
    ));
  });

  it('completes a record only at its line break', () => {
    const counter = csvRecordCounter();
    expect(counter.push(bytes('person,briefing\nAna,"Close, then'))).toBe(1);
    expect(counter.push(bytes('\nlock"\nBen,"Say ""hi"""'))).toBe(2);
    expect(counter.finish()).toBe(3);
  });

  it('counts nothing in nothing', () => {
    expect(countChunks([]).total).toBe(0);
    expect(countChunks([bytes('')]).total).toBe(0);
  });
});

describe('dataRows', () => {
  it('leaves out the header row', () => {
    expect([0, 1, 2, 1_000_001].map(dataRows)).toEqual([0, 0, 1, 1_000_000]);
  });
});
