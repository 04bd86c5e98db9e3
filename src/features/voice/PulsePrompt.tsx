/**
 * The pulses open for me now that I have not answered, one card each, as the
 * phone knows them (works offline: the answer goes to the outbox and the pulse
 * is marked answered at once, so it is never offered twice). A card answered
 * here stays as a thank-you until the tab is left.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { Pulse } from '../../data/supabase/types';
import { answerPulse } from '../../data/voice/commands';
import { pulsesOnPhone } from '../../data/voice/queries';
import { LIMITS } from '../../domain/limits';
import { pulsesToAnswer, scaleScores } from '../../domain/pulse-selection';
import { commandFailureText } from '../../ui/command-failure-text';
import { DeliveryLine } from '../../ui/DeliveryLine';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { pulseAnswerProblemText } from './problem-text';

export function PulsePrompt() {
  const { db, me } = useSession();
  const now = useMinuteClock();
  const pulses = useLiveQuery(() => pulsesOnPhone(db), [db]);
  const [thanked, setThanked] = useState<ReadonlyArray<{ pulse: Pulse; entryId: string }>>([]);
  if (!pulses || !me) return null;
  const open = pulsesToAnswer(pulses, me.answered_pulse_ids, now);
  return (
    <>
      {thanked.map(({ pulse, entryId }) => (
        <PulseThanks key={pulse.id} entryId={entryId} />
      ))}
      {open.map((pulse) => (
        <PulseCard key={pulse.id} pulse={pulse} onAnswered={(entryId) => setThanked((done) => [...done, { pulse, entryId }])} />
      ))}
    </>
  );
}

function PulseThanks({ entryId }: { entryId: string }) {
  const { t } = useI18n();
  return (
    <div className="voice-card voice-pulse voice-sent" role="status" data-testid="pulse-thanks">
      <div className="voice-sent__headline">
        <DeliveryLine entryId={entryId} />
      </div>
      <p>{t('voice.pulse.thanks')}</p>
    </div>
  );
}

function PulseCard({ pulse, onAnswered }: { pulse: Pulse; onAnswered(entryId: string): void }) {
  const { commands } = useSession();
  const { t, date } = useI18n();
  const id = useId();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const scores = scaleScores(pulse.scale);

  async function send() {
    if (score === null) {
      setError(t('voice.pulse.pickScore'));
      return;
    }
    const text = comment.trim();
    const result = await answerPulse(commands, { pulse_id: pulse.id, score, comment: pulse.allow_comment && text ? text : null });
    if (result.ok) onAnswered(result.id);
    else setError(commandFailureText(t, result, (problem) => pulseAnswerProblemText(t, problem)));
  }

  return (
    <form
      className="voice-card voice-pulse"
      aria-labelledby={`${id}-heading`}
      data-testid="pulse"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h2 id={`${id}-heading`} className="voice-pulse__heading">
        {t('voice.pulse.heading')}
      </h2>
      <p id={`${id}-question`} className="voice-pulse__question">
        {pulse.question}
      </p>
      <p className="voice-pulse__anonymous">{t('voice.pulse.anonymous')}</p>
      <div
        role="radiogroup"
        aria-labelledby={`${id}-question`}
        aria-describedby={`${id}-scale${error ? ` ${id}-error` : ''}`}
        className={`voice-scale voice-scale--${scores.length}`}
      >
        {scores.map((value) => (
          <label key={value} className="voice-scale__score">
            <input
              type="radio"
              name={`${id}-score`}
              value={value}
              checked={score === value}
              onChange={() => {
                setScore(value);
                setError(null);
              }}
            />
            <span>{value}</span>
          </label>
        ))}
      </div>
      <p id={`${id}-scale`} className="voice-scale__ends">
        {pulse.scale === 'nps_0_10' ? t('voice.pulse.npsScale') : t('voice.pulse.fiveScale')}
      </p>
      {pulse.allow_comment ? (
        <>
          <label htmlFor={`${id}-comment`}>{t('voice.pulse.comment')}</label>
          <textarea
            id={`${id}-comment`}
            className="voice-textarea voice-textarea--short"
            maxLength={LIMITS.pulseComment}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <p className="voice-meta">{t('voice.pulse.closes', { when: date(pulse.closes_at) })}</p>
      <button type="submit" className="primary voice-wide">
        {t('voice.pulse.send')}
      </button>
    </form>
  );
}
