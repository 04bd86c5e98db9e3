import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayIn, matchesSearch, planToday, searchKey, TODAY_SECTIONS, type TodayBriefing } from './today-plan';

const now = new Date('2026-11-22T15:00:00Z'); // 10:00 in New York
const NY = 'America/New_York';
let n = 0;
function b(over: Partial<TodayBriefing> = {}): TodayBriefing {
  n++;
  return {
    id: `b${n}`,
    version: 1,
    content_hash: 'h',
    priority: 'normal',
    requires_ack: false,
    ack_due_at: null,
    publish_at: '2026-11-22T11:00:00Z',
    expires_at: null,
    title: `T${n}`,
    body: 'x',
    store_ids: ['s1'],
    shift_date: '2026-11-22',
    shift_start: '08:00',
    ...over,
  };
}

describe('dayIn', () => {
  it('uses the store time zone, not UTC', () => {
    expect(dayIn(new Date('2026-11-23T03:00:00Z'), NY)).toBe('2026-11-22');
    expect(dayIn(new Date('2026-11-23T03:00:00Z'), 'UTC')).toBe('2026-11-23');
  });
});

describe('planToday', () => {
  it('pins open must-acknowledge items by due time, then today, news and earlier', () => {
    const dueLater = b({ requires_ack: true, ack_due_at: '2026-11-22T20:00:00Z', title: 'later' });
    const dueSoon = b({ requires_ack: true, ack_due_at: '2026-11-22T16:00:00Z', title: 'soon' });
    const critical = b({ priority: 'critical', title: 'critical today' });
    const afternoon = b({ shift_start: '14:00', title: 'afternoon' });
    const morning = b({ shift_start: '07:00', title: 'morning' });
    const news = b({ store_ids: [], shift_date: null, publish_at: '2026-11-21T12:00:00Z', title: 'news' });
    const old = b({ shift_date: '2026-11-20', publish_at: '2026-11-20T11:00:00Z', title: 'old' });
    const scheduled = b({ publish_at: '2026-11-22T18:00:00Z', title: 'not yet' });
    const plan = planToday([dueLater, dueSoon, critical, afternoon, morning, news, old, scheduled], [], now, NY);
    expect(plan.pinned.map((p) => p.briefing.title)).toEqual(['soon', 'later', 'critical today']);
    expect(plan.today.map((p) => p.briefing.title)).toEqual(['morning', 'afternoon']);
    expect(plan.news.map((p) => p.briefing.title)).toEqual(['news']);
    expect(plan.earlier.map((p) => p.briefing.title)).toEqual(['old']);
  });

  it("counts today's must-acknowledge items still left, waiting-to-send counting as done", () => {
    const a = b({ requires_ack: true });
    const c = b({ requires_ack: true });
    const d = b({ requires_ack: true });
    const plan = planToday(
      [a, c, d],
      [
        { briefing_id: a.id, version: 1, content_hash: 'h' },
        { briefing_id: c.id, version: 1, content_hash: 'h', local_state: 'pending' },
      ],
      now,
      NY,
    );
    expect(plan.counter).toEqual({ left: 1, required: 3 });
    expect(plan.pinned.map((p) => p.briefing.id)).toEqual([d.id]);
    expect(plan.done.map((p) => p.briefing.id).sort()).toEqual([a.id, c.id].sort());
  });

  it('keeps a card acknowledged on screen where it was, so nothing jumps under the thumb', () => {
    const first = b({ requires_ack: true, ack_due_at: '2026-11-22T16:00:00Z' });
    const second = b({ requires_ack: true, ack_due_at: '2026-11-22T17:00:00Z' });
    const ack = [{ briefing_id: first.id, version: 1, content_hash: 'h', local_state: 'pending' as const }];
    const held = planToday([first, second], ack, now, NY, { keepInPlace: new Map([[first.id, 'pinned' as const]]) });
    expect(held.pinned.map((p) => [p.briefing.id, p.state])).toEqual([
      [first.id, 'waiting'],
      [second.id, 'needed'],
    ]);
    expect(held.done).toEqual([]);
    expect(held.counter).toEqual({ left: 1, required: 2 });
    const later = planToday([first, second], ack, now, NY);
    expect(later.done.map((p) => p.briefing.id)).toEqual([first.id]);
  });

  it('never asks authors to acknowledge their own briefing, nor counts it for them', () => {
    const mine = b({ requires_ack: true, author_id: 'me', title: 'mine' });
    const theirs = b({ requires_ack: true, author_id: 'someone', title: 'theirs' });
    const plan = planToday([mine, theirs], [], now, NY, { readerId: 'me' });
    expect(plan.counter).toEqual({ left: 1, required: 1 });
    expect(plan.pinned.map((p) => p.briefing.title)).toEqual(['theirs']);
    expect(plan.today.map((p) => [p.briefing.title, p.state])).toEqual([['mine', 'not_required']]);
  });

  it('an acknowledgement of an older version does not unpin the new one', () => {
    const edited = b({ requires_ack: true, version: 2, content_hash: 'h2' });
    const plan = planToday([edited], [{ briefing_id: edited.id, version: 1, content_hash: 'h' }], now, NY);
    expect(plan.pinned).toHaveLength(1);
    expect(plan.counter).toEqual({ left: 1, required: 1 });
  });

  it('places every live briefing in exactly one group', () => {
    const arb = fc.array(
      fc.record({
        requires_ack: fc.boolean(),
        priority: fc.constantFrom('normal', 'important', 'critical'),
        store: fc.boolean(),
        dayOffset: fc.integer({ min: -5, max: 1 }),
        acked: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const list = specs.map((s) =>
          b({
            requires_ack: s.requires_ack,
            priority: s.priority as TodayBriefing['priority'],
            store_ids: s.store ? ['s1'] : [],
            publish_at: new Date(now.getTime() + s.dayOffset * 86_400_000 - 3_600_000).toISOString(),
            shift_date: null,
          }),
        );
        const acks = list.filter((_, i) => specs[i]!.acked).map((x) => ({ briefing_id: x.id, version: 1, content_hash: 'h' }));
        const plan = planToday(list, acks, now, NY);
        const placed = TODAY_SECTIONS.flatMap((section) => plan[section]).map((p) => p.briefing.id);
        const live = list.filter((x) => Date.parse(x.publish_at) <= now.getTime()).map((x) => x.id);
        expect([...placed].sort()).toEqual([...live].sort());
        expect(plan.counter.left).toBeLessThanOrEqual(plan.counter.required);
        expect(plan.counter.required - plan.counter.left).toBe(plan.done.length);
      }),
    );
  });
});

describe('search', () => {
  it('ignores case and accents and needs every word', () => {
    expect(searchKey('Café ÑANDÚ')).toBe('cafe nandu');
    expect(matchesSearch({ title: 'Política de devoluciones', body: 'Sesenta días' }, 'politica DIAS')).toBe(true);
    expect(matchesSearch({ title: 'Returns', body: '60 days' }, 'returns lifting')).toBe(false);
    expect(matchesSearch({ title: 'x', body: 'y' }, '   ')).toBe(true);
  });

  it('finds a briefing by the words of its version in the other language', () => {
    const briefing = { title: 'Freezer door', body: 'Close it.', translation: { title: 'Puerta del congelador', body: 'Ciérrala.' } };
    expect(matchesSearch(briefing, 'congelador')).toBe(true);
    expect(matchesSearch(briefing, 'freezer cierrala')).toBe(true);
    expect(matchesSearch({ ...briefing, translation: null }, 'congelador')).toBe(false);
  });
});
