/**
 * One pulse's results as pulse_report answers them (managers: their stores;
 * HR: everyone). The server withholds figures while the pulse is open or has
 * fewer than 5 answers; then only the count shows, with the reason in words.
 */
import { useId, useState } from 'react';
import type { PulseReport } from '../../data/supabase/types';
import { npsBands, resultVisibility, signedScore } from '../../domain/pulse-results';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { OnlineCallProblem } from '../../ui/OnlineCallProblem';
import { useSession } from '../../ui/session-context';
import { useOnlineCall } from '../../ui/use-online-call';

type GroupBy = PulseReport['group_by'];
const BAND_LABEL = {
  detractors: 'voice.results.band.detractors',
  passives: 'voice.results.band.passives',
  promoters: 'voice.results.band.promoters',
} as const;

export function PulseReportView({ pulseId }: { pulseId: string }) {
  const { api } = useSession();
  const { t, date } = useI18n();
  const id = useId();
  const [groupBy, setGroupBy] = useState<GroupBy>('store');
  const report = useOnlineCall(api, `${pulseId}|${groupBy}`, (online) => online.call('pulse_report', { p_pulse_id: pulseId, p_group_by: groupBy }));
  const shown = report.data && report.data.pulse_id === pulseId ? report.data : null;

  return (
    <div className="voice-card voice-report" data-testid="pulse-report" aria-busy={report.loading}>
      {report.failure ? <OnlineCallProblem failure={report.failure} onRetry={report.reload} /> : null}
      {!shown && report.loading ? (
        <p className="muted" role="status">
          {t('voice.loading')}
        </p>
      ) : null}
      {shown ? (
        <>
          <h3 className="voice-report__question">{shown.question}</h3>
          <p className="voice-meta">{t('voice.results.window', { from: date(shown.opens_at, 'date'), to: date(shown.closes_at, 'date') })}</p>
          <p className="voice-report__answers" data-testid="pulse-responses">
            {t('voice.results.answers', { count: shown.responses })}
          </p>
          {resultVisibility(shown) === 'shown' ? (
            <>
              <fieldset className="choice voice-group voice-filter">
                <legend>{t('voice.results.groupBy')}</legend>
                <div className="choice__options">
                  {(['store', 'department'] as const).map((value) => (
                    <label key={value} className="choice__option">
                      <input type="radio" name={`${id}-group`} value={value} checked={groupBy === value} onChange={() => setGroupBy(value)} />
                      {value === 'store' ? t('voice.results.byStore') : t('voice.results.byDepartment')}
                    </label>
                  ))}
                </div>
              </fieldset>
              <ReportFigures report={shown} />
            </>
          ) : (
            <p className="warning" data-testid="pulse-reason">
              {resultVisibility(shown) === 'still_open' ? t('voice.results.stillOpen') : t('voice.results.tooFew')}
            </p>
          )}
        </>
      ) : null}
    </div>
  );
}

function ReportFigures({ report }: { report: PulseReport }) {
  const { t, number } = useI18n();
  const id = useId();
  const most = Math.max(1, ...report.distribution.map((d) => d.count));
  const bands = npsBands(report.scale, report.distribution);
  return (
    <>
      <dl className="voice-kpis">
        {report.nps !== null ? (
          <div className="voice-kpi">
            <dt>{t('voice.results.nps')}</dt>
            <dd className="voice-kpi__value" data-testid="pulse-nps" aria-describedby={`${id}-nps`}>
              {signedScore(report.nps)}
            </dd>
          </div>
        ) : null}
        {report.average !== null ? (
          <div className="voice-kpi">
            <dt>{t('voice.results.average')}</dt>
            <dd className="voice-kpi__value">{number(report.average, 1)}</dd>
          </div>
        ) : null}
      </dl>
      {report.nps !== null ? (
        <p id={`${id}-nps`} className="voice-kpis__hint">
          {t('voice.results.npsHint')}
        </p>
      ) : null}
      {bands.length > 0 ? (
        <ul className="voice-bands">
          {bands.map((b) => (
            <li key={b.band} className={`voice-band voice-band--${b.band}`}>
              {t(BAND_LABEL[b.band], { percent: b.percent })}
            </li>
          ))}
        </ul>
      ) : null}
      <h4>{t('voice.results.distribution')}</h4>
      <ul className="voice-bars">
        {report.distribution.map((d) => (
          <li key={d.score} className="voice-bar" aria-label={t('voice.results.scoreRow', { score: d.score, count: d.count })}>
            <span className="voice-bar__label" aria-hidden="true">
              {d.score}
            </span>
            <span className="voice-bar__track" aria-hidden="true">
              <span className="voice-bar__fill" style={{ width: `${(100 * d.count) / most}%` }} />
            </span>
            <span className="voice-bar__count" aria-hidden="true">
              {d.count}
            </span>
          </li>
        ))}
      </ul>
      <GroupsTable report={report} />
      <h4>{t('voice.results.comments')}</h4>
      {report.comments.length === 0 ? (
        <p className="muted">{t('voice.results.noComments')}</p>
      ) : (
        <ul className="voice-comments">
          {report.comments.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: anonymous comments are bare strings that may repeat; the report's list is fixed and never reordered.
            <li key={`${i}-${c}`}>{c}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function GroupsTable({ report }: { report: PulseReport }) {
  const { t, number } = useI18n();
  const unnamed = report.group_by === 'store' ? t('voice.results.unnamedStore') : t('voice.results.unnamedDepartment');
  const nps = report.scale === 'nps_0_10';
  return (
    <div className="voice-table">
      <table>
        <caption>{t('voice.results.groups')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('voice.results.group')}</th>
            <th scope="col" className="num">
              {t('voice.results.answersColumn')}
            </th>
            <th scope="col" className="num">
              {nps ? t('voice.results.nps') : t('voice.results.average')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.groups.map((g) => (
            <tr key={g.group_id ?? (g.is_other ? 'other' : 'none')} data-testid="pulse-group">
              <th scope="row">{g.is_other ? t('voice.results.other') : (g.name ?? unnamed)}</th>
              <td className="num">{number(g.responses)}</td>
              <td className="num">{nps ? (g.nps === null ? '–' : signedScore(g.nps)) : g.average === null ? '–' : number(g.average, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
