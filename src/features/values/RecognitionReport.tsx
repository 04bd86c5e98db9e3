import { useId, useState } from 'react';
import type { KudosReport } from '../../data/supabase/types';
import { recognitionBars } from '../../domain/recognition';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { OnlineCallProblem } from '../../ui/OnlineCallProblem';
import { useSession } from '../../ui/session-context';
import { useOnlineCall } from '../../ui/use-online-call';

const PERIODS = [30, 90] as const;
type Period = (typeof PERIODS)[number];

/** Which values get recognised, per store in the person's scope (the server decides it): online only. */
export function RecognitionReport() {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [days, setDays] = useState<Period>(30);
  const { data: report, loading, failure, reload: retry } = useOnlineCall(api, String(days), (online) => online.call('kudos_report', { p_days: days }));
  const shown = report && report.days === days ? report : null;

  return (
    <div className="recognition" data-testid="recognition">
      <fieldset className="choice recognition__period">
        <legend>{t('values.report.period')}</legend>
        <div className="choice__options">
          {PERIODS.map((period) => (
            <label key={period} className="choice__option">
              <input type="radio" name={`${id}-period`} value={period} checked={days === period} onChange={() => setDays(period)} />
              {t('values.report.days', { count: period })}
            </label>
          ))}
        </div>
      </fieldset>
      {failure ? <OnlineCallProblem failure={failure} onRetry={retry} /> : null}
      {!shown && loading && !failure ? (
        <p className="muted" role="status">
          {t('values.report.loading')}
        </p>
      ) : null}
      {shown && !failure ? <ByStore report={shown} busy={loading} /> : null}
    </div>
  );
}

function ByStore({ report, busy }: { report: KudosReport; busy: boolean }) {
  const { t, date } = useI18n();
  return (
    <div aria-busy={busy}>
      <p className="muted">{t('values.report.since', { date: date(report.since, 'date') })}</p>
      {report.by_store.length === 0 ? <p className="muted">{t('values.report.noStores')}</p> : null}
      {report.by_store.map((store) => {
        const bars = recognitionBars(store.by_value);
        const headingId = `recognition-${store.store_id}`;
        return (
          <section key={store.store_id} className="recognition__store" aria-labelledby={headingId} data-testid="recognition-store">
            <h3 id={headingId}>{store.store_name}</h3>
            <p className="recognition__total" data-testid="recognition-total">
              {t('values.report.total', { count: store.total })}
            </p>
            {bars.length === 0 ? (
              <p className="muted">{t('values.report.none')}</p>
            ) : (
              <ul className="recognition__bars">
                {bars.map((bar) => (
                  <li key={bar.valueCardId ?? 'none'} data-testid="recognition-value">
                    <span className="recognition__label">
                      <span className="recognition__title">{bar.title ?? t('values.report.noValue')}</span>
                      <span className="recognition__count">{t('values.report.count', { count: bar.count })}</span>
                    </span>
                    <span className="recognition__bar" aria-hidden="true">
                      <span style={{ width: `${Math.max(2, Math.round(bar.share * 100))}%` }} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
