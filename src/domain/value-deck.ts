/**
 * Stepping through values cards and keeping their order: which card comes
 * next, what a swipe means, and the order HR asks for when a card moves.
 */

/** The card shown after stepping `delta` from `index`; it stops at either end instead of wrapping. */
export function stepTo(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, index + delta));
}

/** A card index that still exists after the deck changed size (a card archived, a sync). */
export function clampIndex(index: number, count: number): number {
  return stepTo(index, 0, count);
}

/** Horizontal travel (px) a finger must cover before a swipe counts. */
export const SWIPE_MIN_PX = 48;

/**
 * -1 (previous), 1 (next) or 0 (not a swipe) for a pointer that travelled dx, dy:
 * leftwards means next, as pages turn; a mostly vertical move is a scroll.
 */
export function swipeStep(dx: number, dy: number, minPx: number = SWIPE_MIN_PX): -1 | 0 | 1 {
  if (Math.abs(dx) < minPx || Math.abs(dx) <= Math.abs(dy) * 1.5) return 0;
  return dx < 0 ? 1 : -1;
}

/** Cards in the order staff step through them; equal positions keep a stable order by id. */
export function byPosition<T extends { id: string; position: number }>(cards: readonly T[]): T[] {
  return [...cards].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The full id list with `id` moved one place up (-1) or down (1); unchanged at either end or when absent. */
export function moveInOrder(ids: readonly string[], id: string, delta: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
