import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { readMeta } from '../../data/db';
import { useT } from '../i18n/I18nProvider';
import { useSession } from '../session-context';
import { InstallButtons } from './InstallButtons';
import { pushNoticeText } from './notice-text';
import { rememberNotNow, saidNotNow, useDevicePush } from './use-device-push';
import './push.css';

/**
 * Today's ask, once the first sync has shown the person what the app is for: what
 * notifications will bring, then the browser's own permission question on "Turn on".
 * "Not now" is kept on this phone; Account can turn them on later.
 */
export default function PushOptInCard() {
  const { db, userId } = useSession();
  const t = useT();
  const synced = useLiveQuery(async () => {
    const meta = await readMeta(db);
    return meta.last_synced_at !== null && meta.first_sync === null;
  }, [db]);
  const [later, setLater] = useState(() => saidNotNow(userId));
  const push = useDevicePush();
  const notice = pushNoticeText(t, push.notice);
  const asking = push.state === 'off' || push.state === 'needs_install';
  if (!synced || later || (!asking && !notice)) return null;
  return (
    <section className="push-card" aria-labelledby="push-card-heading" data-testid="push-optin">
      <h2 id="push-card-heading">{t('push.card.title')}</h2>
      <p>{t('push.card.body')}</p>
      {notice ? (
        <p role="status" className="warning">
          {notice}
        </p>
      ) : null}
      <div className="push-actions">
        {push.state === 'off' ? (
          <button type="button" className="primary" onClick={push.turnOn} disabled={push.busy}>
            {t('push.turnOn')}
          </button>
        ) : null}
        <InstallButtons primary={push.state === 'needs_install'} />
        <button
          type="button"
          onClick={() => {
            rememberNotNow(userId);
            setLater(true);
          }}
        >
          {t('push.notNow')}
        </button>
      </div>
    </section>
  );
}
