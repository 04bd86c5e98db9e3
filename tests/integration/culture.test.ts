/**
 * Values, kudos and learning (#5) on an organisation of their own, so every
 * number is exact: store_roster, store_kudos, kudos_report, values card and
 * lesson authoring, and training_report. Each rule is tried as the user who
 * should be refused; expected numbers are worked out from what the test made
 * (support/culture.ts), never typed in.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import type { QuizQuestion, RpcArgs } from '../../src/data/supabase/types';
import {
  type Attempt,
  type AuthoredLesson,
  attempt,
  expectedKudosReport,
  expectedTraining,
  expectedWall,
  expectRefused,
  type Person,
  type Role,
  refusal,
  reportCounts,
  rpc,
  type SentKudos,
  type Store,
  sendKudos,
  wallIds,
} from './support/culture';
import { createMember, createOrg, DEMO, mutation, pullAll, push, SEED, signIn, sql, type TestMember } from './support/fixtures';

let orgId: string;
let harbour: Store;
let pier: Store;
let floor: string;
let till: string;
let hr: Person;
let managerA: Person;
let managerB: Person;
let a1: Person;
let a2: Person;
let a3: Person;
let b1: Person;
let x1: Person;
let office: Person;
let people: Person[];
let other: { orgId: string; storeId: string; departmentId: string };
let otherHr: TestMember;
let otherStaff: TestMember;
const values = { guests: '', own: '', team: '' };
const kudos: SentKudos[] = [];

async function person(name: string, store: string | null, department: string | null, role: Role = 'staff', manages: string[] = []): Promise<Person> {
  const member = await createMember({ orgId, storeId: store, departmentId: department, role, manages });
  await sql('update public.members set display_name = $2 where id = $1', [member.memberId, name]);
  return { member, name, store, department, role, active: true };
}

async function saveCard(title: string, position?: number): Promise<string> {
  const card = await rpc(hr.member.client, 'save_value_card', {
    p_id: randomUUID(),
    p_title: title,
    p_statement: `${title}, every shift.`,
    p_on_the_floor: 'Show it.',
    p_examples: [`${title} example`],
    ...(position === undefined ? {} : { p_position: position }),
  });
  return card.id;
}

async function cardsInOrder(): Promise<{ id: string; position: number; title: string; statement: string; archived: boolean }[]> {
  return sql(
    `select id, position, title, statement, archived_at is not null as archived from public.value_cards
              where org_id = $1 order by archived_at nulls first, position, id`,
    [orgId],
  );
}

beforeAll(async () => {
  const base = await createOrg();
  orgId = base.orgId;
  const [p] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Pier', 'UTC') returning id`, [orgId]);
  const [t] = await sql<{ id: string }>(`insert into public.departments (org_id, name) values ($1, 'Till') returning id`, [orgId]);
  harbour = { id: base.storeId, name: 'Harbour' };
  pier = { id: p!.id, name: 'Pier' };
  floor = base.departmentId;
  till = t!.id;
  [hr, managerA, managerB, a1, a2, a3, b1, x1, office] = await Promise.all([
    person('Hana Office', null, null, 'hr'),
    person('Mona Harbour', harbour.id, null, 'manager', [harbour.id]),
    person('Mike Pier', pier.id, null, 'manager', [pier.id]),
    person('Ava Floor', harbour.id, floor),
    person('Ben Floor', harbour.id, floor),
    person('Cara Till', harbour.id, till),
    person('Dan Pier', pier.id, floor),
    person('Zed Gone', harbour.id, floor),
    person('Olga Office', null, floor),
  ]);
  people = [hr, managerA, managerB, a1, a2, a3, b1, x1, office];
  other = await createOrg();
  [otherHr, otherStaff] = await Promise.all([
    createMember({ orgId: other.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: other.orgId, storeId: other.storeId, departmentId: other.departmentId }),
  ]);

  values.guests = await saveCard('Guests first');
  values.own = await saveCard('Own it');
  values.team = await saveCard('One team');

  await sendKudos(a1, a2, values.guests, 1, kudos);
  await sendKudos(a2, a1, values.guests, 2, kudos);
  await sendKudos(a3, a1, values.own, 3, kudos);
  await sendKudos(b1, a3, values.guests, 4, kudos);
  await sendKudos(a1, b1, values.own, 5, kudos);
  await sendKudos(managerB, b1, null, 6, kudos);
  await sendKudos(a2, hr, values.team, 7, kudos);
  await sendKudos(a1, a3, values.team, 120, kudos);
  await sendKudos(x1, a2, values.own, 8, kudos);
  await sendKudos(a3, managerA, values.team, 9, kudos);
});

async function deactivate(p: Person): Promise<void> {
  await sql('update public.members set active = false where id = $1', [p.member.memberId]);
  p.active = false;
}

describe('store_roster', () => {
  it('lists the other active members of my store by name, names and departments only', async () => {
    const roster = await rpc(a1.member.client, 'store_roster', {});
    const expected = people.filter((p) => p.active && p.store === harbour.id && p !== a1).sort((x, y) => x.name.localeCompare(y.name));
    expect(roster.map((r) => r.member_id)).toEqual(expected.map((p) => p.member.memberId));
    expect(roster.map((r) => r.display_name)).toEqual(expected.map((p) => p.name));
    expect(roster.find((r) => r.member_id === a3.member.memberId)).toEqual({
      member_id: a3.member.memberId,
      display_name: 'Cara Till',
      department_id: till,
      department_name: 'Till',
    });
    expect(roster.find((r) => r.member_id === managerA.member.memberId)).toMatchObject({ department_id: null, department_name: null });
    for (const row of roster) expect(Object.keys(row).sort()).toEqual(['department_id', 'department_name', 'display_name', 'member_id']);
    expect(JSON.stringify(roster)).not.toContain('@');
  });

  it('a deactivated colleague leaves the roster and is refused; head office gets an empty roster', async () => {
    const before = await rpc(a2.member.client, 'store_roster', {});
    expect(before.map((r) => r.member_id)).toContain(x1.member.memberId);
    await deactivate(x1);
    const after = await rpc(a2.member.client, 'store_roster', {});
    expect(after.map((r) => r.member_id)).toEqual(before.map((r) => r.member_id).filter((id) => id !== x1.member.memberId));
    await expectRefused(x1.member.client, 'store_roster', {}, 403, 'member_inactive');
    expect(await rpc(hr.member.client, 'store_roster', {})).toEqual([]);
    expect(await rpc(office.member.client, 'store_roster', {})).toEqual([]);
  });

  it('never crosses stores or organisations', async () => {
    const pierRoster = await rpc(b1.member.client, 'store_roster', {});
    expect(pierRoster.map((r) => r.member_id)).toEqual([managerB.member.memberId]);
    const outsider = await rpc(otherStaff.client, 'store_roster', {});
    expect(outsider).toEqual([]);
    const downtown = await rpc(await signIn(DEMO.managerDowntown), 'store_roster', {});
    const riverside = (await sql<{ id: string }>('select id from public.members where store_id = $1', [SEED.riverside])).map((r) => r.id);
    expect(downtown.length).toBeGreaterThan(0);
    expect(downtown.map((r) => r.member_id).filter((id) => riverside.includes(id))).toEqual([]);
    expect(downtown.map((r) => r.member_id)).toContain(SEED.alexMember);
  });
});

describe('store_kudos', () => {
  it("shows my store's wall and what I gave or got, newest first, with names and values", async () => {
    for (const me of [a1, a2, a3, b1, managerA, managerB, hr]) {
      expect(wallIds(await rpc(me.member.client, 'store_kudos', {})), me.name).toEqual(expectedWall(me, kudos));
    }
    const wall = await rpc(a2.member.client, 'store_kudos', {});
    const first = kudos.find((k) => k.id === wall[0]!.id)!;
    expect(wall[0]).toEqual({
      id: first.id,
      from_member_id: first.from.member.memberId,
      from_name: first.from.name,
      to_member_id: first.to.member.memberId,
      to_name: first.to.name,
      value_card_id: values.guests,
      value_title: 'Guests first',
      message: expect.any(String),
      created_at: expect.any(String),
    });
    expect(Date.parse(wall[0]!.created_at)).toBe(Date.parse(first.createdAt));
    const noValue = (await rpc(b1.member.client, 'store_kudos', {})).find((k) => k.from_member_id === managerB.member.memberId);
    expect(noValue).toMatchObject({ value_card_id: null, value_title: null, from_name: 'Mike Pier' });
  });

  it("a deactivated giver's kudos stay on the wall with their name; they themselves are refused", async () => {
    const fromGone = kudos.find((k) => k.from === x1)!;
    expect((await rpc(a2.member.client, 'store_kudos', {})).find((k) => k.id === fromGone.id)?.from_name).toBe('Zed Gone');
    await expectRefused(x1.member.client, 'store_kudos', {}, 403, 'member_inactive');
  });

  it('takes a limit from 1 to 500', async () => {
    expect(wallIds(await rpc(a1.member.client, 'store_kudos', { p_limit: 2 }))).toEqual(expectedWall(a1, kudos, 2));
    for (const p_limit of [0, 501, -1]) await expectRefused(a1.member.client, 'store_kudos', { p_limit }, 400, 'invalid_limit');
  });

  it("a Downtown manager never sees Riverside's wall; another organisation sees nothing of ours", async () => {
    const giver = await createMember({ storeId: SEED.riverside, departmentId: SEED.stockroom });
    const [riley] = await sql<{ id: string }>(`select id from public.members where email = $1`, [DEMO.riley]);
    const m = mutation('kudos', { to_member_id: riley!.id, message: `Riverside thanks ${randomUUID()}` });
    expect((await push(giver.client, [m]))[0]?.status).toBe('applied');
    const downtown = await rpc(await signIn(DEMO.managerDowntown), 'store_kudos', { p_limit: 500 });
    expect(downtown.map((k) => k.id)).not.toContain(m.id);
    expect(downtown.every((k) => k.to_member_id !== riley!.id)).toBe(true);
    expect((await rpc(await signIn(DEMO.managerRiverside), 'store_kudos', { p_limit: 500 })).map((k) => k.id)).toContain(m.id);
    const ours = new Set(kudos.map((k) => k.id));
    for (const client of [otherHr.client, otherStaff.client]) {
      expect((await rpc(client, 'store_kudos', { p_limit: 500 })).filter((k) => ours.has(k.id))).toEqual([]);
    }
  });
});

describe('kudos_report', () => {
  it('HR: every store, counted by value, over the last 90 days by default', async () => {
    const report = await rpc(hr.member.client, 'kudos_report', {});
    expect(report.days).toBe(90);
    expect(reportCounts(report)).toEqual(expectedKudosReport([harbour, pier], kudos, 90));
    expect(report.by_store.reduce((n, s) => n + s.total, 0)).toBeGreaterThan(0);
    const harbourRow = report.by_store.find((s) => s.store_id === harbour.id)!;
    const counts = harbourRow.by_value.map((v) => v.count);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(harbourRow.by_value.find((v) => v.value_card_id === values.guests)?.value_title).toBe('Guests first');
    const year = await rpc(hr.member.client, 'kudos_report', { p_days: 366 });
    expect(reportCounts(year)).toEqual(expectedKudosReport([harbour, pier], kudos, 366));
    expect(year.by_store.reduce((n, s) => n + s.total, 0)).toBe(report.by_store.reduce((n, s) => n + s.total, 0) + 1);
  });

  it('a manager sees only their store, with the numbers HR sees there', async () => {
    const hrView = reportCounts(await rpc(hr.member.client, 'kudos_report', {}));
    expect(reportCounts(await rpc(managerA.member.client, 'kudos_report', {}))).toEqual(hrView.filter((s) => s.store_id === harbour.id));
    expect(reportCounts(await rpc(managerB.member.client, 'kudos_report', {}))).toEqual(hrView.filter((s) => s.store_id === pier.id));
    const downtown = await rpc(await signIn(DEMO.managerDowntown), 'kudos_report', {});
    expect(downtown.by_store.map((s) => s.store_id)).toEqual([SEED.downtown]);
  });

  it('refuses staff, bad windows and deactivated managers; another organisation sees none of ours', async () => {
    for (const p of [a1, office]) await expectRefused(p.member.client, 'kudos_report', {}, 403, 'forbidden');
    for (const p_days of [0, 367]) await expectRefused(hr.member.client, 'kudos_report', { p_days }, 400, 'invalid_days');
    const ids = (await rpc(otherHr.client, 'kudos_report', {})).by_store.map((s) => s.store_id);
    expect(ids).toEqual([other.storeId]);
    const gone = await person('Gina Gone', harbour.id, null, 'manager', [harbour.id]);
    await deactivate(gone);
    await expectRefused(gone.member.client, 'kudos_report', {}, 403, 'member_inactive');
  });
});

describe('values card authoring', () => {
  it('new cards go to the end, or to the position asked, and the others move down', async () => {
    expect((await cardsInOrder()).map((c) => [c.id, c.position])).toEqual([
      [values.guests, 1],
      [values.own, 2],
      [values.team, 3],
    ]);
    const first = await saveCard('Safe every time', 1);
    expect((await cardsInOrder()).map((c) => [c.id, c.position])).toEqual([
      [first, 1],
      [values.guests, 2],
      [values.own, 3],
      [values.team, 4],
    ]);
    const edited = await rpc(hr.member.client, 'save_value_card', {
      p_id: values.own,
      p_title: 'Own it',
      p_statement: 'If you see it, you own it.',
      p_examples: ['Stayed late', 'Fixed a shelf'],
    });
    expect(edited).toMatchObject({ id: values.own, position: 3, statement: 'If you see it, you own it.', examples: ['Stayed late', 'Fixed a shelf'] });
    await rpc(hr.member.client, 'reorder_value_cards', { p_ids: [values.guests, values.own, values.team, first] });
    expect((await cardsInOrder()).map((c) => c.id)).toEqual([values.guests, values.own, values.team, first]);
  });

  it('staff and managers cannot write, order or archive cards, and nothing changes', async () => {
    const before = await cardsInOrder();
    for (const p of [a1, managerA]) {
      await expectRefused(p.member.client, 'save_value_card', { p_id: values.guests, p_title: 'Mine', p_statement: 'Mine.' }, 403, 'forbidden');
      await expectRefused(p.member.client, 'save_value_card', { p_id: randomUUID(), p_title: 'New', p_statement: 'New.' }, 403, 'forbidden');
      await expectRefused(p.member.client, 'archive_value_card', { p_id: values.guests }, 403, 'forbidden');
      await expectRefused(p.member.client, 'reorder_value_cards', { p_ids: before.map((c) => c.id).reverse() }, 403, 'forbidden');
    }
    await expectRefused(otherHr.client, 'save_value_card', { p_id: values.guests, p_title: 'Ours now', p_statement: 'Taken.' }, 400, 'unknown_value_card');
    await expectRefused(otherHr.client, 'archive_value_card', { p_id: values.guests }, 400, 'unknown_value_card');
    expect(await cardsInOrder()).toEqual(before);
  });

  it('bad input gets a clear error and changes nothing', async () => {
    const before = await cardsInOrder();
    const fresh = randomUUID();
    const card = (over: Partial<RpcArgs['save_value_card']>): RpcArgs['save_value_card'] => ({ p_id: fresh, p_title: 'Fine', p_statement: 'Fine.', ...over });
    const cases: [RpcArgs['save_value_card'], string][] = [
      [card({ p_title: null as unknown as string }), 'missing_field'],
      [card({ p_title: '   ' }), 'too_short'],
      [card({ p_title: 'x'.repeat(121) }), 'too_long'],
      [card({ p_statement: 's'.repeat(1001) }), 'too_long'],
      [card({ p_on_the_floor: 'f'.repeat(2001) }), 'too_long'],
      [card({ p_examples: Array.from({ length: 11 }, (_, i) => `Example ${i}`) }), 'too_many_examples'],
      [card({ p_examples: ['Good', ' '] }), 'too_short'],
      [card({ p_examples: ['e'.repeat(501)] }), 'too_long'],
      [card({ p_position: 0 }), 'out_of_range'],
      [card({ p_position: before.length + 2 }), 'out_of_range'],
      [card({ p_id: values.guests, p_position: before.length + 1 }), 'out_of_range'],
      [card({ p_id: values.guests, p_statement: '' }), 'too_short'],
    ];
    for (const [args, detail] of cases) await expectRefused(hr.member.client, 'save_value_card', args, 400, detail);
    await expectRefused(hr.member.client, 'archive_value_card', { p_id: randomUUID() }, 400, 'unknown_value_card');
    expect(await cardsInOrder()).toEqual(before);
    expect(await sql('select 1 from public.value_cards where id = $1', [fresh])).toEqual([]);
  });

  it('a reorder must list exactly the live cards, each once', async () => {
    const before = await cardsInOrder();
    const ids = before.filter((c) => !c.archived).map((c) => c.id);
    const [demoCard] = await sql<{ id: string }>('select id from public.value_cards where org_id = $1 limit 1', [SEED.org]);
    for (const p_ids of [ids.slice(1), [...ids, randomUUID()], [...ids.slice(1), ids[1]!], [...ids.slice(1), demoCard!.id], []]) {
      await expectRefused(hr.member.client, 'reorder_value_cards', { p_ids }, 400, 'invalid_order');
    }
    expect(await cardsInOrder()).toEqual(before);
  });

  it('edits, new order and archiving reach a staff phone on its next sync_pull', async () => {
    const phone = await pullAll(a1.member.client);
    const held = phone.pages.flatMap((p) => p.value_cards);
    expect(held.map((c) => c.id)).toEqual(expect.arrayContaining([values.guests, values.own, values.team]));
    const live = (await cardsInOrder()).filter((c) => !c.archived).map((c) => c.id);
    const doomed = live.at(-1)!;

    await rpc(hr.member.client, 'save_value_card', { p_id: values.team, p_title: 'One team', p_statement: 'We win as a store.' });
    await rpc(hr.member.client, 'reorder_value_cards', { p_ids: [values.team, ...live.filter((id) => id !== values.team)] });
    const archived = await rpc(hr.member.client, 'archive_value_card', { p_id: doomed });
    expect(archived.id).toBe(doomed);
    expect(await rpc(hr.member.client, 'archive_value_card', { p_id: doomed })).toEqual(archived);

    const next = await pullAll(a1.member.client, 500, phone.cursor);
    const cards = next.pages.flatMap((p) => p.value_cards);
    const removed = next.pages.flatMap((p) => p.removed);
    expect(removed).toContain(doomed);
    expect(cards.map((c) => c.id)).not.toContain(doomed);
    expect(cards.find((c) => c.id === values.team)).toMatchObject({ statement: 'We win as a store.', position: 1 });
    const remaining = await cardsInOrder();
    expect(remaining.filter((c) => !c.archived).map((c) => c.position)).toEqual([1, 2, 3]);
    expect((await pullAll(a3.member.client)).pages.flatMap((p) => p.value_cards).map((c) => c.id)).not.toContain(doomed);

    await expectRefused(hr.member.client, 'save_value_card', { p_id: doomed, p_title: 'Back', p_statement: 'Again.' }, 400, 'value_card_archived');
    await expectRefused(
      hr.member.client,
      'reorder_value_cards',
      { p_ids: [...remaining.filter((c) => !c.archived).map((c) => c.id), doomed] },
      400,
      'invalid_order',
    );
    const [late] = await push(a1.member.client, [mutation('kudos', { to_member_id: a2.member.memberId, value_card_id: doomed, message: 'For an old value' })]);
    expect(late).toMatchObject({ status: 'rejected', code: 'unknown_value' });
  });
});

/** Two questions: q1 single (right: a), q2 multiple (right: a and c). */
function quiz(q1Right = 'a'): QuizQuestion[] {
  return [
    {
      id: 'q1',
      prompt: 'How soon do you greet a guest?',
      kind: 'single',
      options: [
        { id: 'a', text: 'Within 10 seconds' },
        { id: 'b', text: 'Later' },
      ],
      correct: [q1Right],
      explanation: 'Guests notice being noticed.',
    },
    {
      id: 'q2',
      prompt: 'Which are open questions?',
      kind: 'multiple',
      options: [
        { id: 'a', text: 'What brings you in?' },
        { id: 'b', text: 'Can I help?' },
        { id: 'c', text: 'Who is it for?' },
      ],
      correct: ['a', 'c'],
      explanation: 'They cannot be answered with yes or no.',
    },
  ];
}
/** quiz() and a third, single-choice question (right: a), so scores fall in thirds. */
function quiz3(): QuizQuestion[] {
  return [
    ...quiz(),
    {
      id: 'q3',
      prompt: 'Who lifts a 30 kg box?',
      kind: 'single',
      options: [
        { id: 'a', text: 'Two people' },
        { id: 'b', text: 'Whoever is nearest' },
      ],
      correct: ['a'],
      explanation: 'Over 23 kg is always a two-person lift.',
    },
  ];
}
const cards = [
  { title: 'Within 10 seconds', body: 'Say hello within ten seconds.' },
  { title: 'Walk, do not point', body: 'Take the guest there.' },
];

