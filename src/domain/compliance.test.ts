import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ackRate, exportFileName, exportRange, rateOverTime } from './compliance';

describe('ackRate', () => {
  it('is acked over total, and null when nobody was asked', () => {
    expect(ackRate({ acked: 3, total: 4 })).toBe(0.75);
    expect(ackRate({ acked: 0, total: 0 })).toBeNull();
  });
});

describe('rateOverTime', () => {
  it("divides each day's cumulative count by the total", () => {
    expect(
      rateOverTime(
        [
          { day: '2026-11-20', acked: 1, cumulative: 1 },
          { day: '2026-11-21', acked: 2, cumulative: 3 },
        ],
        4,
      ),
    ).toEqual([
      { day: '2026-11-20', rate: 0.25 },
      { day: '2026-11-21', rate: 0.75 },
    ]);
    expect(rateOverTime([{ day: '2026-11-20', acked: 0, cumulative: 0 }], 0)).toEqual([]);
  });

  it('stays between 0 and 1 and never falls while the cumulative count grows', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50)), fc.integer({ min: 1, max: 500 }), (perDay, total) => {
        let cumulative = 0;
        const daily = perDay.map((acked, i) => {
          cumulative += acked;
          return { day: String(i), acked, cumulative };
        });
        const rates = rateOverTime(daily, total).map((p) => p.rate);
        expect(rates.every((r) => r >= 0 && r <= 1)).toBe(true);
        expect(rates).toEqual([...rates].sort((a, b) => a - b));
      }),
    );
  });
});

describe('exportRange', () => {
  it('runs from the start of the first day to the start of the day after the last, in local time', () => {
    expect(exportRange('2026-03-01', '2026-03-31')).toEqual({
      p_from: new Date(2026, 2, 1).toISOString(),
      p_to: new Date(2026, 3, 1).toISOString(),
    });
  });

  it('leaves an empty or malformed side open', () => {
    expect(exportRange('', '')).toEqual({ p_from: null, p_to: null });
    expect(exportRange('2026-13', '2026-12-31').p_from).toBeNull();
    expect(exportRange('', '2026-12-31').p_to).toBe(new Date(2027, 0, 1).toISOString());
  });
});

describe('exportFileName', () => {
  it('names the file by the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 59))).toBe('frontline-audit-2026-01-05.csv');
  });
});
