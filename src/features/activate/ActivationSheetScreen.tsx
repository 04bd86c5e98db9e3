/**
 * The store sheet (HR and managers): one card per person who has not activated yet
 * (or everyone), with their name, employee ID, one-time code, the organisation's
 * company code and a QR code of the /activate?code=... address, laid out to print on
 * A4 or Letter. Making a sheet issues new codes (the server logs each one), so the
 * codes exist only on this page and on paper; nothing keeps them.
 */
import { useEffect, useState } from 'react';
import { type EmailCodesFailure, type EmailCodesResult, type EmailReach, emailActivationCodes, storeEmailReach } from '../../data/activation/email-codes';
import { activationSheet } from '../../data/admin/activation';
import type { AdminFailure } from '../../data/admin/outcome';
import { adminStores } from '../../data/admin/stores';
import type { ActivationSheet, AdminStore } from '../../data/supabase/types';
import { useI18n } from '../../ui/i18n/I18nProvider';
import type { PlainKey, Translate } from '../../ui/i18n/messages';
import { useSession } from '../../ui/session-context';
import { QrCode } from './QrCode';
import './activate.css';
import '../admin/activation-email.css';

function failureKey(failure: AdminFailure) {
  if (failure.kind === 'offline') return 'activate.sheet.error.offline' as const;
  if (failure.kind === 'forbidden') return 'activate.sheet.error.forbidden' as const;
  return 'activate.sheet.error.failed' as const;
}

const EMAIL_FAILURE_WORDS = {
  offline: 'activate.sheet.emailError.offline',
  forbidden: 'activate.sheet.emailError.forbidden',
  store_not_managed: 'activate.sheet.emailError.forbidden',
  unauthorized: 'activate.sheet.emailError.unauthorized',
  mail_not_configured: 'activate.sheet.emailError.mail_not_configured',
  failed: 'activate.sheet.emailError.failed',
} as const satisfies Record<EmailCodesFailure, PlainKey>;

