/**
 * Figures the compliance dashboard derives from a report: acknowledgement
 * rates as fractions (null when nobody was asked, so the screen says "no
 * data" instead of a misleading 0 %), and the day-by-day rate for the chart.
 */

export interface AckCounts {
  acked: number;
  total: number;
}

export function ackRate({ acked, total }: AckCounts): number | null {
  return total > 0 ? acked / total : null;
}

export interface DailyAcks {
  day: string;
  acked: number;
  cumulative: number;
}

export interface RatePoint {
  day: string;
  /** Share of everyone asked who had acknowledged by the end of this day, 0..1. */
  rate: number;
}

/** The rate at the end of each day; empty when nobody was asked. */
export function rateOverTime(daily: readonly DailyAcks[], total: number): RatePoint[] {
  if (total <= 0) return [];
  return daily.map(({ day, cumulative }) => ({ day, rate: Math.min(1, cumulative / total) }));
}

/** The periods the dashboard offers, in days. */
export const REPORT_PERIODS = [7, 30, 90] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/**
 * An export range from the date inputs' values (YYYY-MM-DD, either may be
 * empty), in the person's own time zone: from the start of the first day up
 * to, not including, the start of the day after the last, as the server's
 * half-open [p_from, p_to) wants.
 */
export function exportRange(from: string, to: string): { p_from: string | null; p_to: string | null } {
  return { p_from: startOfDay(from, 0), p_to: startOfDay(to, 1) };
}

function startOfDay(value: string, plusDays: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}

/** A file name that sorts by date and says what it holds. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `frontline-audit-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
