import { ackRate } from '../../domain/compliance';
import { useI18n } from '../../ui/i18n/I18nProvider';

export type Band = 'good' | 'warn' | 'bad';

/** On track from 90%, behind from 70%, at risk below: the thresholds the legend states. */
export function rateBand(acked: number, total: number): Band | null {
  const rate = ackRate({ acked, total });
  if (rate === null) return null;
  return rate >= 0.9 ? 'good' : rate >= 0.7 ? 'warn' : 'bad';
}

const ICON: Record<Band, string> = { good: '✓', warn: '!', bad: '✕' };

/** A rate's band in words with an icon, coloured too: never colour alone (WCAG 1.4.1). */
export function RateBand({ acked, total }: { acked: number; total: number }) {
  const { t } = useI18n();
  const band = rateBand(acked, total);
  if (!band) return null;
  return (
    <span className={`band band--${band}`} data-band={band}>
      <span className="band__icon" aria-hidden="true">
        {ICON[band]}
      </span>
      {t(`insights.band.${band}`)}
    </span>
  );
}
