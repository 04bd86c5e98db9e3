import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF, retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('first retry comes within 2 seconds', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (r) => retryDelayMs(0, r) <= 2_000));
  });

  it('stays between half and all of the doubling ceiling, never above the cap', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** attempt);
        const delay = retryDelayMs(attempt, r);
        return delay >= Math.floor(ceiling / 2) && delay <= ceiling && delay <= BACKOFF.capMs;
      }),
    );
  });

  it('grows with each attempt for the same jitter until the cap', () => {
    fc.assert(
      fc.property(
        fc.nat(30),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => retryDelayMs(attempt + 1, r) >= retryDelayMs(attempt, r),
      ),
    );
  });

  it('spreads phones out: different jitter, different delay', () => {
    expect(retryDelayMs(3, 0)).toBeLessThan(retryDelayMs(3, 0.99));
  });
});
