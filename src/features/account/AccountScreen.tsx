import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { readMeta } from '../../data/db';
import { outboxSummary } from '../../data/outbox';
import { useI18n } from '../../ui/i18n/I18nProvider';
import type { I18n } from '../../ui/i18n/i18n';
import { LOCALE_NAMES } from '../../ui/i18n/locale';
import { LOCALES } from '../../ui/i18n/messages';
import { NotificationSettings } from '../../ui/push/NotificationSettings';
import { useSession } from '../../ui/session-context';
import { APP_BUILD } from './build-info';
import { RefusedList } from './RefusedList';
import { readStorageState, type StorageState } from './storage-state';

function megabytes({ t, number }: I18n, bytes: number | null): string {
  return bytes === null ? '?' : t('account.megabytes', { value: number(bytes / 1_048_576, 1) });
}

function storageText(i18n: I18n, storage: StorageState | null): string {
  const { t } = i18n;
  const kept =
    storage?.persisted === true
      ? t('account.storage.persisted')
      : storage?.persisted === false
        ? t('account.storage.notPersisted')
        : t('account.storage.unknown');
  if (storage?.usedBytes == null) return kept;
  return `${kept} · ${t('account.storage.used', { used: megabytes(i18n, storage.usedBytes), quota: megabytes(i18n, storage.quotaBytes) })}`;
}

/** Who is signed in, their language, notifications, what is waiting or refused, storage state, and a sign-out that never drops work silently. */
export function AccountScreen() {
  const { db, email, engine, language, signOut } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const outbox = useLiveQuery(() => outboxSummary(db), [db]);
  const meta = useLiveQuery(() => readMeta(db), [db]);
  const [storage, setStorage] = useState<StorageState | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void readStorageState().then(setStorage);
  }, []);

  const waiting = outbox?.waiting ?? 0;
  async function requestSignOut() {
    // Counted now, not from the live query: that reads 0 until it first loads (slow while a sync writes the outbox).
    if (!confirming && (await outboxSummary(db)).waiting > 0) {
      setConfirming(true);
      return;
    }
    await signOut();
  }

  return (
    <section aria-labelledby="account-heading">
      <h1 id="account-heading">{t('account.title')}</h1>
      <p>
        {t('account.signedInAs')} <strong>{meta?.me?.display_name ?? email}</strong>
        {meta?.me?.store ? ` · ${meta.me.store.name}` : ''}
      </p>

      <fieldset className="choice" aria-describedby={language.unsaved ? 'language-pending' : undefined}>
        <legend>{t('account.language')}</legend>
        <div className="choice__options">
          {LOCALES.map((locale) => (
            <label key={locale} className="choice__option" lang={locale}>
              <input type="radio" name="language" value={locale} checked={language.locale === locale} onChange={() => language.choose(locale)} />
              {LOCALE_NAMES[locale]}
            </label>
          ))}
        </div>
        {language.unsaved ? (
          <p id="language-pending" className="muted choice__note">
            {t('account.language.pending')}
          </p>
        ) : null}
      </fieldset>

      <NotificationSettings />

      <h2>{t('account.problems')}</h2>
      <RefusedList />

      <h2>{t('account.thisPhone')}</h2>
      <dl className="facts">
        <dt>{t('account.waitingToSend')}</dt>
        <dd data-testid="waiting-count">{outbox ? waiting : '…'}</dd>
        <dt>{t('account.storage')}</dt>
        <dd>{storageText(i18n, storage)}</dd>
        <dt>{t('account.appVersion')}</dt>
        <dd data-testid="app-version">{APP_BUILD}</dd>
      </dl>
      <button type="button" onClick={() => void engine?.requestSync()} disabled={!engine}>
        {t('account.syncNow')}
      </button>

      <h2>{t('account.signOutTitle')}</h2>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="signout-warning" className="warning">
          <p id="signout-warning">{t('account.signOutWarning', { count: waiting })}</p>
          <button type="button" className="danger" onClick={() => void requestSignOut()}>
            {t('account.signOutAnyway')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('account.staySignedIn')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => void requestSignOut()}>
          {t('account.signOut')}
        </button>
      )}
    </section>
  );
}
