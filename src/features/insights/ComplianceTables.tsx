import type { ReactNode } from 'react';
import type { ComplianceReport } from '../../data/supabase/types';
import { ackRate } from '../../domain/compliance';
import { useI18n } from '../../ui/i18n/I18nProvider';
import type { I18n } from '../../ui/i18n/i18n';
import { formatPercent } from '../../ui/i18n/report-format';
import { OnlineCallProblem } from '../../ui/OnlineCallProblem';
import { Link } from '../../ui/router/Link';
import { pendingPath } from './paths';
import { RateBand } from './RateBand';
import type { MoreRows } from './use-more-rows';

function rateText({ t, locale }: I18n, acked: number, total: number): string {
  const rate = ackRate({ acked, total });
  return rate === null ? t('insights.noRate') : formatPercent(locale, rate);
}

/**
 * A captioned table that scrolls sideways on its own if it must, reachable by
 * keyboard. Columns marked col-wide appear from 40rem; below that the same
 * fact rides in a note-phone line of a neighbouring cell, so phones get two
 * readable columns instead of four squeezed ones.
 */
function ScrollTable({ id, caption, children, footer }: { id: string; caption: string; children: ReactNode; footer?: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus so a keyboard can scroll it (WCAG 2.1.1).
    <section className="panel table-scroll" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id} className="panel__title">
          {caption}
        </caption>
        {children}
      </table>
      {footer}
    </section>
  );
}

/** Under a list the server gives in pages: how much of it is shown, and the button that adds the next page. */
function MoreFooter({ list, shown, label, testId }: { list: MoreRows<unknown>; shown: string; label: string; testId: string }) {
  const { t } = useI18n();
  if (!list.more && !list.failure) return null;
  return (
    <div className="table-more">
      <p className="muted" data-testid={`${testId}-shown`}>
        {shown}
      </p>
      {list.failure ? <OnlineCallProblem failure={list.failure} /> : null}
      {list.more ? (
        <button type="button" onClick={list.showMore} disabled={list.loading} data-testid={testId}>
          {list.loading ? t('insights.loadingMore') : label}
        </button>
      ) : null}
    </div>
  );
}

/** "81.2%" over "13 of 16": the rate first, the counts it comes from under it. */
function AckedCell({ acked, total, children }: { acked: number; total: number; children?: ReactNode }) {
  const i18n = useI18n();
  return (
    <td className="num">
      {rateText(i18n, acked, total)}
      <span className="cell-note">{i18n.t('insights.kpi.ackedOfTotal', { acked, total })}</span>
      <RateBand acked={acked} total={total} />
      {children}
    </td>
  );
}

export function KpiTiles({ report }: { report: ComplianceReport }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  return (
    <dl className="kpis">
      <div className="kpi kpi--rate">
        <dt>{t('insights.kpi.rate')}</dt>
        <dd className="kpi__value" data-testid="kpi-rate">
          {rateText(i18n, report.acked, report.total)}
        </dd>
        <dd className="kpi__hint" data-testid="kpi-acked">
          {t('insights.kpi.ackedOfTotal', { acked: report.acked, total: report.total })}
        </dd>
      </div>
      <div className={`kpi${report.overdue > 0 ? ' kpi--bad' : ''}`}>
        <dt>{t('insights.kpi.overdue')}</dt>
        <dd className="kpi__value" data-testid="kpi-overdue">
          {number(report.overdue)}
        </dd>
        <dd className="kpi__hint">{t('insights.kpi.overdueHint')}</dd>
      </div>
      <div className="kpi">
        <dt>{t('insights.kpi.briefings')}</dt>
        <dd className="kpi__value">{number(report.briefing_count)}</dd>
        <dd className="kpi__hint">{t('insights.kpi.briefingsHint')}</dd>
      </div>
    </dl>
  );
}

