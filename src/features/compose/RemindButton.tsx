import { useState } from 'react';
import type { RemindResult } from '../../data/supabase/types';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { onlineFailureText } from '../../ui/OnlineCallProblem';
import { useSession } from '../../ui/session-context';
import { useOnline } from '../../ui/use-online';
import { type OnlineFailure, onlineFailure } from '../../ui/use-online-call';

type Answer = { kind: 'answer'; result: RemindResult } | { kind: 'failure'; failure: OnlineFailure } | { kind: 'sending' };

/**
 * A manager's nudge to those who have not acknowledged (remind_unacknowledged): whom it reached, so they know whom to tell in person.
 * `onQueued` runs once the reminders are queued, so the status view can count the devices now waiting.
 */
export function RemindButton({ briefingId, onQueued }: { briefingId: string; onQueued?(): void }) {
  const { t, date } = useI18n();
  const { api } = useSession();
  const online = useOnline();
  const [answer, setAnswer] = useState<Answer | null>(null);

  async function remind() {
    if (!online || !api) {
      setAnswer({ kind: 'failure', failure: { kind: 'offline' } });
      return;
    }
    setAnswer({ kind: 'sending' });
    const outcome = await api.call('remind_unacknowledged', { p_briefing_id: briefingId });
    setAnswer(outcome.ok ? { kind: 'answer', result: outcome.data } : { kind: 'failure', failure: onlineFailure(outcome.error) });
    if (outcome.ok && outcome.data.status === 'queued') onQueued?.();
  }

  let text: string | null = null;
  if (answer?.kind === 'answer') {
    const { result } = answer;
    text =
      result.status === 'queued'
        ? `${t('compose.remind.devices', { count: result.devices })}; ${t('compose.remind.without', { count: result.without_notifications })}`
        : t('compose.remind.tooSoon', { when: date(result.next_allowed_at, 'time') });
  } else if (answer?.kind === 'failure') {
    text = answer.failure.kind === 'offline' ? t('compose.remind.offline') : onlineFailureText(t, answer.failure);
  }
  return (
    <>
      <button type="button" className="compose-reach__remind" onClick={() => void remind()} disabled={answer?.kind === 'sending'}>
        {t('compose.remind')}
      </button>
      {text ? (
        <p role="status" className={answer?.kind === 'failure' ? 'warning' : undefined} data-testid="remind-result">
          {text}
        </p>
      ) : null}
    </>
  );
}
