/**
 * How the Today screen groups a person's briefings, in their store's time zone:
 * pinned (must-acknowledge still open, and today's critical ones) by due time;
 * then today's briefings for their store in shift order; then organisation news;
 * then everything earlier, newest first; and what they already acknowledged for
 * today in a group of its own. Also the "2 left to acknowledge today" counter
 * and an accent- and case-insensitive offline search.
 */
import { type AckLike, type AckState, ackState, acksByBriefing, asksAck, type BriefingLike, dueTime, isLive, PRIORITY_RANK } from './briefing-status';

export interface TodayBriefing extends BriefingLike {
  title: string;
  body: string;
  store_ids: readonly string[];
  shift_date: string | null;
  shift_start: string | null;
}

export interface PlannedBriefing<B extends TodayBriefing> {
  briefing: B;
  state: AckState;
}

export const TODAY_SECTIONS = ['pinned', 'today', 'news', 'earlier', 'done'] as const;
export type TodaySection = (typeof TODAY_SECTIONS)[number];

export type TodayPlan<B extends TodayBriefing> = Record<TodaySection, PlannedBriefing<B>[]> & {
  /**
   * Must-acknowledge briefings that concern today: how many there are and how many are still open.
   * "Left" only ever falls as the person acknowledges, so the line never changes meaning under them.
   */
  counter: { left: number; required: number };
};

export interface TodayOptions {
  /** The reader's member id: their own briefings never ask them to acknowledge. */
  readerId?: string | null;
  /**
   * Where cards acknowledged while the screen is open were when the tap happened: they stay there
   * (marked acknowledged) instead of jumping to "done" under the person's thumb.
   */
  keepInPlace?: ReadonlyMap<string, TodaySection>;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** A calendar day (YYYY-MM-DD) read at local noon, so no time zone moves it to the day before. */
export const calendarDay = (day: string) => `${day}T12:00:00`;

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  let format = dayFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, format);
  }
  return format.format(instant);
}

const NEWS_DAYS = 3;

export function planToday<B extends TodayBriefing>(
  briefings: readonly B[],
  acks: readonly AckLike[],
  now: Date,
  timeZone: string,
  { readerId = null, keepInPlace }: TodayOptions = {},
): TodayPlan<B> {
  const today = dayIn(now, timeZone);
  const newsSince = now.getTime() - NEWS_DAYS * 86_400_000;
  const byBriefing = acksByBriefing(acks);
  const plan: TodayPlan<B> = { pinned: [], today: [], news: [], earlier: [], done: [], counter: { left: 0, required: 0 } };

  for (const briefing of briefings) {
    if (!isLive(briefing, now)) continue;
    const state = ackState(briefing, byBriefing.get(briefing.id) ?? [], now, readerId);
    const item = { briefing, state };
    const day = briefing.shift_date ?? dayIn(new Date(briefing.publish_at), timeZone);
    const isToday = day === today;
    const open = state === 'needed' || state === 'overdue' || state === 'rejected';
    const acknowledged = state === 'acknowledged' || state === 'waiting';
    const dueToday = briefing.ack_due_at !== null && dayIn(new Date(briefing.ack_due_at), timeZone) === today;
    const concernsToday = asksAck(briefing, readerId) && (isToday || open || dueToday);

    if (concernsToday) {
      plan.counter.required++;
      if (!acknowledged) plan.counter.left++;
    }
    const held = keepInPlace?.get(briefing.id);
    if (held) plan[held].push(item);
    else if (concernsToday && acknowledged) plan.done.push(item);
    else if (open || (briefing.priority === 'critical' && isToday)) plan.pinned.push(item);
    else if (isToday && briefing.store_ids.length > 0) plan.today.push(item);
    else if (briefing.store_ids.length === 0 && Date.parse(briefing.publish_at) >= newsSince) plan.news.push(item);
    else plan.earlier.push(item);
  }

  plan.pinned.sort(byDueThenPriority);
  plan.today.sort((a, b) => (a.briefing.shift_start ?? '99').localeCompare(b.briefing.shift_start ?? '99') || newestFirst(a, b));
  plan.news.sort(newestFirst);
  plan.earlier.sort(newestFirst);
  plan.done.sort(byDueThenPriority);
  return plan;
}

function byDueThenPriority(a: PlannedBriefing<TodayBriefing>, b: PlannedBriefing<TodayBriefing>): number {
  return dueTime(a.briefing) - dueTime(b.briefing) || PRIORITY_RANK[a.briefing.priority] - PRIORITY_RANK[b.briefing.priority] || newestFirst(a, b);
}

function newestFirst(a: PlannedBriefing<TodayBriefing>, b: PlannedBriefing<TodayBriefing>): number {
  return Date.parse(b.briefing.publish_at) - Date.parse(a.briefing.publish_at) || a.briefing.id.localeCompare(b.briefing.id);
}

/** Folds case and accents so "cafe" finds "Café" on a phone with no network. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

export function matchesSearch(
  briefing: Pick<TodayBriefing, 'title' | 'body'> & { translation?: { title: string; body: string } | null },
  query: string,
): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  // The version in the other language too: a Spanish reader searches the words they were shown.
  const t = briefing.translation;
  const haystack = searchKey([briefing.title, briefing.body, t?.title, t?.body].join('\n'));
  return words.every((word) => haystack.includes(word));
}