/** Worst first, as the server orders them; "Show more stores" appends the next page. */
/** A store's name narrows the report to it, so its briefings' rows open that store's people: two taps to who has not acknowledged. */
export function ByStoreTable({
  stores,
  count,
  onStore,
}: {
  stores: MoreRows<ComplianceReport['by_store'][number]>;
  count: number;
  onStore(store: { id: string; name: string }): void;
}) {
  const { t } = useI18n();
  return (
    <ScrollTable
      id="by-store"
      caption={t('insights.byStore')}
      footer={
        <MoreFooter
          list={stores}
          shown={t('insights.shownStores', { shown: stores.rows.length, count })}
          label={t('insights.moreStores')}
          testId="more-stores"
        />
      }
    >
      <thead>
        <tr>
          <th scope="col">{t('insights.col.store')}</th>
          <th scope="col" className="num">
            {t('insights.col.acked')}
          </th>
        </tr>
      </thead>
      <tbody>
        {stores.rows.map((store) => (
          <tr key={store.store_id} data-testid="store-row">
            <th scope="row">
              <button type="button" className="link-button" onClick={() => onStore({ id: store.store_id, name: store.name })}>
                {store.name}
              </button>
            </th>
            <AckedCell acked={store.acked} total={store.total} />
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** Most overdue first, then lowest rate, as the server orders them; "Show more briefings" appends the next page. */
export function ByBriefingTable({
  briefings,
  count,
  storeId,
  departmentId,
}: {
  briefings: MoreRows<ComplianceReport['by_briefing'][number]>;
  count: number;
  storeId: string | null;
  departmentId: string | null;
}) {
  const i18n = useI18n();
  const { t, number } = i18n;
  if (count === 0) return <p className="panel muted">{t('insights.noBriefings')}</p>;
  return (
    <ScrollTable
      id="by-briefing"
      caption={t('insights.byBriefing')}
      footer={
        <MoreFooter
          list={briefings}
          shown={t('insights.shownBriefings', { shown: briefings.rows.length, count })}
          label={t('insights.moreBriefings')}
          testId="more-briefings"
        />
      }
    >
      <thead>
        <tr>
          <th scope="col">{t('insights.col.briefing')}</th>
          <th scope="col" className="num">
            {t('insights.col.acked')}
          </th>
          <th scope="col" className="num col-wide">
            {t('insights.col.overdue')}
          </th>
        </tr>
      </thead>
      <tbody>
        {briefings.rows.map((briefing) => (
          <tr key={briefing.id} data-testid="briefing-row">
            <th scope="row">
              <Link to={pendingPath(briefing.id, storeId, departmentId)} className="cell-title">
                {briefing.title}
              </Link>
              <span className="cell-note">{briefing.ack_due_at ? t('insights.dueOn', { when: i18n.date(briefing.ack_due_at) }) : t('insights.noDueDate')}</span>
            </th>
            <AckedCell acked={briefing.acked} total={briefing.total}>
              {briefing.overdue > 0 ? <span className="cell-note note-phone bad">{t('insights.overdueCount', { count: briefing.overdue })}</span> : null}
            </AckedCell>
            <td className={`num col-wide${briefing.overdue > 0 ? ' bad' : ''}`}>{number(briefing.overdue)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function OverduePeopleTable({ people, overdue }: { people: ComplianceReport['overdue_people']; overdue: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (people.length === 0)
    return (
      <p className="panel muted" data-testid="nobody-overdue">
        {t('insights.overduePeople.none')}
      </p>
    );
  return (
    <div className="overdue">
      <ScrollTable id="overdue-people" caption={t('insights.overduePeople')}>
        <thead>
          <tr>
            <th scope="col">{t('insights.col.person')}</th>
            <th scope="col" className="col-wide">
              {t('insights.col.store')}
            </th>
            <th scope="col">{t('insights.col.briefing')}</th>
            <th scope="col" className="col-wide">
              {t('insights.col.due')}
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((row) => (
            <tr key={`${row.member_id}:${row.briefing_id}`} data-testid="overdue-row">
              <th scope="row">
                <span className="cell-title">{row.display_name}</span>
                <span className="cell-note note-phone">{row.store_name}</span>
              </th>
              <td className="col-wide">{row.store_name}</td>
              <td>
                {row.title}
                <span className="cell-note note-phone">{t('insights.dueOn', { when: i18n.date(row.ack_due_at) })}</span>
              </td>
              <td className="col-wide">{i18n.date(row.ack_due_at)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {overdue > people.length ? <p className="muted">{t('insights.overduePeople.first', { count: people.length })}</p> : null}
    </div>
  );
}
