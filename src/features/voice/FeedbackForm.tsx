/** Staff (and everyone): write feedback to the store's manager or head office, named or anonymous; works offline. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { sendFeedback } from '../../data/voice/commands';
import { type BriefingChoice, briefingChoices } from '../../data/voice/queries';
import { charactersLeft, emptyFeedbackDraft, FEEDBACK_KINDS, type FeedbackDraft, type FeedbackProblem, feedbackProblems } from '../../domain/feedback-draft';
import { commandFailureText } from '../../ui/command-failure-text';
import { DeliveryLine } from '../../ui/DeliveryLine';
import { useT } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { useOnline } from '../../ui/use-online';
import { KIND_LABEL } from './labels';
import { feedbackProblemText } from './problem-text';

/** The action just taken: how it was sent, and its outbox entry, followed until the server has it. */
type Sent = { anonymous: boolean; entryId: string };

/**
 * Said before sending, offline too: the server drops the briefing link of an
 * anonymous item when fewer than 5 people could have made it, since the link
 * would point at its author.
 */
export function AnonymousLinkNote({ anonymous, briefing }: { anonymous: boolean; briefing: BriefingChoice | undefined }) {
  const t = useT();
  if (!anonymous || !briefing?.narrowAudience) return null;
  return (
    <p className="field-hint" data-testid="anonymous-link-dropped">
      {t('voice.form.linkDropped')}
    </p>
  );
}

export function FeedbackForm() {
  const { db, commands, me } = useSession();
  const t = useT();
  const online = useOnline();
  const id = useId();
  const hasStore = Boolean(me?.store);
  // Re-read each minute too: a scheduled briefing becomes something to write about at its time.
  const now = useMinuteClock();
  const briefings = useLiveQuery(() => briefingChoices(db), [db, now]) ?? [];
  const [draft, setDraft] = useState<FeedbackDraft>(() => emptyFeedbackDraft(hasStore));
  const [problems, setProblems] = useState<FeedbackProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const left = charactersLeft(draft.body);

  function change(next: FeedbackDraft) {
    setDraft(next);
    if (problems) setProblems(feedbackProblems(next, { hasStore }));
  }

  async function submit() {
    const found = feedbackProblems(draft, { hasStore });
    setProblems(found);
    if (found.length > 0) return;
    const result = await sendFeedback(commands, {
      kind: draft.kind,
      recipient: draft.recipient,
      body: draft.body,
      anonymous: draft.anonymous,
      briefing_id: draft.briefingId,
    });
    if (!result.ok) {
      setError(commandFailureText(t, result, (problem) => feedbackProblemText(t, problem)));
      return;
    }
    setError(null);
    setProblems(null);
    setSent({ anonymous: draft.anonymous, entryId: result.id });
    setDraft(emptyFeedbackDraft(hasStore));
  }

  if (sent) {
    return (
      <div className="voice-card voice-sent" role="status" data-testid="feedback-sent">
        <div className="voice-sent__headline">
          <DeliveryLine entryId={sent.entryId} />
        </div>
        <p>{sent.anonymous ? t('voice.sent.anonymous') : t('voice.sent.named')}</p>
        <button type="button" onClick={() => setSent(null)}>
          {t('voice.sent.another')}
        </button>
      </div>
    );
  }

  const bodyProblem = problems?.find((p) => p !== 'store_required');
  const storeProblem = problems?.includes('store_required');
  return (
    <form
      className="voice-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-heading`}>{t('voice.form.heading')}</h2>
      <fieldset className="choice voice-group">
        <legend>{t('voice.form.kind')}</legend>
        <div className="choice__options">
          {FEEDBACK_KINDS.map((kind) => (
            <label key={kind} className="choice__option">
              <input type="radio" name={`${id}-kind`} value={kind} checked={draft.kind === kind} onChange={() => change({ ...draft, kind })} />
              {t(KIND_LABEL[kind])}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="choice voice-group" aria-describedby={storeProblem ? `${id}-store-error` : undefined}>
        <legend>{t('voice.form.recipient')}</legend>
        {hasStore ? null : <p className="field-hint">{t('voice.form.noStore')}</p>}
        <div className="choice__options">
          {(hasStore ? (['store', 'head_office'] as const) : (['head_office'] as const)).map((recipient) => (
            <label key={recipient} className="choice__option">
              <input
                type="radio"
                name={`${id}-recipient`}
                value={recipient}
                checked={draft.recipient === recipient}
                onChange={() => change({ ...draft, recipient })}
              />
              {t(recipient === 'store' ? 'voice.form.recipient.store' : 'voice.form.recipient.head_office')}
            </label>
          ))}
        </div>
        {storeProblem ? (
          <p id={`${id}-store-error`} className="field-error">
            {t('voice.form.storeRequired')}
          </p>
        ) : null}
      </fieldset>
      <label htmlFor={`${id}-briefing`}>{t('voice.form.briefing')}</label>
      <select
        id={`${id}-briefing`}
        className="voice-select"
        value={draft.briefingId ?? ''}
        onChange={(e) => change({ ...draft, briefingId: e.target.value || null })}
      >
        <option value="">{t('voice.form.briefing.none')}</option>
        {briefings.map((b) => (
          <option key={b.id} value={b.id}>
            {b.title}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-body`}>{t('voice.form.body')}</label>
      <textarea
        id={`${id}-body`}
        className="voice-textarea"
        value={draft.body}
        onChange={(e) => change({ ...draft, body: e.target.value })}
        aria-invalid={bodyProblem ? true : undefined}
        aria-describedby={`${id}-count${bodyProblem ? ` ${id}-body-error` : ''}`}
      />
      <p id={`${id}-count`} className={left < 0 ? 'voice-count voice-count--over' : 'voice-count'}>
        {left < 0 ? t('voice.form.over', { count: -left }) : t('voice.form.left', { count: left })}
      </p>
      {bodyProblem ? (
        <p id={`${id}-body-error`} className="field-error">
          {feedbackProblemText(t, bodyProblem)}
        </p>
      ) : null}
      <div className="voice-anonymous">
        <label className="voice-switch">
          <input
            type="checkbox"
            role="switch"
            checked={draft.anonymous}
            aria-checked={draft.anonymous}
            aria-describedby={`${id}-anonymous`}
            onChange={(e) => change({ ...draft, anonymous: e.target.checked })}
          />
          {t('voice.form.anonymous')}
        </label>
        <p id={`${id}-anonymous`} className="voice-anonymous__what" data-testid="anonymous-explanation">
          {draft.anonymous ? t('voice.form.anonymousOn') : t('voice.form.anonymousOff')}
        </p>
        <AnonymousLinkNote anonymous={draft.anonymous} briefing={briefings.find((b) => b.id === draft.briefingId)} />
      </div>
      {online ? null : <p className="warning voice-offline-note">{t('voice.form.offline')}</p>}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary voice-wide">
        {t('voice.form.send')}
      </button>
    </form>
  );
}
