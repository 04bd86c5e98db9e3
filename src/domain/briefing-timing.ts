/**
 * One-tap times for a briefing's "acknowledge by" and "publish later", and
 * where a chosen time falls (today, tomorrow, another day) for saying it in
 * words. Times are datetime-local text in the phone's time zone, as the form
 * holds them (see briefing-draft.ts); `now` is the server's time as the phone
 * counts it, so a phone whose clock is off still offers times to come.
 */
import { dayIn } from './today-plan';

export type DueChoiceId = 'shift_end' | 'in_2_hours' | 'tonight' | 'tomorrow_morning';
export type PublishChoiceId = 'in_1_hour' | 'before_shift' | 'tomorrow_opening';

export interface TimeChoice<Id extends string> {
  id: Id;
  /** datetime-local text, "2026-12-10T21:00". */
  at: string;
}

export interface TimingContext {
  now: Date;
  /** The IANA zone the form's datetime-local text is in: the phone's. */
  timeZone: string;
}

const MINUTE_MS = 60_000;
/** Relative choices land on a clean minute a person would say. */
const ROUND_MINUTES = 5;
const TONIGHT = '21:00';
const TOMORROW_MORNING = '09:00';
/** Before most stores open, so the team reads it on the way in. */
const BEFORE_OPENING = '07:00';
const BEFORE_SHIFT_MINUTES = 60;

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** The instant as datetime-local text on the clocks of `timeZone`. */
export function wallText(instant: Date, timeZone: string): string {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallFormats.set(timeZone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => format.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** A calendar day (YYYY-MM-DD) moved by whole days. */
export function addDays(day: string, days: number): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Wall-clock text moved by minutes on the clock face (a shift's "an hour before 09:00" is 08:00 whatever the zone does). */
function addWallMinutes(text: string, minutes: number): string {
  const [day = '', time = '00:00'] = text.split('T');
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return new Date(Date.UTC(year, month - 1, date, hour, minute + minutes)).toISOString().slice(0, 16);
}

/** `minutes` from now as elapsed time (across a clock change too), rounded up to a clean minute. */
function inMinutes({ now, timeZone }: TimingContext, minutes: number): string {
  const step = ROUND_MINUTES * MINUTE_MS;
  return wallText(new Date(Math.ceil((now.getTime() + minutes * MINUTE_MS) / step) * step), timeZone);
}

/** Distinct choices in order, each still to come (and after `after`, when given). */
function toCome<Id extends string>(choices: ReadonlyArray<TimeChoice<Id> | null>, nowText: string, after = ''): TimeChoice<Id>[] {
  const seen = new Set<string>();
  return choices.filter((c): c is TimeChoice<Id> => {
    if (!c || c.at <= nowText || c.at <= after || seen.has(c.at)) return false;
    seen.add(c.at);
    return true;
  });
}

/**
 * "Acknowledge by" choices: the end of the briefing's shift when it has one,
 * in two hours, tonight at 9 PM (while that is an hour away or more),
 * tomorrow at 9 AM; only times to come, and after the publish time when the
 * briefing is scheduled.
 */
export function dueChoices(context: TimingContext, draft: { shiftDate: string; shiftEnd: string; publishAt: string }): TimeChoice<DueChoiceId>[] {
  const nowText = wallText(context.now, context.timeZone);
  const today = nowText.slice(0, 10);
  const hourAway = inMinutes(context, 60);
  return toCome<DueChoiceId>(
    [
      draft.shiftDate && draft.shiftEnd ? { id: 'shift_end', at: `${draft.shiftDate}T${draft.shiftEnd}` } : null,
      { id: 'in_2_hours', at: inMinutes(context, 120) },
      `${today}T${TONIGHT}` >= hourAway ? { id: 'tonight', at: `${today}T${TONIGHT}` } : null,
      { id: 'tomorrow_morning', at: `${addDays(today, 1)}T${TOMORROW_MORNING}` },
    ],
    nowText,
    draft.publishAt,
  );
}

/**
 * "Publish later" choices: an hour before the briefing's shift starts when it
 * has one, in an hour, tomorrow at 7 AM before opening; only times to come.
 */
export function publishChoices(context: TimingContext, draft: { shiftDate: string; shiftStart: string }): TimeChoice<PublishChoiceId>[] {
  const nowText = wallText(context.now, context.timeZone);
  const today = nowText.slice(0, 10);
  return toCome<PublishChoiceId>(
    [
      draft.shiftDate && draft.shiftStart ? { id: 'before_shift', at: addWallMinutes(`${draft.shiftDate}T${draft.shiftStart}`, -BEFORE_SHIFT_MINUTES) } : null,
      { id: 'in_1_hour', at: inMinutes(context, 60) },
      { id: 'tomorrow_opening', at: `${addDays(today, 1)}T${BEFORE_OPENING}` },
    ],
    nowText,
  );
}

export type WhenDay = 'today' | 'tomorrow' | 'other';

/** Where datetime-local text falls from `now`'s day, for words; null when it is not a date-time. */
export function whenDay(text: string, context: TimingContext): { day: WhenDay; date: string; time: string } | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(text);
  if (!match) return null;
  const [, date = '', time = ''] = match;
  const today = dayIn(context.now, context.timeZone);
  return { day: date === today ? 'today' : date === addDays(today, 1) ? 'tomorrow' : 'other', date, time };
}
