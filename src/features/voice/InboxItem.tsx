/** One feedback item in the inbox: who (or "Anonymous", with its day only), where, what; reply, mark answered, close or reopen. */
import { useId, useState } from 'react';
import type { OnlineApi } from '../../data/online-api';
import type { RpcFailure } from '../../data/supabase/rpc';
import type { FeedbackInboxItem } from '../../data/supabase/types';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { formatDay } from '../../ui/i18n/report-format';
import { OnlineCallProblem } from '../../ui/OnlineCallProblem';
import { useSession } from '../../ui/session-context';
import { type OnlineFailure, onlineFailure } from '../../ui/use-online-call';
import { KIND_LABEL, RECIPIENT_LABEL, STATUS_LABEL } from './labels';
import { ReplyList } from './ReplyList';

/** `onChanged` gets the item as the server now holds it (from the call's own answer), so the list can keep it in place. */
export function InboxItem({ item, onChanged }: { item: FeedbackInboxItem; onChanged(updated: FeedbackInboxItem): void }) {
  const { api } = useSession();
  const { t, date, locale } = useI18n();
  const id = useId();
  const [replying, setReplying] = useState(false);
  const [body, setBody] = useState('');
  const [isPublic, setPublic] = useState(true);
  const [markAnswered, setMarkAnswered] = useState(true);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<OnlineFailure | null>(null);

  async function act<R>(
    call: (online: OnlineApi) => Promise<{ ok: true; data: R } | { ok: false; error: RpcFailure }>,
    updated: (data: R) => FeedbackInboxItem,
  ) {
    if (!api) return setFailure({ kind: 'offline' });
    setBusy(true);
    const outcome = await call(api);
    setBusy(false);
    if (!outcome.ok) return setFailure(onlineFailure(outcome.error));
    setFailure(null);
    setReplying(false);
    setBody('');
    onChanged(updated(outcome.data));
  }

  function sendReply() {
    if (!body.trim()) return setProblem(t('voice.inbox.replyRequired'));
    setProblem(null);
    void act(
      (online) =>
        online.call('reply_feedback', {
          p_feedback_id: item.id,
          p_body: body.trim(),
          p_public: isPublic,
          p_mark: markAnswered ? 'answered' : item.status,
        }),
      ({ status, feedback_id: _, ...reply }) => ({ ...item, status, replies: [...item.replies, reply] }),
    );
  }

  const setStatus = (status: FeedbackInboxItem['status']) =>
    void act(
      (online) => online.call('set_feedback_status', { p_feedback_id: item.id, p_status: status }),
      (answer) => ({ ...item, status: answer.status }),
    );
  const where = item.store_name ?? t('voice.inbox.noStore');
  const who =
    item.is_anonymous || !item.author_name
      ? `${t('voice.inbox.anonymous')} · ${formatDay(locale, item.created_on, true)}`
      : `${t('voice.inbox.from', { name: item.author_name })} · ${item.created_at ? date(item.created_at) : formatDay(locale, item.created_on, true)}`;

  return (
    <li className="voice-card" data-testid="inbox-item" aria-busy={busy}>
      <p className={`voice-state voice-state--${item.status}`}>{t(STATUS_LABEL[item.status])}</p>
      <p className="voice-meta">
        {t(KIND_LABEL[item.kind])} · {item.recipient === 'store' ? where : `${t(RECIPIENT_LABEL.head_office)} · ${where}`}
      </p>
      <p className="voice-who" data-testid="inbox-who">
        {who}
      </p>
      {item.briefing_title ? <p className="voice-meta">{t('voice.about', { title: item.briefing_title })}</p> : null}
      <p className="voice-body">{item.body}</p>
      {item.replies.length > 0 ? <ReplyList replies={item.replies} /> : null}
      {failure ? <OnlineCallProblem failure={failure} /> : null}
      {replying ? (
        <form
          className="voice-reply-form"
          onSubmit={(e) => {
            e.preventDefault();
            sendReply();
          }}
        >
          <label htmlFor={`${id}-reply`}>{t('voice.inbox.replyLabel')}</label>
          <textarea
            id={`${id}-reply`}
            className="voice-textarea voice-textarea--short"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          {problem ? (
            <p id={`${id}-problem`} className="field-error">
              {problem}
            </p>
          ) : null}
          <label className="voice-check">
            <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />
            {t('voice.inbox.public')}
          </label>
          <label className="voice-check">
            <input type="checkbox" checked={markAnswered} onChange={(e) => setMarkAnswered(e.target.checked)} />
            {t('voice.inbox.markAnswered')}
          </label>
          <div className="voice-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('voice.inbox.sendReply')}
            </button>
            <button type="button" onClick={() => setReplying(false)}>
              {t('voice.inbox.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="voice-actions">
          <button type="button" className="primary" onClick={() => setReplying(true)}>
            {t('voice.inbox.reply')}
          </button>
          {item.status === 'open' ? (
            <button type="button" disabled={busy} onClick={() => setStatus('answered')}>
              {t('voice.inbox.markAnswered')}
            </button>
          ) : null}
          {item.status === 'closed' ? (
            <button type="button" disabled={busy} onClick={() => setStatus('open')}>
              {t('voice.inbox.reopen')}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => setStatus('closed')}>
              {t('voice.inbox.close')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
