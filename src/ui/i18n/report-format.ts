/**
 * Percentages and report days in the screen's language, for every report screen. Report days are UTC
 * calendar days (YYYY-MM-DD), so they are formatted in UTC: in the person's
 * own zone, 2026-11-20 could print as the 19th.
 */
import { formattingTag } from './locale';
import type { Locale } from './messages';

const percents = new Map<Locale, Intl.NumberFormat>();
const days = new Map<string, Intl.DateTimeFormat>();

/** 0.8125 → "81.2%" (en) / "81,2 %" (es); rounded down, so 999 of 1,000 never reads as 100%. */
export function formatPercent(locale: Locale, fraction: number): string {
  let format = percents.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(formattingTag(locale), { style: 'percent', maximumFractionDigits: 1, roundingMode: 'floor' });
    percents.set(locale, format);
  }
  return format.format(fraction);
}

export function formatDay(locale: Locale, day: string, withYear = false): string {
  const key = `${locale}|${withYear}`;
  let format = days.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone: 'UTC', ...(withYear ? { year: 'numeric' } : {}) };
    format = new Intl.DateTimeFormat(formattingTag(locale), options);
    days.set(key, format);
  }
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : format.format(date);
}
