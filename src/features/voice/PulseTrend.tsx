/** HR: the last pulses oldest first, each as a bar of its score (0-10) or average (1-5), or why it has none yet. */
import type { PulseTrendItem } from '../../data/supabase/types';
import { signedScore } from '../../domain/pulse-results';
import { useI18n } from '../../ui/i18n/I18nProvider';

/** Where a value sits on its bar, 0..100: scores run -100..100, averages over their scale. */
function barPercent(item: PulseTrendItem): number {
  if (item.nps !== null) return (item.nps + 100) / 2;
  if (item.average === null) return 0;
  return item.scale === 'nps_0_10' ? item.average * 10 : ((item.average - 1) / 4) * 100;
}

export function PulseTrend({ items, selected, onSelect }: { items: readonly PulseTrendItem[]; selected: string | null; onSelect(id: string): void }) {
  const { t, date, number } = useI18n();
  return (
    <section aria-labelledby="voice-trend-heading" className="voice-trend">
      <h3 id="voice-trend-heading">{t('voice.trend.heading')}</h3>
      <p className="muted">{t('voice.trend.intro')}</p>
      {items.length === 0 ? <p className="empty">{t('voice.trend.empty')}</p> : null}
      <ol className="voice-list">
        {items.map((item) => {
          const answers = t('voice.results.answers', { count: item.responses });
          const value =
            item.nps !== null
              ? t('voice.trend.nps', { score: signedScore(item.nps) })
              : item.average !== null
                ? t('voice.trend.average', { average: number(item.average, 1) })
                : item.closed
                  ? t('voice.trend.hidden', { answers })
                  : t('voice.trend.pending', { answers });
          const hasValue = item.nps !== null || item.average !== null;
          return (
            <li
              key={item.pulse_id}
              className="voice-card voice-trend__item"
              data-testid="trend-item"
              aria-current={selected === item.pulse_id ? 'true' : undefined}
            >
              <p className="voice-trend__question">{item.question}</p>
              <p className="voice-meta">
                {date(item.opens_at, 'date')}
                {hasValue ? ` · ${answers}` : ''}
              </p>
              {hasValue ? (
                <span className="voice-bar__track voice-trend__bar" aria-hidden="true">
                  <span className="voice-bar__fill" style={{ width: `${barPercent(item)}%` }} />
                </span>
              ) : null}
              <p className="voice-trend__value">{value}</p>
              <button type="button" onClick={() => onSelect(item.pulse_id)}>
                {t('voice.trend.show')}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
