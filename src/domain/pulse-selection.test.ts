import { describe, expect, it } from 'vitest';
import { pulsesToAnswer, scaleScores } from './pulse-selection';

const NOW = new Date('2026-11-22T12:00:00Z');
const pulse = (id: string, opens_at: string, closes_at: string) => ({ id, opens_at, closes_at });

describe('pulsesToAnswer', () => {
  it('offers pulses open now and not answered, closing soonest first', () => {
    const pulses = [
      pulse('later', '2026-11-20T00:00:00Z', '2026-12-05T00:00:00Z'),
      pulse('sooner', '2026-11-21T00:00:00Z', '2026-11-25T00:00:00Z'),
      pulse('answered', '2026-11-21T00:00:00Z', '2026-11-30T00:00:00Z'),
    ];
    expect(pulsesToAnswer(pulses, ['answered'], NOW).map((p) => p.id)).toEqual(['sooner', 'later']);
  });

  it('leaves out pulses not yet open and closed ones; opening is inclusive, closing exclusive', () => {
    const pulses = [
      pulse('future', '2026-11-22T12:00:01Z', '2026-11-30T00:00:00Z'),
      pulse('opens-now', '2026-11-22T12:00:00Z', '2026-11-30T00:00:00Z'),
      pulse('closes-now', '2026-11-01T00:00:00Z', '2026-11-22T12:00:00Z'),
      pulse('closed', '2026-11-01T00:00:00Z', '2026-11-10T00:00:00Z'),
    ];
    expect(pulsesToAnswer(pulses, [], NOW).map((p) => p.id)).toEqual(['opens-now']);
  });

  it('offers nothing once the only open pulse is answered', () => {
    const open = pulse('p', '2026-11-21T00:00:00Z', '2026-11-30T00:00:00Z');
    expect(pulsesToAnswer([open], [], NOW)).toHaveLength(1);
    expect(pulsesToAnswer([open], ['p'], NOW)).toEqual([]);
  });
});

describe('scaleScores', () => {
  it('is 0..10 for a recommend question and 1..5 for a scale', () => {
    expect(scaleScores('nps_0_10')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scaleScores('scale_1_5')).toEqual([1, 2, 3, 4, 5]);
  });
});
