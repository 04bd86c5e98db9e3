import type { FeedbackReply } from '../../data/supabase/types';
import { useI18n } from '../../ui/i18n/I18nProvider';

/** Replies oldest first, each with who wrote it and whether the store's board shows it. */
export function ReplyList({ replies }: { replies: readonly FeedbackReply[] }) {
  const { t, date } = useI18n();
  return (
    <ul className="voice-replies">
      {replies.map((reply) => (
        <li key={reply.id} className="voice-reply" data-testid="reply">
          <p className="voice-reply__who">
            {t('voice.reply.from', { name: reply.author_name })}
            <span className="voice-reply__when">
              {' '}
              · {date(reply.created_at)} · {reply.is_public ? t('voice.reply.public') : t('voice.reply.private')}
            </span>
          </p>
          <p className="voice-body">{reply.body}</p>
        </li>
      ))}
    </ul>
  );
}
