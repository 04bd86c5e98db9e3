/**
 * The store sheet (HR and managers): one card per person who has not activated yet
 * (or everyone), with their name, employee ID, one-time code, the organisation's
 * company code and a QR code of the /activate?code=... address, laid out to print on
 * A4 or Letter. Making a sheet issues new codes (the server logs each one), so the
 * codes exist only on this page and on paper; nothing keeps them.
 */
import { useEffect, useState } from 'react';
import { activationSheet } from '../../data/admin/activation';
import type { AdminFailure } from '../../data/admin/outcome';
import { adminStores } from '../../data/admin/stores';
import type { ActivationSheet, AdminStore } from '../../data/supabase/types';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { QrCode } from './QrCode';
import './activate.css';

function failureKey(failure: AdminFailure) {
  if (failure.kind === 'offline') return 'activate.sheet.error.offline' as const;
  if (failure.kind === 'forbidden') return 'activate.sheet.error.forbidden' as const;
  return 'activate.sheet.error.failed' as const;
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
