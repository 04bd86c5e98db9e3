/**
 * Which pulses a person is asked to answer, and the scores a pulse offers.
 * Pure: the phone's copy of pulses, the ids the server (or this phone) has
 * recorded as answered, and the clock are passed in.
 */
export type PulseScale = 'nps_0_10' | 'scale_1_5';

export interface PulseWindow {
  id: string;
  opens_at: string;
  closes_at: string;
}

/** Open at `now` (opens_at inclusive, closes_at exclusive, as the server checks) and not answered yet; closing soonest first. */
export function pulsesToAnswer<P extends PulseWindow>(pulses: readonly P[], answeredIds: readonly string[], now: Date): P[] {
  const answered = new Set(answeredIds);
  const at = now.getTime();
  return pulses
    .filter((p) => !answered.has(p.id) && Date.parse(p.opens_at) <= at && at < Date.parse(p.closes_at))
    .sort((a, b) => Date.parse(a.closes_at) - Date.parse(b.closes_at) || a.id.localeCompare(b.id));
}

/** Every score of a scale, lowest first: 0..10 for "would you recommend", 1..5 otherwise. */
export function scaleScores(scale: PulseScale): number[] {
  const [low, high] = scale === 'nps_0_10' ? [0, 10] : [1, 5];
  return Array.from({ length: high - low + 1 }, (_, i) => low + i);
}