/** "Sent to 12 · 3 have no email": what a store's email came to, only the parts that happened. */
export function emailedSummary(t: Translate, counts: EmailCodesResult['counts']): string {
  const parts = [
    counts.sent > 0 || counts.failed > 0 ? t('activate.sheet.emailed.sent', { count: counts.sent }) : null,
    counts.no_email > 0 ? t('activate.sheet.emailed.no_email', { count: counts.no_email }) : null,
    counts.no_employee_id > 0 ? t('activate.sheet.emailed.no_employee_id', { count: counts.no_employee_id }) : null,
    counts.failed > 0 ? t('activate.sheet.emailed.failed', { count: counts.failed }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : t('activate.sheet.emailed.nobody');
}

export function ActivationSheetScreen() {
  const { api } = useSession();
  const { t, date } = useI18n();
  const [stores, setStores] = useState<AdminStore[] | null>(null);
  const [storeId, setStoreId] = useState('');
  const [everyone, setEveryone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<ActivationSheet | null>(null);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [reach, setReach] = useState<EmailReach | null>(null);
  const [emailing, setEmailing] = useState(false);
  const [emailed, setEmailed] = useState<{ storeId: string; counts: EmailCodesResult['counts'] } | { failure: EmailCodesFailure } | null>(null);

  useEffect(() => {
    if (!api) return;
    let current = true;
    void adminStores(api).then((outcome) => {
      if (!current) return;
      if (!outcome.ok) return setFailure(outcome.failure);
      setStores(outcome.data);
      setStoreId((chosen) => chosen || (outcome.data[0]?.id ?? ''));
    });
    return () => {
      current = false;
    };
  }, [api]);

  // How many of the chosen store's people an email would reach; asked again after each send.
  useEffect(() => {
    if (!api || !storeId || emailing) return;
    const abort = new AbortController();
    setReach(null);
    void storeEmailReach(api, storeId, abort.signal).then((found) => {
      if (!abort.signal.aborted) setReach(found);
    });
    return () => abort.abort();
  }, [api, storeId, emailing]);

  async function email() {
    if (!api || !storeId || emailing) return;
    setEmailed(null);
    if (!navigator.onLine) return setEmailed({ failure: 'offline' });
    setEmailing(true);
    const outcome = await emailActivationCodes(api, { storeId });
    setEmailing(false);
    setEmailed(outcome.ok ? { storeId, counts: outcome.data.counts } : { failure: outcome.failure });
  }

  async function make() {
    if (!api || !storeId) return;
    setBusy(true);
    setFailure(null);
    const outcome = await activationSheet(api, storeId, everyone);
    setBusy(false);
    if (!outcome.ok) return setFailure(outcome.failure);
    setSheet(outcome.data);
  }

  const origin = window.location.origin;
  return (
    <section className="sheet" aria-labelledby="sheet-heading">
      <div className="sheet__controls">
        <h1 id="sheet-heading">{t('activate.sheet.title')}</h1>
        <p className="muted">{t('activate.sheet.intro')}</p>
        {stores === null && !failure ? <p className="muted">{t('activate.sheet.loadingStores')}</p> : null}
        {stores?.length === 0 ? <p>{t('activate.sheet.noStores')}</p> : null}
        {stores && stores.length > 0 ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void make();
            }}
          >
            <label htmlFor="sheet-store">{t('activate.sheet.store')}</label>
            <select id="sheet-store" value={storeId} onChange={(e) => setStoreId(e.target.value)}>
              {stores.map((store) => (
                <option key={store.id} value={store.id}>
                  {store.code ? `${store.name} (${store.code})` : store.name}
                </option>
              ))}
            </select>
            <label className="sheet__everyone">
              <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} />
              {t('activate.sheet.all')}
            </label>
            <div className="sheet__actions">
              <button type="submit" className="primary" disabled={busy || !api}>
                {busy ? t('activate.sheet.busy') : t('activate.sheet.make')}
              </button>
              {sheet && sheet.people.length > 0 ? (
                <button type="button" onClick={() => window.print()}>
                  {t('activate.sheet.print')}
                </button>
              ) : null}
            </div>
            <div className="sheet__email">
              {reach && reach.ready > 0 ? (
                <>
                  <button type="button" onClick={() => void email()} disabled={emailing || busy}>
                    {emailing ? t('activate.sheet.emailBusy') : t('activate.sheet.email', { count: reach.ready })}
                  </button>
                  <p className="muted">{t('activate.sheet.emailHint')}</p>
                </>
              ) : null}
              {reach && reach.ready === 0 && !emailed ? <p className="muted">{t('activate.sheet.emailNobody')}</p> : null}
              {emailed && 'counts' in emailed && emailed.storeId === storeId ? (
                <p role="status" data-testid="sheet-emailed">
                  {emailedSummary(t, emailed.counts)}
                </p>
              ) : null}
              {emailed && 'failure' in emailed ? (
                <p role="alert" className="error">
                  {t(EMAIL_FAILURE_WORDS[emailed.failure])}
                </p>
              ) : null}
            </div>
          </form>
        ) : null}
        {failure ? (
          <p role="alert" className="error">
            {t(failureKey(failure))}
          </p>
        ) : null}
      </div>
      {sheet ? (
        <div className="sheet__page">
          <h2>{t('activate.sheet.heading', { store: sheet.store.name })}</h2>
          {sheet.people.length === 0 ? <p role="status">{t('activate.sheet.empty')}</p> : null}
          {sheet.people[0] ? <p>{t('activate.sheet.expires', { date: date(sheet.people[0].expires_at, 'date') })}</p> : null}
          <ul className="sheet__cards">
            {sheet.people.map((person) => {
              const address = `${origin}/activate?code=${encodeURIComponent(person.code)}`;
              return (
                <li key={person.member_id} className="sheet__card" data-employee-id={person.employee_id}>
                  <QrCode text={address} label={person.display_name} />
                  <div className="sheet__text">
                    <p className="sheet__name">{person.display_name}</p>
                    <dl>
                      <dt>{t('activate.sheet.employeeId')}</dt>
                      <dd className="sheet__employee-id">{person.employee_id}</dd>
                      <dt>{t('activate.sheet.code')}</dt>
                      <dd className="sheet__code">{person.code}</dd>
                      <dt>{t('activate.sheet.signInCode')}</dt>
                      <dd>{sheet.sign_in_code}</dd>
                    </dl>
                    <p className="sheet__address">{address}</p>
                    <p className="sheet__howto">{t('activate.sheet.howTo', { org: sheet.sign_in_code })}</p>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
