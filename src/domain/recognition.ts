/**
 * "Which values get recognised, by store" as bars: each value's count with
 * its bar length relative to the store's most recognised value, so the
 * biggest bar always fills the row and a store with no kudos draws none.
 */

export interface ValueCount {
  value_card_id: string | null;
  value_title: string | null;
  count: number;
}

export interface RecognitionBar {
  /** null for kudos given without a value. */
  valueCardId: string | null;
  title: string | null;
  count: number;
  /** 0..1 of the longest bar. */
  share: number;
}

/** Most recognised first (ties by title, "no value" last among equals); zero counts are left out. */
export function recognitionBars(byValue: readonly ValueCount[]): RecognitionBar[] {
  const counted = byValue.filter((v) => v.count > 0);
  const max = Math.max(0, ...counted.map((v) => v.count));
  return counted
    .map((v) => ({ valueCardId: v.value_card_id, title: v.value_title, count: v.count, share: max > 0 ? v.count / max : 0 }))
    .sort((a, b) => b.count - a.count || rank(a.title) - rank(b.title) || (a.title ?? '').localeCompare(b.title ?? ''));
}

function rank(title: string | null): number {
  return title === null ? 1 : 0;
}