describe('lessons and training', () => {
  const lessons: AuthoredLesson[] = [];
  const attempts: Attempt[] = [];
  let greeting: AuthoredLesson;
  let delivery: AuthoredLesson;
  let till3: AuthoredLesson;

  async function save(
    lesson: Omit<AuthoredLesson, 'versions' | 'archived'>,
    q: QuizQuestion[],
    passMark: number,
    extra: Partial<RpcArgs['save_lesson']> = {},
  ): Promise<AuthoredLesson> {
    const saved = await rpc(hr.member.client, 'save_lesson', {
      p_id: lesson.id,
      p_title: lesson.title,
      p_summary: 'Short.',
      p_minutes: 3,
      p_cards: cards,
      p_quiz: q,
      p_pass_mark: passMark,
      p_store_ids: lesson.store_ids,
      p_department_ids: lesson.department_ids,
      p_roles: lesson.roles,
      ...extra,
    });
    let known = lessons.find((l) => l.id === saved.id);
    if (!known) {
      known = { ...lesson, archived: false, versions: new Map() };
      lessons.push(known);
    }
    known.title = saved.title;
    known.versions.set(saved.version, { quiz: saved.quiz, passMark: saved.pass_mark });
    return known;
  }

  async function lessonRows(): Promise<unknown[]> {
    return sql(
      `select l.id, l.title, l.version, l.cards, l.quiz, l.pass_mark, l.minutes, l.store_ids, l.department_ids, l.roles,
                       l.archived_at, l.sync_seq, (select count(*)::int from public.lesson_versions v where v.lesson_id = l.id) as versions
                from public.lessons l where l.org_id = $1 order by l.id`,
      [orgId],
    );
  }

  const all = { q1: ['a'], q2: ['a', 'c'] };
  const half = { q1: ['b'], q2: ['a', 'c'] };
  const none = { q1: ['b'], q2: ['b'] };

  beforeAll(async () => {
    greeting = await save({ id: randomUUID(), title: 'Greeting guests', store_ids: [], department_ids: [], roles: [] }, quiz(), 60);
    delivery = await save({ id: randomUUID(), title: 'Delivery day', store_ids: [pier.id], department_ids: [], roles: [] }, quiz3(), 100);
    till3 = await save({ id: randomUUID(), title: 'Till drawer', store_ids: [], department_ids: [till], roles: ['staff'] }, quiz(), 50);
    await attempt(a1, greeting, 1, all, attempts);
    await attempt(a3, greeting, 1, half, attempts);
    await attempt(b1, delivery, 1, { ...half, q3: ['a'] }, attempts);
    await attempt(b1, delivery, 1, { ...all, q3: ['a'] }, attempts);
    await attempt(managerB, delivery, 1, { ...none, q3: ['a'] }, attempts);
    await attempt(a3, till3, 1, none, attempts);
    await attempt(managerA, greeting, 1, none, attempts);
  });

  it('HR create lessons at version 1 with their audience', async () => {
    const [row] = await sql<{ version: number; store_ids: string[]; versions: number }>(
      `select l.version, l.store_ids, (select count(*)::int from public.lesson_versions v where v.lesson_id = l.id) as versions
       from public.lessons l where l.id = $1`,
      [delivery.id],
    );
    expect(row).toEqual({ version: 1, store_ids: [pier.id], versions: 1 });
    const pierPhone = (await pullAll(b1.member.client)).pages.flatMap((p) => p.lessons).map((l) => l.id);
    const harbourPhone = (await pullAll(a2.member.client)).pages.flatMap((p) => p.lessons).map((l) => l.id);
    expect(pierPhone).toEqual(expect.arrayContaining([greeting.id, delivery.id]));
    expect(harbourPhone).toContain(greeting.id);
    expect(harbourPhone).not.toContain(delivery.id);
    expect(harbourPhone).not.toContain(till3.id);
  });

  it('authored_lessons gives HR every live lesson with its audience, even those HR is not in; others are refused', async () => {
    const listed = await rpc(hr.member.client, 'authored_lessons', {});
    const byId = new Map(listed.map((l) => [l.id, l]));
    expect(byId.get(delivery.id)).toMatchObject({ title: 'Delivery day', store_ids: [pier.id], department_ids: [], roles: [], version: 1 });
    expect(byId.get(till3.id)).toMatchObject({ store_ids: [], department_ids: [till], roles: ['staff'] });
    expect(listed.map((l) => l.title)).toEqual(listed.map((l) => l.title).sort((a, b) => a.localeCompare(b)));
    for (const p of [a1, managerA]) await expectRefused(p.member.client, 'authored_lessons', {}, 403, 'forbidden');
    const theirs = await rpc(otherHr.client, 'authored_lessons', {});
    expect(theirs.map((l) => l.id)).not.toEqual(expect.arrayContaining([greeting.id]));
  });

  it('staff and managers cannot author or archive lessons; nor can another organisation', async () => {
    const before = await lessonRows();
    const args: RpcArgs['save_lesson'] = { p_id: greeting.id, p_title: 'Mine', p_summary: '', p_minutes: 2, p_cards: cards, p_quiz: quiz() };
    for (const p of [a1, managerA, office]) {
      await expectRefused(p.member.client, 'save_lesson', args, 403, 'forbidden');
      await expectRefused(p.member.client, 'save_lesson', { ...args, p_id: randomUUID() }, 403, 'forbidden');
      await expectRefused(p.member.client, 'archive_lesson', { p_id: greeting.id }, 403, 'forbidden');
    }
    await expectRefused(otherHr.client, 'save_lesson', args, 400, 'unknown_lesson');
    await expectRefused(otherHr.client, 'archive_lesson', { p_id: greeting.id }, 400, 'unknown_lesson');
    expect(await lessonRows()).toEqual(before);
  });

  it('a bad shape, a wrong answer key or oversized text is refused and changes nothing', async () => {
    const before = await lessonRows();
    const fresh = randomUUID();
    const base: RpcArgs['save_lesson'] = { p_id: fresh, p_title: 'Fine', p_summary: 'Fine.', p_minutes: 3, p_cards: cards, p_quiz: quiz() };
    const q = quiz();
    const bad = (over: Record<string, unknown>) => ({ ...base, ...over }) as RpcArgs['save_lesson'];
    const withQ = (change: (q: Record<string, unknown>[]) => void) => {
      const copy = structuredClone(q) as unknown as Record<string, unknown>[];
      change(copy);
      return bad({ p_quiz: copy });
    };
    const cases: [RpcArgs['save_lesson'], string][] = [
      [bad({ p_title: '' }), 'too_short'],
      [bad({ p_title: 't'.repeat(201) }), 'too_long'],
      [bad({ p_summary: 's'.repeat(1001) }), 'too_long'],
      [bad({ p_minutes: 0 }), 'out_of_range'],
      [bad({ p_minutes: 11 }), 'out_of_range'],
      [bad({ p_pass_mark: 101 }), 'out_of_range'],
      [bad({ p_pass_mark: -1 }), 'out_of_range'],
      [bad({ p_cards: {} }), 'invalid_cards'],
      [bad({ p_cards: [] }), 'invalid_cards'],
      [bad({ p_cards: [{ title: 'No body' }] }), 'invalid_cards'],
      [bad({ p_cards: [{ title: 'T', body: 'B', script: '<x>' }] }), 'invalid_cards'],
      [bad({ p_cards: [{ title: 'T', body: 42 }] }), 'invalid_cards'],
      [bad({ p_cards: [{ title: 'T', body: 'b'.repeat(4001) }] }), 'too_long'],
      [bad({ p_cards: Array.from({ length: 21 }, () => cards[0]) }), 'invalid_cards'],
      [bad({ p_quiz: 'quiz' }), 'invalid_quiz'],
      [bad({ p_quiz: [] }), 'invalid_quiz'],
      [
        withQ((x) => {
          x[0]!.kind = 'essay';
        }),
        'invalid_quiz',
      ],
      [
        withQ((x) => {
          x[0]!.correct = ['a', 'b'];
        }),
        'invalid_correct',
      ],
      [
        withQ((x) => {
          x[1]!.correct = [];
        }),
        'invalid_correct',
      ],
      [
        withQ((x) => {
          x[1]!.correct = ['a', 'a'];
        }),
        'invalid_correct',
      ],
      [
        withQ((x) => {
          x[1]!.correct = [1];
        }),
        'invalid_correct',
      ],
      [
        withQ((x) => {
          x[0]!.correct = ['z'];
        }),
        'unknown_option',
      ],
      [
        withQ((x) => {
          x[1]!.correct = ['a', 'd'];
        }),
        'unknown_option',
      ],
      [
        withQ((x) => {
          x[0]!.options = [
            { id: 'a', text: 'One' },
            { id: 'a', text: 'Two' },
          ];
        }),
        'invalid_quiz',
      ],
      [
        withQ((x) => {
          x[0]!.options = [{ id: 'a', text: 'Only one' }];
        }),
        'invalid_quiz',
      ],
      [
        withQ((x) => {
          x[0]!.options = [
            { id: 'a', text: 'One', correct: true },
            { id: 'b', text: 'Two' },
          ];
        }),
        'invalid_quiz',
      ],
      [
        withQ((x) => {
          x[1]!.id = 'q1';
        }),
        'invalid_quiz',
      ],
      [
        withQ((x) => {
          delete x[0]!.explanation;
        }),
        'invalid_quiz',
      ],
      [
        withQ((x) => {
          x[0]!.points = 5;
        }),
        'invalid_quiz',
      ],
      [
        withQ((x) => {
          x[0]!.prompt = 'p'.repeat(501);
        }),
        'too_long',
      ],
      [
        withQ((x) => {
          x[0]!.explanation = 'e'.repeat(1001);
        }),
        'too_long',
      ],
      [bad({ p_store_ids: [other.storeId] }), 'unknown_store'],
      [bad({ p_department_ids: [other.departmentId] }), 'unknown_department'],
      [bad({ p_roles: ['boss'] }), 'invalid_roles'],
      [
        bad({
          p_id: greeting.id,
          p_quiz: (() => {
            const c = quiz();
            c[0]!.correct = ['a', 'b'];
            return c;
          })(),
        }),
        'invalid_correct',
      ],
      [bad({ p_id: greeting.id, p_base_version: 7 }), 'version_conflict'],
    ];
    for (const [args, detail] of cases) await expectRefused(hr.member.client, 'save_lesson', args, 400, detail);
    await expectRefused(hr.member.client, 'archive_lesson', { p_id: randomUUID() }, 400, 'unknown_lesson');
    expect(await lessonRows()).toEqual(before);
  });

  it('an edit of the content makes version 2; attempts keep their version; a title edit keeps the version', async () => {
    const phone = await pullAll(a2.member.client);
    const renamed = await save({ ...greeting, title: 'Greeting every guest' }, quiz(), 60, { p_base_version: 1 });
    expect([...renamed.versions.keys()]).toEqual([1]);
    await save(greeting, quiz('b'), 60, { p_base_version: 1 });
    expect([...greeting.versions.keys()]).toEqual([1, 2]);
    const stored = await sql<{ version: number }>('select version from public.lesson_versions where lesson_id = $1 order by version', [greeting.id]);
    expect(stored.map((v) => v.version)).toEqual([1, 2]);
    await expectRefused(
      hr.member.client,
      'save_lesson',
      {
        p_id: greeting.id,
        p_title: 'Stale',
        p_summary: '',
        p_minutes: 3,
        p_cards: cards,
        p_quiz: quiz(),
        p_base_version: 1,
      },
      400,
      'version_conflict',
    );

    const next = await pullAll(a2.member.client, 500, phone.cursor);
    expect(next.pages.flatMap((p) => p.lessons).find((l) => l.id === greeting.id)).toMatchObject({
      version: 2,
      title: 'Greeting every guest',
      quiz: quiz('b'),
    });
    // a2 answers v2; a1's phone was offline and sends another v1 attempt now.
    await attempt(a2, greeting, 2, all, attempts);
    await attempt(a1, greeting, 1, half, attempts);
    const rows = await sql<{ member_id: string; lesson_version: number; score: number; passed: boolean }>(
      'select member_id, lesson_version, score, passed from public.lesson_attempts where lesson_id = $1 order by received_at',
      [greeting.id],
    );
    expect(rows.map((r) => [r.member_id, r.lesson_version, r.score, r.passed])).toEqual(
      attempts.filter((a) => a.lessonId === greeting.id).map((a) => [a.person.member.memberId, a.version, a.score, a.passed]),
    );
    expect(rows.filter((r) => r.lesson_version === 1)).toHaveLength(attempts.filter((a) => a.lessonId === greeting.id && a.version === 1).length);
  });

  it('training_report: HR every store, managers only theirs, with the same numbers', async () => {
    const report = await rpc(hr.member.client, 'training_report', {});
    expect(report.lessons).toEqual(expectedTraining([harbour, pier], people, lessons, attempts));
    const g = report.lessons.find((l) => l.lesson_id === greeting.id)!;
    expect(g.version).toBe(2);
    expect(g.by_store.find((s) => s.store_id === harbour.id)!.completed).toBeGreaterThanOrEqual(3);
    // Best scores of 100 and 33 at Pier: the average keeps its decimal.
    expect(report.lessons.find((l) => l.lesson_id === delivery.id)!.by_store[0]!.average_score! % 1).not.toBe(0);

    const a = await rpc(managerA.member.client, 'training_report', {});
    expect(a.lessons).toEqual(expectedTraining([harbour], people, lessons, attempts));
    expect(a.lessons.map((l) => l.lesson_id)).not.toContain(delivery.id);
    expect(a.lessons.flatMap((l) => l.by_store).every((s) => s.store_id === harbour.id)).toBe(true);
    const b = await rpc(managerB.member.client, 'training_report', {});
    expect(b.lessons).toEqual(expectedTraining([pier], people, lessons, attempts));
    expect(b.lessons.flatMap((l) => l.by_store).every((s) => s.store_id === pier.id)).toBe(true);
  });

  it('training_report refuses staff and deactivated members; other organisations and stores see none of it', async () => {
    for (const p of [a1, office]) await expectRefused(p.member.client, 'training_report', {}, 403, 'forbidden');
    await expectRefused(x1.member.client, 'training_report', {}, 403, 'member_inactive');
    const outsider = await rpc(otherHr.client, 'training_report', {});
    expect(outsider.lessons.map((l) => l.lesson_id)).not.toContain(greeting.id);
    const downtown = await rpc(await signIn(DEMO.managerDowntown), 'training_report', {});
    expect(downtown.lessons.length).toBeGreaterThan(0);
    expect(downtown.lessons.flatMap((l) => l.by_store).every((s) => s.store_id === SEED.downtown)).toBe(true);
    const demoHr = await rpc(await signIn(DEMO.hr), 'training_report', {});
    expect(new Set(demoHr.lessons.flatMap((l) => l.by_store.map((s) => s.store_id)))).toEqual(new Set([SEED.downtown, SEED.riverside]));
  });

  it('an archived lesson leaves the phones that had it, and the report', async () => {
    const phone = await pullAll(a3.member.client);
    expect(phone.pages.flatMap((p) => p.lessons).map((l) => l.id)).toContain(till3.id);
    const archived = await rpc(hr.member.client, 'archive_lesson', { p_id: till3.id });
    till3.archived = true;
    expect(await rpc(hr.member.client, 'archive_lesson', { p_id: till3.id })).toEqual(archived);
    const next = await pullAll(a3.member.client, 500, phone.cursor);
    expect(next.pages.flatMap((p) => p.removed)).toContain(till3.id);
    const report = await rpc(hr.member.client, 'training_report', {});
    expect(report.lessons.map((l) => l.lesson_id)).not.toContain(till3.id);
    expect(report.lessons).toEqual(expectedTraining([harbour, pier], people, lessons, attempts));
    await expectRefused(
      hr.member.client,
      'save_lesson',
      {
        p_id: till3.id,
        p_title: 'Back',
        p_summary: '',
        p_minutes: 3,
        p_cards: cards,
        p_quiz: quiz(),
      },
      400,
      'lesson_archived',
    );
    expect(await sql('select count(*)::int as n from public.lesson_attempts where lesson_id = $1', [till3.id])).toEqual([
      { n: attempts.filter((x) => x.lessonId === till3.id).length },
    ]);
  });

  it('deactivating a member takes them out of the audience and the numbers', async () => {
    const gone = await person('Yan Gone', harbour.id, floor);
    people.push(gone);
    await attempt(gone, greeting, 2, all, attempts);
    const before = await rpc(hr.member.client, 'training_report', {});
    expect(before.lessons).toEqual(expectedTraining([harbour, pier], people, lessons, attempts));
    await deactivate(gone);
    const after = await rpc(hr.member.client, 'training_report', {});
    expect(after.lessons).toEqual(expectedTraining([harbour, pier], people, lessons, attempts));
    const row = (r: typeof after) => r.lessons.find((l) => l.lesson_id === greeting.id)!.by_store.find((s) => s.store_id === harbour.id)!;
    expect([row(after).audience, row(after).completed]).toEqual([row(before).audience - 1, row(before).completed - 1]);
  });
});

it('every new call is guarded: a comment, security definer, an empty search_path, no anon execute', async () => {
  const names = [
    'store_roster',
    'store_kudos',
    'kudos_report',
    'save_value_card',
    'archive_value_card',
    'reorder_value_cards',
    'save_lesson',
    'archive_lesson',
    'training_report',
  ];
  const rows = await sql<{ name: string; definer: boolean; config: string[] | null; comment: string | null; anon: boolean; authed: boolean }>(
    `select p.proname as name, p.prosecdef as definer, p.proconfig as config, obj_description(p.oid, 'pg_proc') as comment,
            has_function_privilege('anon', p.oid, 'execute') as anon, has_function_privilege('authenticated', p.oid, 'execute') as authed
     from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname = any ($1) order by 1`,
    [names],
  );
  expect(rows.map((r) => r.name)).toEqual([...names].sort());
  for (const r of rows) {
    expect(r, r.name).toMatchObject({ definer: true, anon: false, authed: true });
    expect(r.config, r.name).toContain('search_path=""');
    expect(r.comment?.length, r.name).toBeGreaterThan(20);
  }
  expect(refusal(await callRpc(await signIn(DEMO.alex), 'kudos_report', {}))).toEqual([403, 'forbidden']);
});
