/**
 * One-tap times above a date-time field ("End of shift · 3:00 PM"), and the
 * chosen time in words below it ("Due today at 1:30 PM"). The field stays for
 * any other time; a chip is pressed while the field holds its time.
 */

import { fromLocalInput } from '../../domain/briefing-draft';
import { type TimeChoice, type TimingContext, whenDay } from '../../domain/briefing-timing';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { formattingTag } from '../../ui/i18n/locale';
import './time-choices.css';

export function TimeChoices<Id extends string>({
  legend,
  choices,
  value,
  label,
  onPick,
  testId,
}: {
  legend: string;
  choices: readonly TimeChoice<Id>[];
  value: string;
  label(id: Id): string;
  onPick(at: string): void;
  testId: string;
}) {
  const { locale } = useI18n();
  if (choices.length === 0) return null;
  const time = timeFormat(formattingTag(locale));
  return (
    <fieldset className="time-choices" data-testid={testId}>
      <legend className="visually-hidden">{legend}</legend>
      {choices.map((choice) => {
        const at = fromLocalInput(choice.at);
        return (
          <button key={choice.id} type="button" className="time-choices__chip" aria-pressed={value === choice.at} onClick={() => onPick(choice.at)}>
            <span>{label(choice.id)}</span>
            {at ? <span className="time-choices__time">{time.format(at)}</span> : null}
          </button>
        );
      })}
    </fieldset>
  );
}

/** "Due today at 1:30 PM": the words for each kind of day come from the caller's messages. */
export function WhenWords({
  value,
  context,
  words,
  testId,
}: {
  value: string;
  context: TimingContext;
  words: { today(time: string): string; tomorrow(time: string): string; other(date: string, time: string): string };
  testId: string;
}) {
  const { locale } = useI18n();
  const when = whenDay(value, context);
  const at = fromLocalInput(value);
  if (!when || !at) return null;
  const tag = formattingTag(locale);
  const time = timeFormat(tag).format(at);
  const text =
    when.day === 'today'
      ? words.today(time)
      : when.day === 'tomorrow'
        ? words.tomorrow(time)
        : words.other(new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'short' }).format(at), time);
  return (
    <p className="time-words" aria-live="polite" data-testid={testId}>
      {text}
    </p>
  );
}

function timeFormat(tag: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit' });
}
