import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { OnlineCallProblem } from '../OnlineCallProblem';
import { useSession } from '../session-context';
import { useOnline } from '../use-online';
import { type OnlineFailure, onlineFailure, useOnlineCall } from '../use-online-call';
import { DevicePushPanel } from './DevicePushPanel';
import { InstallButtons } from './InstallButtons';
import { useDevicePush } from './use-device-push';
import { usePushTest } from './use-push-test';
import { useServerCheck } from './use-server-check';
import './push.css';

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Account's Notifications: this device's state with Turn on / Turn off (and whether the
 * server knows it, saving it again if not), a test notification when on, how to allow a
 * blocked permission, installing the app, the days off and the store's quiet hours.
 */
export function NotificationSettings() {
  const { t } = useI18n();
  const online = useOnline();
  const push = useDevicePush();
  const test = usePushTest();
  const server = useServerCheck(push);
  return (
    <section className="push-settings" aria-labelledby="push-heading" data-testid="push-settings">
      <h2 id="push-heading">{t('push.title')}</h2>
      <DevicePushPanel
        state={push.state}
        busy={push.busy}
        notice={push.notice}
        notReaching={server === 'not_reaching' || test.view?.status === 'not_reaching'}
        test={test.view}
        testReady={test.ready}
        online={online}
        onTurnOn={() => {
          test.reset();
          push.turnOn();
        }}
        onTurnOff={() => {
          test.reset();
          push.turnOff();
        }}
        onTest={test.send}
        install={<InstallButtons />}
      />
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
