/**
 * When to try again after a failed sync: exponential with "equal jitter", so
 * a store full of phones coming back online does not hit the API in lockstep.
 * Pure, so it is property-tested.
 */
export const BACKOFF = { baseMs: 1_000, capMs: 5 * 60_000 } as const;

/** Delay before retry number `attempt` (0-based); `random` is in [0, 1). */
export function retryDelayMs(attempt: number, random: number, limits: { baseMs: number; capMs: number } = BACKOFF): number {
  const ceiling = Math.min(limits.capMs, limits.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}
