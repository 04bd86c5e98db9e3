import type { Locale } from '../../ui/i18n/messages';

/** 0–100 as a percentage the way the language writes it ("67%", "67 %"). */
export function formatPercent(locale: Locale, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value / 100);
}
