/** "You said, we did": my store's answered feedback and its public replies, from the phone's copy; never who wrote it. */
import { useLiveQuery } from 'dexie-react-hooks';
import { storeBoardItems } from '../../data/voice/queries';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { formatDay } from '../../ui/i18n/report-format';
import { useSession } from '../../ui/session-context';
import { KIND_LABEL } from './labels';

export function StoreBoard() {
  const { db } = useSession();
  const { t, date, locale } = useI18n();
  const items = useLiveQuery(() => storeBoardItems(db), [db]);
  return (
    <section aria-labelledby="voice-board-heading">
      <h2 id="voice-board-heading">{t('voice.board.heading')}</h2>
      <p className="muted">{t('voice.board.intro')}</p>
      {items === undefined ? <p className="muted">{t('voice.loading')}</p> : null}
      {items?.length === 0 ? <p className="empty">{t('voice.board.empty')}</p> : null}
      <ul className="voice-list">
        {items?.map((item) => (
          <li key={item.feedback_id} className="voice-card voice-card--board" data-testid="board-item">
            <p className="voice-meta">
              {t(KIND_LABEL[item.kind])} · {t('voice.board.raised', { day: formatDay(locale, item.created_on, true) })}
            </p>
            <p className="voice-body">{item.body}</p>
            <h3 className="voice-board__did">{t('voice.board.weDid')}</h3>
            <ul className="voice-replies">
              {item.replies.map((reply) => (
                <li key={reply.created_at + reply.body} className="voice-reply" data-testid="board-reply">
                  <p className="voice-reply__when">{date(reply.created_at)}</p>
                  <p className="voice-body">{reply.body}</p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
