import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { PlainKey, Translate } from '../i18n/messages';
import { onlineFailureText } from '../OnlineCallProblem';
import { onlineFailure } from '../use-online-call';
import { pushNoticeText } from './notice-text';
import type { PushNotice, PushView } from './use-device-push';
import type { PushTestView } from './use-push-test';

const STATE_TEXT: Record<PushView, PlainKey> = {
  on: 'push.state.on',
  off: 'push.state.off',
  blocked: 'push.state.blocked',
  unsupported: 'push.state.unsupported',
  needs_install: 'push.state.needs_install',
  not_configured: 'push.state.not_configured',
};

export interface DevicePushPanelProps {
  /** null while it is read. */
  state: PushView | null;
  busy: boolean;
  notice: PushNotice | null;
  /** On here, but the server does not know this phone and could not be told: nothing arrives. */
  notReaching: boolean;
  test: PushTestView;
  /** The test can be asked for (the online API is there, or the phone is offline and will say so). */
  testReady: boolean;
  online: boolean;
  onTurnOn(): void;
  onTurnOff(): void;
  onTest(): void;
  /** Installing the app (browser-dependent, so the caller renders it). */
  install?: ReactNode;
}

/**
 * This device's part of Account's Notifications, drawn from its state alone: what it
 * is, what the last action came to, how to allow a blocked permission, and the
 * buttons (Turn on, Send a test notification, Turn off, installing).
 */
export function DevicePushPanel(props: DevicePushPanelProps) {
  const { t } = useI18n();
  const { state, busy, notReaching } = props;
  const notice = pushNoticeText(t, props.notice);
  const on = state === 'on';
  return (
    <>
      <dl className="facts">
        <dt>{t('push.thisPhone')}</dt>
        <dd data-testid="push-state">{state ? t(STATE_TEXT[state]) : t('push.checking')}</dd>
      </dl>
      {notice ? (
        <p role="status" className="warning">
          {notice}
        </p>
      ) : null}
      {on && notReaching ? (
        <p role="alert" className="warning" data-testid="push-not-reaching">
          {t('push.notReaching')}
        </p>
      ) : null}
      {state === 'blocked' ? (
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
        {state === 'off' || state === 'blocked' || (on && notReaching) ? (
          <button type="button" className="primary" onClick={props.onTurnOn} disabled={busy}>
            {t('push.turnOn')}
          </button>
        ) : null}
        {on && !notReaching ? (
          <>
            <button type="button" onClick={props.onTest} disabled={busy || !props.testReady || props.test?.status === 'sending'}>
              {t('push.test.send')}
            </button>
            <div role="status" className="push-test-result" data-testid="push-test-result">
              <PushTestText t={t} view={props.test} />
            </div>
          </>
        ) : null}
        {on ? (
          <button type="button" onClick={props.onTurnOff} disabled={busy}>
            {t('push.turnOff')}
          </button>
        ) : null}
        {props.install}
      </div>
      {on && !props.online ? <p className="warning">{t('push.signOutOffline')}</p> : null}
    </>
  );
}

/** What pressing "Send a test notification" came to; "not reaching" is said above, beside the Turn on that mends it. */
function PushTestText({ t, view }: { t: Translate; view: PushTestView }) {
  switch (view?.status) {
    case undefined:
    case 'not_reaching':
      return null;
    case 'sending':
      return <p className="muted">{t('push.test.sending')}</p>;
    case 'queued':
      return <p>{t('push.test.queued')}</p>;
    case 'too_soon':
      return <p>{t('push.test.tooSoon', { seconds: view.retryAfterSeconds })}</p>;
    case 'offline':
      return <p className="warning">{t('push.test.offline')}</p>;
    case 'failed':
      return <p className="warning">{onlineFailureText(t, onlineFailure(view.error))}</p>;
  }
}
