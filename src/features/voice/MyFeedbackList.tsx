/** My named feedback as this phone has it: status, who replied and what, and what is still waiting to send. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { LocalFeedback } from '../../data/db';
import { briefingChoices, myFeedbackItems } from '../../data/voice/queries';
import { DeliveryNote } from '../../ui/DeliveryNote';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { KIND_LABEL, RECIPIENT_LABEL, STATUS_LABEL } from './labels';
import { ReplyList } from './ReplyList';

export function MyFeedbackList() {
  const { db } = useSession();
  const { t } = useI18n();
  const items = useLiveQuery(() => myFeedbackItems(db), [db]);
  const briefings = useLiveQuery(() => briefingChoices(db), [db]);
  const titles = useMemo(() => new Map((briefings ?? []).map((b) => [b.id, b.title])), [briefings]);

  return (
    <section aria-labelledby="voice-mine-heading">
      <h2 id="voice-mine-heading">{t('voice.mine.heading')}</h2>
      {items === undefined ? <p className="muted">{t('voice.loading')}</p> : null}
      {items?.length === 0 ? <p className="empty">{t('voice.mine.empty')}</p> : null}
      <ul className="voice-list">
        {items?.map((item) => (
          <MyFeedbackCard key={item.id} item={item} briefingTitle={item.briefing_id ? titles.get(item.briefing_id) : undefined} />
        ))}
      </ul>
    </section>
  );
}

function MyFeedbackCard({ item, briefingTitle }: { item: LocalFeedback; briefingTitle: string | undefined }) {
  const { t, date } = useI18n();
  const tone = item.local_state ?? item.status;
  return (
    <li className="voice-card" data-testid="my-feedback">
      <p className={`voice-state voice-state--${tone}`} data-testid="feedback-status">
        {item.local_state ? <DeliveryNote t={t} delivery={item.local_state === 'pending' ? 'on_phone' : 'refused'} /> : t(STATUS_LABEL[item.status])}
      </p>
      <p className="voice-meta">
        {t(KIND_LABEL[item.kind])} · {t(RECIPIENT_LABEL[item.recipient])} · {t('voice.mine.sent', { when: date(item.created_at) })}
      </p>
      {briefingTitle ? <p className="voice-meta">{t('voice.about', { title: briefingTitle })}</p> : null}
      <p className="voice-body">{item.body}</p>
      {item.replies.length > 0 ? <ReplyList replies={item.replies} /> : item.local_state ? null : <p className="muted voice-meta">{t('voice.mine.noReply')}</p>}
    </li>
  );
}
