import { describe, expect, it } from 'vitest';
import { npsBand, npsBands, resultVisibility, signedScore } from './pulse-results';

describe('resultVisibility', () => {
  it('shows results only for a closed pulse with 5 or more answers', () => {
    expect(resultVisibility({ closed: false, responses: 40 })).toBe('still_open');
    expect(resultVisibility({ closed: true, responses: 4 })).toBe('too_few');
    expect(resultVisibility({ closed: true, responses: 0 })).toBe('too_few');
    expect(resultVisibility({ closed: true, responses: 5 })).toBe('shown');
  });
});

describe('npsBand', () => {
  it('counts 0-6 as detractors, 7-8 as passives, 9-10 as promoters', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBand)).toEqual(['detractors', 'detractors', 'passives', 'passives', 'promoters', 'promoters']);
  });
});

describe('npsBands', () => {
  const distribution = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((score) => ({ score, count: { 3: 1, 7: 1, 8: 1, 9: 1, 10: 1 }[score] ?? 0 }));

  it('splits the answers into bands whose percentages give the score', () => {
    const bands = npsBands('nps_0_10', distribution);
    expect(bands).toEqual([
      { band: 'detractors', count: 1, percent: 20 },
      { band: 'passives', count: 2, percent: 40 },
      { band: 'promoters', count: 2, percent: 40 },
    ]);
    expect(bands[2]!.percent - bands[0]!.percent).toBe(20);
  });

  it('has no bands for a 1-5 scale or for no answers', () => {
    expect(npsBands('scale_1_5', [{ score: 5, count: 9 }])).toEqual([]);
    expect(
      npsBands(
        'nps_0_10',
        distribution.map((d) => ({ ...d, count: 0 })),
      ),
    ).toEqual([]);
  });
});

describe('signedScore', () => {
  it('writes the sign people expect, with a real minus', () => {
    expect([25, 0, -15].map(signedScore)).toEqual(['+25', '0', '\u221215']);
  });
});
