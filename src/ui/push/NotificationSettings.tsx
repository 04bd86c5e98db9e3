import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { PlainKey } from '../i18n/messages';
import { OnlineCallProblem } from '../OnlineCallProblem';
import { useSession } from '../session-context';
import { useOnline } from '../use-online';
import { type OnlineFailure, onlineFailure, useOnlineCall } from '../use-online-call';
import { InstallButtons } from './InstallButtons';
import { pushNoticeText } from './notice-text';
import { type PushView, useDevicePush } from './use-device-push';
import './push.css';

const STATE_TEXT: Record<PushView, PlainKey> = {
  on: 'push.state.on',
  off: 'push.state.off',
  blocked: 'push.state.blocked',
  unsupported: 'push.state.unsupported',
  needs_install: 'push.state.needs_install',
  not_configured: 'push.state.not_configured',
};
const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Account's Notifications: this device's state with Turn on / Turn off, how to allow a
 * blocked permission, installing the app, the days off and the store's quiet hours.
 * No "send a test": the server has no call that pushes to one device on request.
 */
export function NotificationSettings() {
  const { t } = useI18n();
  const online = useOnline();
  const push = useDevicePush();
  const notice = pushNoticeText(t, push.notice);
  return (
    <section className="push-settings" aria-labelledby="push-heading" data-testid="push-settings">
      <h2 id="push-heading">{t('push.title')}</h2>
      <dl className="facts">
        <dt>{t('push.thisPhone')}</dt>
        <dd data-testid="push-state">{push.state ? t(STATE_TEXT[push.state]) : t('push.checking')}</dd>
      </dl>
      {notice ? (
        <p role="status" className="warning">
          {notice}
        </p>
      ) : null}
      {push.state === 'blocked' ? (
        <div className="muted">
          <p>{t('push.blocked.how')}</p>
          <ul>
            <li>{t('push.blocked.chrome')}</li>
            <li>{t('push.blocked.safari')}</li>
          </ul>
          <p>{t('push.blocked.after')}</p>
        </div>
      ) : null}
      <div className="push-actions">
        {push.state === 'off' || push.state === 'blocked' ? (
          <button type="button" className="primary" onClick={push.turnOn} disabled={push.busy}>
            {t('push.turnOn')}
          </button>
        ) : null}
        {push.state === 'on' ? (
          <button type="button" onClick={push.turnOff} disabled={push.busy}>
            {t('push.turnOff')}
          </button>
        ) : null}
        <InstallButtons />
      </div>
      {push.state === 'on' && !online ? <p className="warning">{t('push.signOutOffline')}</p> : null}
      {push.state !== 'not_configured' ? <PushSchedule /> : null}
    </section>
  );
}

/** Off-shift days (set_my_off_days) and the store's quiet hours, both from my_push_subscriptions: online only. */
function PushSchedule() {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const settings = useOnlineCall(api, 'push-settings', (online) => online.call('my_push_subscriptions', {}));
  const [days, setDays] = useState<number[] | null>(null);
  const [saving, setSaving] = useState<'saving' | 'saved' | OnlineFailure | null>(null);
  const loaded = settings.data?.off_days;
  useEffect(() => {
    if (loaded) setDays(loaded);
  }, [loaded]);

  if (settings.failure) return <OnlineCallProblem failure={settings.failure} onRetry={settings.reload} />;
  if (!settings.data || !days) return <p className="muted">{t('push.checking')}</p>;
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday, ISO weekday 1.
  const dayName = (iso: number) => weekday.format(Date.UTC(2024, 0, iso));
  const quiet = settings.data.quiet_hours;

  async function save() {
    if (!api || !days) return;
    setSaving('saving');
    const outcome = await api.call('set_my_off_days', { p_days: days });
    setSaving(outcome.ok ? 'saved' : onlineFailure(outcome.error));
  }

  return (
    <>
      <p>
        {quiet && quiet.start !== quiet.end ? t('push.quietHours', { start: quiet.start, end: quiet.end, zone: quiet.time_zone }) : t('push.quietHours.none')}
      </p>
      <fieldset className="choice">
        <legend>{t('push.offDays')}</legend>
        <div className="choice__options">
          {ISO_WEEKDAYS.map((iso) => (
            <label key={iso} className="choice__option">
              <input
                type="checkbox"
                checked={days.includes(iso)}
                // The server keeps at least one working day: a seventh box cannot be ticked.
                disabled={!days.includes(iso) && days.length >= 6}
                onChange={(e) => {
                  setSaving(null);
                  setDays(e.target.checked ? [...days, iso].sort() : days.filter((d) => d !== iso));
                }}
              />
              {dayName(iso)}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="button" onClick={() => void save()} disabled={saving === 'saving'}>
        {t('push.offDays.save')}
      </button>
      {saving === 'saved' ? <p role="status">{t('push.offDays.saved')}</p> : null}
      {saving && typeof saving === 'object' ? <OnlineCallProblem failure={saving} /> : null}
    </>
  );
}
