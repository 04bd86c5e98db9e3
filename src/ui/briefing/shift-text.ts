import type { DateStyle } from '../i18n/dates';

/**
 * "Nov 23, 2026 · 09:00–17:00": the shift a briefing is about, or null. The
 * date is a calendar day (no time zone), so it is formatted at local noon.
 */
export function shiftText(date: (value: Date, style?: DateStyle) => string, shiftDate: string | null, start: string | null, end: string | null): string | null {
  if (!shiftDate) return null;
  const [year = 0, month = 1, day = 1] = shiftDate.split('-').map(Number);
  const dayText = date(new Date(year, month - 1, day, 12), 'date');
  const from = start?.slice(0, 5);
  const to = end?.slice(0, 5);
  if (from && to) return `${dayText} · ${from}–${to}`;
  if (from) return `${dayText} · ${from}`;
  return dayText;
}
