/**
 * How a pulse's results may be shown. The server already withholds figures
 * for open pulses and for fewer than 5 answers; this names which of those
 * cases a result is in, so the screen can say why, and splits a 0-10
 * distribution into the three bands the net promoter score counts.
 */
import type { PulseScale } from './pulse-selection';

/** Fewest answers before anything but the count is shown (private.pulse_min_group in SQL). */
export const MIN_ANSWERS = 5;

export type ResultVisibility = 'shown' | 'still_open' | 'too_few';

export function resultVisibility(result: { closed: boolean; responses: number }): ResultVisibility {
  if (!result.closed) return 'still_open';
  return result.responses < MIN_ANSWERS ? 'too_few' : 'shown';
}

export type NpsBand = 'detractors' | 'passives' | 'promoters';

/** 0-6 detractors, 7-8 passives, 9-10 promoters. */
export function npsBand(score: number): NpsBand {
  return score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';
}

export interface BandShare {
  band: NpsBand;
  count: number;
  /** Whole percent of all answers, rounded. */
  percent: number;
}

/** The three bands of a 0-10 distribution (detractors first); empty for a 1-5 scale or no answers. */
export function npsBands(scale: PulseScale, distribution: ReadonlyArray<{ score: number; count: number }>): BandShare[] {
  const total = distribution.reduce((sum, d) => sum + d.count, 0);
  if (scale !== 'nps_0_10' || total === 0) return [];
  const bands: NpsBand[] = ['detractors', 'passives', 'promoters'];
  return bands.map((band) => {
    const count = distribution.filter((d) => npsBand(d.score) === band).reduce((sum, d) => sum + d.count, 0);
    return { band, count, percent: Math.round((100 * count) / total) };
  });
}

/** A net promoter score with its sign, as people read it: "+20", "0", "−15" (a real minus sign). */
export function signedScore(nps: number): string {
  if (nps > 0) return `+${nps}`;
  if (nps < 0) return `\u2212${Math.abs(nps)}`;
  return '0';
}
