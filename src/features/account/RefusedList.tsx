import { useLiveQuery } from 'dexie-react-hooks';
import { dismissRejected, retryRejected } from '../../data/outbox';
import { canRetry, type RefusedItem, type RefusedSubject, refusedItems } from '../../data/sync/refused-items';
import { useI18n } from '../../ui/i18n/I18nProvider';
import type { I18n } from '../../ui/i18n/i18n';
import { useSession } from '../../ui/session-context';
import './account.css';

function subjectText({ t }: I18n, subject: RefusedSubject): string {
  switch (subject.type) {
    case 'kudos':
      return subject.to ? t('refused.kudos', { name: subject.to, excerpt: subject.excerpt }) : t('refused.kudosNoName', { excerpt: subject.excerpt });
    case 'ack':
      return subject.briefing ? t('refused.ack', { title: subject.briefing }) : t('refused.ackGone');
    case 'lesson_attempt':
      return subject.lesson ? t('refused.lesson', { title: subject.lesson }) : t('outbox.type.lesson_attempt');
    case 'feedback':
      return t('refused.feedback', { excerpt: subject.excerpt });
    case 'pulse_response':
      return subject.question ? t('refused.pulse', { question: subject.question }) : t('outbox.type.pulse_response');
    case 'briefing':
      return subject.title ? t('refused.briefing', { title: subject.title }) : t('outbox.type.briefing');
  }
}

function reasonText({ t }: I18n, item: RefusedItem): string {
  switch (item.kind) {
    case 'unreadable':
      return t('refused.reason.unreadable');
    case 'server_error':
      return t('refused.reason.serverError');
    case 'obsolete':
      return t('refused.reason.obsolete');
    case 'final':
      return t('refused.reason.other', { reason: item.message || item.code });
  }
}

/** What the server refused, each named in words, with Try again where it can help and Discard always. */
export function RefusedList() {
  const { db, commands } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const items = useLiveQuery(() => refusedItems(db), [db]);
  if (!items) return null;
  if (items.length === 0) return <p className="muted">{t('account.nothingRefused')}</p>;
  return (
    <ul className="refused-list" aria-label={t('account.refusedItems')}>
      {items.map((item) => (
        <li key={item.id} data-testid="refused-item">
          <p>
            <strong>{subjectText(i18n, item.subject)}</strong> {t('account.refusedAt', { when: i18n.date(item.created_at) })}
          </p>
          <p>{reasonText(i18n, item)}</p>
          <div className="refused-list__actions">
            {canRetry(item.kind) ? (
              <button type="button" className="primary" onClick={() => void retryRejected(commands, item.id)}>
                {t('refused.tryAgain')}
              </button>
            ) : null}
            <button type="button" onClick={() => void dismissRejected(commands, item.id)}>
              {t('refused.discard')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
