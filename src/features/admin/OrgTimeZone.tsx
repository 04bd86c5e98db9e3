/**
 * The organisation's time zone (HR, on Stores): the zone whose days Reports count.
 * Online only, like every admin change: admin_set_org_time_zone checks the name and
 * writes the admin log; offline nothing is changed and the words say so.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { type AdminFailure, adminOutcome } from '../../data/admin/outcome';
import type { AdminOrganization } from '../../data/supabase/types';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { AdminProblem } from './AdminProblem';
import { Field } from './Field';
import { useAdminLoad } from './use-admin';

/** The zones this browser knows, or null where it cannot list them. */
export function supportedZones(): readonly string[] | null {
  const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : null;
}

export const zoneName = (zone: string) => zone.replaceAll('_', ' ');

export function OrgTimeZone() {
  const { api } = useSession();
  const { t } = useI18n();
  const org = useAdminLoad(api, 'organization', async (online, signal) => adminOutcome(await online.call('admin_organization', {}, signal)));
  const zones = useMemo(supportedZones, []);
  const [saved, setSaved] = useState<AdminOrganization | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const current = saved?.time_zone ?? org.data?.time_zone ?? null;
  const chosen = picked ?? current;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving || !chosen) return;
    setFailure(null);
    if (!api) {
      setFailure({ kind: 'offline' });
      return;
    }
    setSaving(true);
    const outcome = adminOutcome(await api.call('admin_set_org_time_zone', { p_time_zone: chosen }));
    setSaving(false);
    if (!outcome.ok) {
      setFailure(outcome.failure);
      return;
    }
    setSaved(outcome.data);
    setPicked(null);
  }

  const options = chosen && !(zones ?? []).includes(chosen) ? [chosen, ...(zones ?? [])] : (zones ?? []);
  return (
    <section className="admin-card admin-org-zone" aria-labelledby="org-zone-heading" data-testid="org-time-zone">
      <h2 id="org-zone-heading">{t('admin.orgZone.title')}</h2>
      {org.failure ? <AdminProblem failure={org.failure} onRetry={org.reload} /> : null}
      {!org.data && org.loading ? <p role="status">{t('admin.loading')}</p> : null}
      {chosen ? (
        <form className="admin-inline-form" noValidate onSubmit={(event) => void save(event)}>
          <Field id="org-zone" label={t('admin.field.timeZone')} hint={t('admin.orgZone.hint')}>
            {(props) => (
              <select
                {...props}
                value={chosen}
                onChange={(event) => {
                  setPicked(event.target.value);
                  setSaved(null);
                }}
              >
                {options.map((zone) => (
                  <option key={zone} value={zone}>
                    {zoneName(zone)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {failure ? <AdminProblem failure={failure} /> : null}
          <div className="admin-form__actions">
            <button type="submit" className="primary" disabled={saving || chosen === current}>
              {saving ? t('admin.saving') : t('admin.orgZone.save')}
            </button>
          </div>
          <p role="status" className="admin__saved" data-testid="org-zone-saved">
            {saved && picked === null ? t('admin.orgZone.saved', { zone: zoneName(saved.time_zone) }) : ''}
          </p>
        </form>
      ) : null}
    </section>
  );
}
