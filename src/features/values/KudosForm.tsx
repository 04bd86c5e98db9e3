import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useId, useState } from 'react';
import { giveKudos } from '../../data/values/commands';
import { storeRoster, valueCardsInOrder } from '../../data/values/queries';
import { type KudosProblem, kudosProblems } from '../../domain/kudos';
import { LIMITS } from '../../domain/limits';
import { commandFailureText } from '../../ui/command-failure-text';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { ColleaguePicker } from './ColleaguePicker';
import { kudosProblemText } from './problem-text';
import { valueTitle } from './value-title';

/** Thank a colleague, offline too: saved on the phone with its outbox entry, on the wall at once as "waiting to send". */
export function KudosForm({ initialValue, onSent }: { initialValue: string | null; onSent(): void }) {
  const { db, commands, me } = useSession();
  const { t, number, locale } = useI18n();
  const id = useId();
  const roster = useLiveQuery(() => storeRoster(db), [db]);
  const cards = useLiveQuery(() => valueCardsInOrder(db), [db]);
  const [to, setTo] = useState<string | null>(null);
  const [valueId, setValueId] = useState(initialValue ?? '');
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<readonly KudosProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const colleagueProblem = problems.find((p) => p === 'colleague_required');
  const messageProblem = problems.find((p) => p !== 'colleague_required');
  const used = message.trim().length;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = kudosProblems({ toMemberId: to, message });
    setProblems(found);
    setFailure(null);
    if (found.length > 0 || !to) return;
    setSending(true);
    const result = await giveKudos(commands, { to_member_id: to, value_card_id: valueId || null, message });
    setSending(false);
    if (result.ok) onSent();
    else setFailure(commandFailureText(t, result, (problem) => kudosProblemText(t, problem)));
  }

  return (
    <form className="kudos-form" onSubmit={submit} noValidate aria-busy={sending}>
      <p className="muted">{t('values.give.intro')}</p>
      <ColleaguePicker
        roster={roster ?? []}
        inStore={me?.store != null}
        chosen={to}
        onChoose={setTo}
        error={colleagueProblem ? kudosProblemText(t, colleagueProblem) : null}
      />

      <label htmlFor={`${id}-value`}>{t('values.give.value')}</label>
      <select id={`${id}-value`} value={valueId} onChange={(event) => setValueId(event.target.value)}>
        <option value="">{t('values.give.noValue')}</option>
        {(cards ?? []).map((card) => (
          <option key={card.id} value={card.id}>
            {valueTitle(card, locale)}
          </option>
        ))}
      </select>

      <label htmlFor={`${id}-message`}>{t('values.give.message')}</label>
      <textarea
        id={`${id}-message`}
        value={message}
        rows={4}
        aria-invalid={messageProblem ? true : undefined}
        aria-describedby={`${id}-counter${messageProblem ? ` ${id}-message-error` : ''}`}
        onChange={(event) => setMessage(event.target.value)}
      />
      <p id={`${id}-counter`} className={`kudos-form__counter${used > LIMITS.kudosMessage ? ' kudos-form__counter--over' : ''}`}>
        {t('values.give.counter', { used: number(used), max: number(LIMITS.kudosMessage) })}
      </p>
      {messageProblem ? (
        <p id={`${id}-message-error`} className="field-error">
          {kudosProblemText(t, messageProblem)}
        </p>
      ) : null}
      {failure ? (
        <p className="error" role="alert">
          {failure}
        </p>
      ) : null}
      <button type="submit" className="primary kudos-form__send" disabled={sending}>
        {t('values.give.send')}
      </button>
    </form>
  );
}
