/**
 * How the Today screen groups a person's briefings, in their store's time zone:
 * pinned (must-acknowledge still open, and today's critical ones) by due time;
 * then today's briefings for their store in shift order; then organisation news;
 * then everything earlier, newest first. Also the "2 of 3 acknowledged today"
 * counter and an accent- and case-insensitive offline search.
 */
import { type AckLike, type AckState, ackState, acksByBriefing, type BriefingLike, dueTime, isLive, PRIORITY_RANK } from './briefing-status';

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

export interface TodayPlan<B extends TodayBriefing> {
  pinned: PlannedBriefing<B>[];
  today: PlannedBriefing<B>[];
  news: PlannedBriefing<B>[];
  earlier: PlannedBriefing<B>[];
  /** Must-acknowledge briefings that concern today, and how many of them are acknowledged (or waiting to send). */
  counter: { acknowledged: number; required: number };
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

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

export function planToday<B extends TodayBriefing>(briefings: readonly B[], acks: readonly AckLike[], now: Date, timeZone: string): TodayPlan<B> {
  const today = dayIn(now, timeZone);
  const newsSince = now.getTime() - NEWS_DAYS * 86_400_000;
  const byBriefing = acksByBriefing(acks);
  const plan: TodayPlan<B> = { pinned: [], today: [], news: [], earlier: [], counter: { acknowledged: 0, required: 0 } };

  for (const briefing of briefings) {
    if (!isLive(briefing, now)) continue;
    const state = ackState(briefing, byBriefing.get(briefing.id) ?? [], now);
    const item = { briefing, state };
    const day = briefing.shift_date ?? dayIn(new Date(briefing.publish_at), timeZone);
    const isToday = day === today;
    const open = state === 'needed' || state === 'overdue' || state === 'rejected';
    const dueToday = briefing.ack_due_at !== null && dayIn(new Date(briefing.ack_due_at), timeZone) === today;

    if (briefing.requires_ack && (isToday || open || dueToday)) {
      plan.counter.required++;
      if (state === 'acknowledged' || state === 'waiting') plan.counter.acknowledged++;
    }
    if (open || (briefing.priority === 'critical' && isToday)) plan.pinned.push(item);
    else if (isToday && briefing.store_ids.length > 0) plan.today.push(item);
    else if (briefing.store_ids.length === 0 && Date.parse(briefing.publish_at) >= newsSince) plan.news.push(item);
    else plan.earlier.push(item);
  }

  plan.pinned.sort(byDueThenPriority);
  plan.today.sort((a, b) => (a.briefing.shift_start ?? '99').localeCompare(b.briefing.shift_start ?? '99') || newestFirst(a, b));
  plan.news.sort(newestFirst);
  plan.earlier.sort(newestFirst);
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

export function matchesSearch(briefing: Pick<TodayBriefing, 'title' | 'body'>, query: string): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchKey(`${briefing.title}\n${briefing.body}`);
  return words.every((word) => haystack.includes(word));
}
