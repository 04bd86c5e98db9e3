/**
 * Stores (#12, HR): the organisation's time zone (the days Reports count), the list with
 * each store's active people, and the store form at /stores/new and /stores/:id (name,
 * code, time zone, region).
 */
import { type FormEvent, useMemo, useRef, useState } from 'react';
import type { AdminFailure } from '../../data/admin/outcome';
import { saveStore } from '../../data/admin/stores';
import type { AdminStore } from '../../data/supabase/types';
import { matchTimeZones, type StoreDraft, storeProblems } from '../../domain/admin-forms';
import { ADMIN_LIMITS } from '../../domain/limits';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { back, go } from '../../ui/router/history';
import { Link } from '../../ui/router/Link';
import type { Params } from '../../ui/router/match';
import { useSession } from '../../ui/session-context';
import { AdminProblem } from './AdminProblem';
import { adminFailureText, fieldProblemText, STORE_FIELD_OF } from './admin-words';
import { Field } from './Field';
import { OrgTimeZone, supportedZones } from './OrgTimeZone';
import { useStores } from './use-directory';
import './admin.css';

export function StoresScreen() {
  const { t, locale } = useI18n();
  const stores = useStores();
  const count = (n: number) => n.toLocaleString(locale);
  return (
    <section className="admin" aria-labelledby="stores-heading">
      <div className="admin__head">
        <h1 id="stores-heading">{t('admin.stores.title')}</h1>
        <button type="button" className="primary" onClick={() => go('/stores/new')}>
          {t('admin.stores.new')}
        </button>
      </div>
      <OrgTimeZone />
      {stores.failure ? <AdminProblem failure={stores.failure} onRetry={stores.reload} /> : null}
      {!stores.data && stores.loading ? <p role="status">{t('admin.loading')}</p> : null}
      {stores.data?.length === 0 ? <p>{t('admin.stores.none')}</p> : null}
      {stores.data && stores.data.length > 0 ? (
        <>
          <table className="admin-table" data-testid="stores-table">
            <caption className="visually-hidden">{t('admin.stores.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.col.name')}</th>
                <th scope="col">{t('admin.col.code')}</th>
                <th scope="col">{t('admin.col.timeZone')}</th>
                <th scope="col">{t('admin.col.region')}</th>
                <th scope="col" className="admin-table__number">
                  {t('admin.col.activePeople')}
                </th>
              </tr>
            </thead>
            <tbody>
              {stores.data.map((store) => (
                <tr key={store.id}>
                  <th scope="row">
                    <Link to={`/stores/${store.id}`}>{store.name}</Link>
                  </th>
                  <td>{store.code ?? '—'}</td>
                  <td>{store.time_zone.replaceAll('_', ' ')}</td>
                  <td>{store.region ?? '—'}</td>
                  <td className="admin-table__number">{count(store.active_people)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="admin-cards">
            {stores.data.map((store) => (
              <li key={store.id} className="admin-card">
                <p className="admin-card__title">
                  <Link to={`/stores/${store.id}`}>{store.name}</Link>
                  <span className="admin-card__count">{t('admin.activeCount', { count: store.active_people })}</span>
                </p>
                <p className="muted">{[store.code, store.region, store.time_zone.replaceAll('_', ' ')].filter(Boolean).join(' · ')}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function StoreScreen({ params }: { params: Params }) {
  const { t } = useI18n();
  const stores = useStores();
  const id = params.id ?? null;
  const store = id ? stores.data?.find((s) => s.id === id) : null;
  return (
    <section className="admin admin--form" aria-labelledby="store-heading">
      <button type="button" className="link-button" onClick={() => back('/stores')}>
        ← {t('admin.back.stores')}
      </button>
      {id === null ? (
        <StoreForm key="new" store={null} />
      ) : store ? (
        <StoreForm key={store.id} store={store} />
      ) : (
        <>
          <h1 id="store-heading">{t('admin.stores.title')}</h1>
          {stores.failure ? <AdminProblem failure={stores.failure} onRetry={stores.reload} /> : null}
          <p role="status">{stores.loading ? t('admin.loading') : stores.data ? t('admin.store.notFound') : null}</p>
        </>
      )}
    </section>
  );
}

/** A store just added: its form, opened at its own address in place of /stores/new, says it was saved. */
let createdStore: string | null = null;

function StoreForm({ store: initial }: { store: AdminStore | null }) {
  const { api } = useSession();
  const { t } = useI18n();
  const zones = useMemo(supportedZones, []);
  const [store, setStore] = useState(initial);
  const [values, setValues] = useState<StoreDraft>({
    name: initial?.name ?? '',
    code: initial?.code ?? '',
    timeZone: initial?.time_zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    region: initial?.region ?? '',
  });
  const [zoneQuery, setZoneQuery] = useState('');
  const [errors, setErrors] = useState<Partial<Record<keyof StoreDraft, string>>>({});
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(() => {
    const was = initial !== null && createdStore === initial.id;
    if (was) createdStore = null;
    return was;
  });
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<StoreDraft>) => {
    setValues((v) => ({ ...v, ...patch }));
    setSaved(false);
  };
  const matches = matchTimeZones(zones ?? [values.timeZone], zoneQuery, 200);
  const shownZones = matches.includes(values.timeZone) ? matches : [values.timeZone, ...matches];

  function showErrors(next: Partial<Record<keyof StoreDraft, string>>) {
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`#store-${first}`)?.focus());
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setFailure(null);
    setSaved(false);
    const problems = storeProblems(values, zones);
    const next: Partial<Record<keyof StoreDraft, string>> = {};
    for (const [field, problem] of Object.entries(problems)) next[field as keyof StoreDraft] = fieldProblemText(t, problem);
    showErrors(next);
    if (Object.keys(next).length > 0) return;
    if (!api) {
      setFailure({ kind: 'offline' });
      return;
    }
    setSaving(true);
    const outcome = await saveStore(api, { id: store?.id ?? null, name: values.name, code: values.code, time_zone: values.timeZone, region: values.region });
    setSaving(false);
    if (!outcome.ok) {
      const field = outcome.failure.kind === 'invalid' ? (STORE_FIELD_OF[outcome.failure.code] as keyof StoreDraft | undefined) : undefined;
      if (field) showErrors({ [field]: adminFailureText(t, outcome.failure) });
      else setFailure(outcome.failure);
      return;
    }
    setStore(outcome.data);
    setSaved(true);
    if (!store) {
      createdStore = outcome.data.id;
      go(`/stores/${outcome.data.id}`, { replace: true });
    }
  }

  return (
    <>
      <h1 id="store-heading">{store ? t('admin.store.editTitle', { name: store.name }) : t('admin.store.newTitle')}</h1>
      <p className="muted admin__online">{t('admin.online')}</p>
      <form ref={formRef} className="admin-form" noValidate onSubmit={(event) => void save(event)}>
        <div className="admin-form__grid">
          <Field id="store-name" label={t('admin.field.name')} error={errors.name}>
            {(props) => (
              <input {...props} value={values.name} maxLength={ADMIN_LIMITS.storeName} autoComplete="off" onChange={(e) => set({ name: e.target.value })} />
            )}
          </Field>
          <Field id="store-code" label={t('admin.field.code')} hint={t('admin.field.codeHint')} error={errors.code}>
            {(props) => (
              <input {...props} value={values.code} maxLength={ADMIN_LIMITS.storeCode} autoComplete="off" onChange={(e) => set({ code: e.target.value })} />
            )}
          </Field>
          <div className="admin-zone">
            <label htmlFor="store-zone-search">{t('admin.field.timeZoneSearch')}</label>
            <input
              id="store-zone-search"
              type="search"
              value={zoneQuery}
              autoComplete="off"
              aria-controls="store-timeZone"
              aria-describedby="store-zone-count"
              onChange={(e) => setZoneQuery(e.target.value)}
            />
            <p id="store-zone-count" className="muted admin-field__hint" aria-live="polite">
              {zoneQuery ? t('admin.timeZone.matches', { count: matches.length }) : ''}
            </p>
            <Field id="store-timeZone" label={t('admin.field.timeZone')} error={errors.timeZone}>
              {(props) => (
                <select {...props} value={values.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
                  {shownZones.map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replaceAll('_', ' ')}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field id="store-region" label={t('admin.field.region')} error={errors.region}>
            {(props) => (
              <input
                {...props}
                value={values.region}
                maxLength={ADMIN_LIMITS.storeRegion}
                autoComplete="off"
                onChange={(e) => set({ region: e.target.value })}
              />
            )}
          </Field>
        </div>
        {failure ? <AdminProblem failure={failure} /> : null}
        <div className="admin-form__actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('admin.saving') : t('admin.save')}
          </button>
        </div>
        <p role="status" className="admin__saved">
          {saved ? t('admin.saved') : ''}
        </p>
      </form>
    </>
  );
}
