import { useEffect, useRef } from 'react';
import { useT } from '../../ui/i18n/I18nProvider';
import './closed-account.css';

/**
 * Shown instead of Today once the server said the account was closed and this phone
 * wiped the person's data: what happened, what was kept, and what to do (ask the
 * manager). The one button leads back to sign-in, for this person later or someone else.
 */
export function AccountClosedScreen({ onDone }: { onDone: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // Read out first by screen readers: the screen replaced what the person was looking at.
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="account-closed" aria-labelledby="account-closed-title">
      <h1 id="account-closed-title" ref={heading} tabIndex={-1}>
        {t('closed.title')}
      </h1>
      <p>{t('closed.body')}</p>
      <p>{t('closed.kept')}</p>
      <section className="account-closed__next" aria-labelledby="account-closed-next">
        <h2 id="account-closed-next">{t('closed.nextTitle')}</h2>
        <p>{t('closed.next')}</p>
      </section>
      <button type="button" className="primary" onClick={onDone}>
        {t('closed.signIn')}
      </button>
    </main>
  );
}
