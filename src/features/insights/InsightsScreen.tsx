/**
 * Reports for managers, HR and admins: the compliance dashboard (the server
 * scopes it: managers see their stores, HR the organisation) and, for HR and
 * admins, the audit CSV export. Online only: every figure comes from the
 * server when asked, nothing is cached on the device.
 */
import { useState } from 'react';
import type { ComplianceReport } from '../../data/supabase/types';
import { REPORT_PERIODS, type ReportPeriod } from '../../domain/compliance';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { formatDay } from '../../ui/i18n/report-format';
import { OnlineCallProblem } from '../../ui/OnlineCallProblem';
import { useSession } from '../../ui/session-context';
import { useOnlineCall } from '../../ui/use-online-call';
import { AuditExport } from './AuditExport';
import { ComplianceChart } from './ComplianceChart';
import { ByBriefingTable, ByStoreTable, KpiTiles, OverduePeopleTable } from './ComplianceTables';
import { useMoreRows } from './use-more-rows';
import './insights.css';

export function InsightsScreen() {
  const { api, me } = useSession();
  const { t } = useI18n();
  const [days, setDays] = useState<ReportPeriod>(30);
  const { data: report, loading, failure, reload: retry } = useOnlineCall(api, String(days), (online) => online.call('compliance_report', { p_days: days }));
  // HR and admins see the organisation and may export; managers see their stores (the server enforces both).
  const headOffice = me?.role === 'hr' || me?.role === 'admin';
  // A report for another period stays up only while the new one loads, never beside an error.
  const shown = report && (!failure || report.days === days) ? report : null;

  return (
    <section className="insights" aria-labelledby="insights-heading">
      <h1 id="insights-heading">{t('insights.title')}</h1>
      <fieldset className="choice insights__period">
        <legend>{t('insights.period')}</legend>
        <div className="choice__options">
          {REPORT_PERIODS.map((period) => (
            <label key={period} className="choice__option">
              <input type="radio" name="report-period" value={period} checked={days === period} onChange={() => setDays(period)} />
              {t('insights.period.days', { count: period })}
            </label>
          ))}
        </div>
      </fieldset>

      {failure ? <OnlineCallProblem failure={failure} onRetry={retry} /> : null}
      {!shown && loading && !failure ? (
        <p className="muted" role="status">
          {t('insights.loading')}
        </p>
      ) : null}
      {shown ? <Dashboard report={shown} busy={loading} organisationWide={headOffice} /> : null}
      {headOffice ? <AuditExport api={api} /> : null}
    </section>
  );
}

type StoreRow = ComplianceReport['by_store'][number];
type BriefingRow = ComplianceReport['by_briefing'][number];
const NO_API = { ok: false, error: { kind: 'network', message: 'offline' } } as const;

function Dashboard({ report, busy, organisationWide }: { report: ComplianceReport; busy: boolean; organisationWide: boolean }) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  // The summary holds the worst rows of each list; the rest come a page at a time, for the period it answered.
  const stores = useMoreRows<StoreRow, NonNullable<ComplianceReport['next']['stores']>>(
    report.by_store,
    report.next.stores,
    (row) => row.store_id,
    async (key) => {
      if (!api) return NO_API;
      const outcome = await api.call('compliance_stores', {
        p_days: report.days,
        p_after_acked: key.acked,
        p_after_total: key.total,
        p_after_name: key.name,
        p_after_store_id: key.store_id,
      });
      return outcome.ok ? { ok: true, data: { rows: outcome.data.stores, next: outcome.data.next } } : outcome;
    },
  );
  const briefings = useMoreRows<BriefingRow, NonNullable<ComplianceReport['next']['briefings']>>(
    report.by_briefing,
    report.next.briefings,
    (row) => row.id,
    async (key) => {
      if (!api) return NO_API;
      const outcome = await api.call('compliance_briefings', {
        p_days: report.days,
        p_after_overdue: key.overdue,
        p_after_acked: key.acked,
        p_after_total: key.total,
        p_after_id: key.id,
      });
      return outcome.ok ? { ok: true, data: { rows: outcome.data.briefings, next: outcome.data.next } } : outcome;
    },
  );
  // The server decides the scope; this only names it: a manager's stores are the ones the report has rows for,
  // named while the summary holds them all.
  const scope = organisationWide
    ? t('insights.scope.organisation')
    : report.store_count > report.by_store.length
      ? t('insights.scope.storeCount', { count: report.store_count })
      : t('insights.scope.stores', {
          stores: new Intl.ListFormat(locale).format(report.by_store.map((s) => s.name).sort((a, b) => a.localeCompare(b, locale))),
        });
  return (
    <div className="dashboard" aria-busy={busy}>
      <h2 className="dashboard__heading">{t('insights.compliance')}</h2>
      <p className="muted dashboard__scope">
        <span data-testid="report-scope">{scope}</span>
        <br />
        {t('insights.range', { from: formatDay(locale, report.first_day, true), to: formatDay(locale, report.last_day, true) })}
      </p>
      <KpiTiles report={report} />
      <p className="muted dashboard__legend">{t('insights.band.legend')}</p>
      <div className="dashboard__grid">
        <ComplianceChart report={report} />
        <ByStoreTable stores={stores} count={report.store_count} />
        <ByBriefingTable briefings={briefings} count={report.briefing_count} />
        <OverduePeopleTable people={report.overdue_people} overdue={report.overdue} />
      </div>
    </div>
  );
}
