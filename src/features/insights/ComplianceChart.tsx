import { lazy, Suspense } from 'react';
import type { ComplianceReport } from '../../data/supabase/types';
import { rateOverTime } from '../../domain/compliance';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { formatDay, formatPercent } from '../../ui/i18n/report-format';

// The chart's code loads with its first use, in a chunk of its own (measured by the bench: app.insights_chart_gz_kb).
const RateChart = lazy(() => import('./RateChart'));

/** The rate over time: a line for the eye, and the same facts as a sentence and a table for everyone. */
export function ComplianceChart({ report }: { report: ComplianceReport }) {
  const { t, locale } = useI18n();
  const points = rateOverTime(report.daily, report.total);
  const first = points[0];
  const last = points.at(-1);
  return (
    <figure className="panel rate-chart" aria-labelledby="rate-chart-title">
      <figcaption id="rate-chart-title" className="panel__title">
        {t('insights.chart.title')}
      </figcaption>
      {first && last ? (
        <>
          <p className="rate-chart__summary" data-testid="chart-summary">
            {t('insights.chart.summary', {
              first: formatPercent(locale, first.rate),
              firstDay: formatDay(locale, first.day),
              last: formatPercent(locale, last.rate),
              lastDay: formatDay(locale, last.day),
            })}
          </p>
          <div className="rate-chart__frame">
            <span className="rate-chart__y rate-chart__y--top" aria-hidden="true">
              {formatPercent(locale, 1)}
            </span>
            <span className="rate-chart__y rate-chart__y--mid" aria-hidden="true">
              {formatPercent(locale, 0.5)}
            </span>
            <span className="rate-chart__y rate-chart__y--bottom" aria-hidden="true">
              {formatPercent(locale, 0)}
            </span>
            <Suspense fallback={<div className="rate-chart__plot" />}>
              <RateChart points={points} />
            </Suspense>
          </div>
          <div className="rate-chart__x" aria-hidden="true">
            <span>{formatDay(locale, first.day)}</span>
            <span>{formatDay(locale, last.day)}</span>
          </div>
          <details className="rate-chart__table">
            <summary>{t('insights.chart.showTable')}</summary>
            <div className="table-scroll">
              <table>
                <caption>{t('insights.chart.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insights.col.day')}</th>
                    <th scope="col" className="num">
                      {t('insights.col.acked')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.daily.map((day, i) => (
                    <tr key={day.day}>
                      <th scope="row">{formatDay(locale, day.day)}</th>
                      <td className="num">
                        {formatPercent(locale, points[i]?.rate ?? 0)}
                        <span className="cell-note">{t('insights.chart.newThatDay', { count: day.acked })}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : (
        <p className="muted">{t('insights.chart.empty')}</p>
      )}
    </figure>
  );
}
