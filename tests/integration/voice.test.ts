/**
 * Voice (#5): feedback inbox, replies and the store board; pulses, their
 * reports and the trend. Every rule is tried as the user who should be
 * refused, and anonymity is attacked from every API role: reading the tables,
 * reading what a call returns, and trying to line answers up with people.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc, type RpcOutcome } from '../../src/data/supabase/rpc';
import type { FeedbackInboxItem, PulseReport, RpcArgs } from '../../src/data/supabase/types';
import {
  anonClient,
  asUserInSql,
  clientWithToken,
  createMember,
  createOrg,
  DEMO,
  env,
  mutation,
  pullAll,
  push,
  SEED,
  signIn,
  sql,
  type TestMember,
  userIdOf,
} from './support/fixtures';

const MIN_GROUP = 5;
const minute = 60_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

function expectRefused(outcome: RpcOutcome<unknown>, code: string, details: string): void {
  expect(outcome.ok, JSON.stringify(outcome)).toBe(false);
  if (!outcome.ok) {
    expect(outcome.error.kind).toBe('http');
    if (outcome.error.kind === 'http') expect([outcome.error.code, outcome.error.details]).toEqual([code, details]);
  }
}

async function ok<T>(promise: Promise<RpcOutcome<T>>): Promise<T> {
  const outcome = await promise;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.data;
}

async function sendFeedback(
  member: TestMember,
  fields: { kind?: 'suggestion' | 'question' | 'concern' | 'praise'; recipient?: 'store' | 'head_office'; anonymous?: boolean; briefing_id?: string },
): Promise<string> {
  const body = `Feedback ${randomUUID()}`;
  const [result] = await push(member.client, [
    mutation('feedback', {
      kind: fields.kind ?? 'suggestion',
      recipient: fields.recipient ?? 'store',
      body,
      anonymous: fields.anonymous ?? false,
      ...(fields.briefing_id ? { briefing_id: fields.briefing_id } : {}),
    }),
  ]);
  expect(result?.status, JSON.stringify(result)).toBe('applied');
  return body;
}

async function feedbackIdOf(body: string): Promise<string> {
  const [row] = await sql<{ id: string }>('select id from public.feedback where body = $1', [body]);
  if (!row) throw new Error(`no feedback ${body}`);
  return row.id;
}

async function inbox(client: SupabaseClient, args: RpcArgs['feedback_inbox'] = {}): Promise<FeedbackInboxItem[]> {
  return ok(callRpc(client, 'feedback_inbox', args));
}

/** Everything that could name a member: ids, user id, email and display name. */
async function identityOf(member: TestMember): Promise<string[]> {
  const [row] = await sql<{ display_name: string }>('select display_name from public.members where id = $1', [member.memberId]);
  return [member.memberId, member.userId, member.email, row!.display_name];
}

describe('feedback: who may read and answer what', () => {
  let downtown: TestMember;
  let riverside: TestMember;
  let managerDowntown: SupabaseClient;
  let managerRiverside: SupabaseClient;
  let hr: SupabaseClient;
  const body = { named: '', anonymous: '', headOffice: '', riverside: '' };

  beforeAll(async () => {
    [downtown, riverside, managerDowntown, managerRiverside, hr] = await Promise.all([
      createMember({ storeId: SEED.downtown, departmentId: SEED.checkout }),
      createMember({ storeId: SEED.riverside, departmentId: SEED.stockroom }),
      signIn(DEMO.managerDowntown),
      signIn(DEMO.managerRiverside),
      signIn(DEMO.hr),
    ]);
    body.named = await sendFeedback(downtown, { kind: 'question', briefing_id: SEED.downtownHuddle });
    body.anonymous = await sendFeedback(downtown, { kind: 'concern', anonymous: true });
    body.headOffice = await sendFeedback(downtown, { kind: 'concern', recipient: 'head_office' });
    body.riverside = await sendFeedback(riverside, { kind: 'suggestion' });
  });

  it('staff can read neither the inbox nor any report, and cannot answer, change status or create pulses', async () => {
    const feedbackId = await feedbackIdOf(body.named);
    const staff = downtown.client;
    expectRefused(await callRpc(staff, 'feedback_inbox', {}), '42501', 'forbidden');
    expectRefused(await callRpc(staff, 'reply_feedback', { p_feedback_id: feedbackId, p_body: 'I answer myself' }), '42501', 'forbidden');
    expectRefused(await callRpc(staff, 'set_feedback_status', { p_feedback_id: feedbackId, p_status: 'closed' }), '42501', 'forbidden');
    expectRefused(await callRpc(staff, 'save_pulse', { p_question: 'Mine?', p_scale: 'nps_0_10', p_closes_at: iso(60 * minute) }), '42501', 'forbidden');
    expectRefused(await callRpc(staff, 'pulse_report', { p_pulse_id: SEED.pulse }), '42501', 'forbidden');
    expectRefused(await callRpc(staff, 'pulse_trend', {}), '42501', 'forbidden');
    const managerClient = await signIn(DEMO.managerDowntown);
    expectRefused(
      await callRpc(managerClient, 'save_pulse', { p_question: 'Mine?', p_scale: 'nps_0_10', p_closes_at: iso(60 * minute) }),
      '42501',
      'forbidden',
    );
    expectRefused(await callRpc(managerClient, 'pulse_trend', {}), '42501', 'forbidden');
    expect(await sql(`select 1 from public.feedback_replies where body = 'I answer myself'`)).toEqual([]);
    expect(await sql(`select 1 from public.pulses where question = 'Mine?'`)).toEqual([]);
    expect((await sql<{ status: string }>('select status from public.feedback where id = $1', [feedbackId]))[0]?.status).toBe('open');
    const asAnon = await callRpc(anonClient(), 'feedback_inbox', {});
    expect(!asAnon.ok && asAnon.error.kind === 'http' && [asAnon.error.status, asAnon.error.code]).toEqual([401, '42501']);
    expectRefused(await callRpc(clientWithToken(env.serviceRoleKey), 'feedback_inbox', {}), '42501', 'not_a_member');
  });

  it('a Downtown manager sees Downtown store feedback only; HR sees head office too; another organisation sees nothing', async () => {
    const bodies = (items: FeedbackInboxItem[]) =>
      items
        .map((i) => i.body)
        .filter((b) => Object.values(body).includes(b))
        .sort();
    expect(bodies(await inbox(managerDowntown))).toEqual([body.named, body.anonymous].sort());
    expect(bodies(await inbox(managerRiverside))).toEqual([body.riverside]);
    expect(bodies(await inbox(hr))).toEqual(Object.values(body).sort());
    const other = await createOrg();
    const otherHr = await createMember({ orgId: other.orgId, storeId: null, departmentId: null, role: 'hr' });
    const otherManager = await createMember({ orgId: other.orgId, storeId: other.storeId, departmentId: null, role: 'manager', manages: [other.storeId] });
    expect(await inbox(otherHr.client)).toEqual([]);
    expect(await inbox(otherManager.client)).toEqual([]);

    const named = (await inbox(managerDowntown)).find((i) => i.body === body.named)!;
    expect(named).toMatchObject({
      kind: 'question',
      recipient: 'store',
      store_id: SEED.downtown,
      store_name: 'Downtown',
      is_anonymous: false,
      briefing_id: SEED.downtownHuddle,
      status: 'open',
      replies: [],
    });
    expect(named.author_name).toBe((await identityOf(downtown))[3]);
    expect(named.briefing_title).toEqual(expect.any(String));

    // Answering across the line is refused as if the item did not exist, and changes nothing.
    for (const target of [body.riverside, body.headOffice]) {
      const id = await feedbackIdOf(target);
      expectRefused(await callRpc(managerDowntown, 'reply_feedback', { p_feedback_id: id, p_body: 'Not yours' }), '22023', 'unknown_feedback');
      expectRefused(await callRpc(managerDowntown, 'set_feedback_status', { p_feedback_id: id, p_status: 'closed' }), '22023', 'unknown_feedback');
      expectRefused(await callRpc(otherHr.client, 'reply_feedback', { p_feedback_id: id, p_body: 'Not yours' }), '22023', 'unknown_feedback');
      expect(
        await sql('select status, (select count(*)::int from public.feedback_replies r where r.feedback_id = f.id) as n from public.feedback f where id = $1', [
          id,
        ]),
      ).toEqual([{ status: 'open', n: 0 }]);
    }
    expectRefused(await callRpc(managerDowntown, 'store_board', { p_store_id: SEED.riverside }), '42501', 'forbidden');
    expectRefused(await callRpc(otherHr.client, 'store_board', { p_store_id: SEED.downtown }), '22023', 'unknown_store');
    expectRefused(await callRpc(managerDowntown, 'feedback_inbox', { p_status: 'pending' as 'open' }), '22023', 'invalid_status');
  });

  it('replies: bad input changes nothing; a reply sets the status; my_feedback shows my named items with every reply', async () => {
    const id = await feedbackIdOf(body.named);
    const refused = [
      await callRpc(managerDowntown, 'reply_feedback', { p_feedback_id: id, p_body: '   ' }),
      await callRpc(managerDowntown, 'reply_feedback', { p_feedback_id: id, p_body: 'x'.repeat(4001) }),
      await callRpc(managerDowntown, 'reply_feedback', { p_feedback_id: id, p_body: 'Fine', p_mark: 'done' as 'open' }),
      await callRpc(managerDowntown, 'reply_feedback', { p_feedback_id: randomUUID(), p_body: 'Fine' }),
      await callRpc(managerDowntown, 'set_feedback_status', { p_feedback_id: id, p_status: 'resolved' as 'open' }),
    ];
    expect(refused.map((o) => !o.ok && o.error.kind === 'http' && o.error.details)).toEqual([
      'invalid_body',
      'invalid_body',
      'invalid_status',
      'unknown_feedback',
      'invalid_status',
    ]);
    expect(
      await sql('select status, (select count(*)::int from public.feedback_replies r where r.feedback_id = f.id) as n from public.feedback f where id = $1', [
        id,
      ]),
    ).toEqual([{ status: 'open', n: 0 }]);

    const privateNote = await ok(callRpc(managerDowntown, 'reply_feedback', { p_feedback_id: id, p_body: 'Looking into it', p_public: false, p_mark: 'open' }));
    expect(privateNote).toMatchObject({ feedback_id: id, is_public: false, status: 'open', author_name: expect.any(String) });
    const answer = await ok(callRpc(hr, 'reply_feedback', { p_feedback_id: id, p_body: 'Done: new rota from Monday' }));
    expect(answer).toMatchObject({ is_public: true, status: 'answered' });

    const mine = await ok(callRpc(downtown.client, 'my_feedback', {}));
    expect(mine.map((i) => i.body).sort()).toEqual([body.named, body.headOffice].sort());
    const item = mine.find((i) => i.body === body.named)!;
    expect(item).toMatchObject({ kind: 'question', recipient: 'store', briefing_id: SEED.downtownHuddle, status: 'answered' });
    expect(item.replies.map((r) => [r.body, r.is_public])).toEqual([
      ['Looking into it', false],
      ['Done: new rota from Monday', true],
    ]);
    // Newest first.
    expect(mine.map((i) => i.created_at)).toEqual([...mine.map((i) => i.created_at)].sort().reverse());
    expect(await ok(callRpc(riverside.client, 'my_feedback', {}))).toEqual([expect.objectContaining({ body: body.riverside, status: 'open', replies: [] })]);

    expect(await ok(callRpc(managerDowntown, 'set_feedback_status', { p_feedback_id: id, p_status: 'closed' }))).toEqual({ id, status: 'closed' });
    expect((await inbox(managerDowntown, { p_status: 'closed' })).map((i) => i.id)).toContain(id);
    expect((await inbox(managerDowntown, { p_status: 'open' })).map((i) => i.id)).not.toContain(id);
    await ok(callRpc(managerDowntown, 'set_feedback_status', { p_feedback_id: id, p_status: 'answered' }));
  });

  it('an anonymous item keeps no author and only its day; no call returns who wrote it; its public reply reaches the board without names', async () => {
    const id = await feedbackIdOf(body.anonymous);
    const [stored] = await sql<{ author_id: string | null; is_midnight: boolean; day: string }>(
      `select author_id, created_at = date_trunc('day', created_at at time zone 'UTC') at time zone 'UTC' as is_midnight,
              (created_at at time zone 'UTC')::date::text as day from public.feedback where id = $1`,
      [id],
    );
    expect(stored).toEqual({ author_id: null, is_midnight: true, day: expect.any(String) });

    for (const reader of [managerDowntown, hr]) {
      const row = (await inbox(reader)).find((i) => i.id === id)!;
      expect(row).toMatchObject({ is_anonymous: true, author_name: null, created_at: null, created_on: stored!.day, kind: 'concern' });
    }
    expect((await ok(callRpc(downtown.client, 'my_feedback', {}))).map((i) => i.id)).not.toContain(id);

    await ok(callRpc(managerDowntown, 'reply_feedback', { p_feedback_id: id, p_body: 'Internal: check the cold room', p_public: false, p_mark: 'open' }));
    await ok(callRpc(managerDowntown, 'reply_feedback', { p_feedback_id: id, p_body: 'We fixed the cold room door' }));

    const boardOfStaff = await ok(callRpc(downtown.client, 'store_board', {}));
    const entry = boardOfStaff.find((b) => b.feedback_id === id)!;
    expect(entry).toEqual({
      feedback_id: id,
      kind: 'concern',
      body: body.anonymous,
      created_on: stored!.day,
      replies: [{ body: 'We fixed the cold room door', created_at: expect.any(String) }],
    });
    // The named item answered earlier is on the board too, without its author.
    const named = boardOfStaff.find((b) => b.body === body.named)!;
    expect(Object.keys(named).sort()).toEqual(['body', 'created_on', 'feedback_id', 'kind', 'replies']);
    expect(named.replies.map((r) => r.body)).toEqual(['Done: new rota from Monday']);
    expect(await ok(callRpc(managerDowntown, 'store_board', { p_store_id: SEED.downtown }))).toEqual(boardOfStaff);
    expect(await ok(callRpc(hr, 'store_board', { p_store_id: SEED.downtown }))).toEqual(boardOfStaff);
    expect((await ok(callRpc(riverside.client, 'store_board', {}))).map((b) => b.feedback_id)).not.toContain(id);
    expectRefused(await callRpc(riverside.client, 'store_board', { p_store_id: SEED.downtown }), '42501', 'forbidden');
    expectRefused(await callRpc(hr, 'store_board', {}), '22023', 'store_required');
    // Head-office feedback never reaches a store's board, even with a public answer: store managers must not read it.
    await ok(callRpc(hr, 'reply_feedback', { p_feedback_id: await feedbackIdOf(body.headOffice), p_body: 'Head office heard you' }));
    expect((await ok(callRpc(managerDowntown, 'store_board', {}))).map((b) => b.body)).not.toContain(body.headOffice);
    expect((await ok(callRpc(hr, 'store_board', { p_store_id: SEED.downtown }))).map((b) => b.body)).not.toContain(body.headOffice);

    // No call made by anyone returns anything that names the author of the anonymous item.
    const identity = await identityOf(downtown);
    const outputs = JSON.stringify([
      (await inbox(managerDowntown)).filter((i) => i.id === id),
      (await inbox(hr)).filter((i) => i.id === id),
      boardOfStaff.filter((b) => b.feedback_id === id),
      await ok(callRpc(downtown.client, 'my_feedback', {})),
    ]);
    for (const value of identity) expect(outputs).not.toContain(value);
    for (const client of [downtown.client, managerDowntown, hr]) {
      const pulled = JSON.stringify((await pullAll(client)).pages);
      expect(pulled).not.toContain(id);
      expect(pulled).not.toContain(body.anonymous);
    }
  });
});

/**
 * An organisation of its own so every count is exact:
 *   Harbour: 3 Floor + 2 Till = 5      Pier: 2 Floor + 1 Till + 1 Stock = 4      Quay: 1 Stock = 1
 */
describe('pulses: results only for groups of 5 or more', () => {
  interface Respondent {
    member: TestMember;
    store: string;
    department: string;
    score: number;
    comment: string;
  }
  let org: { orgId: string; harbour: string; pier: string; quay: string; floor: string; till: string; stock: string };
  let hr: TestMember;
  let managerHarbourPier: TestMember;
  let managerPier: TestMember;
  let respondents: Respondent[];
  let pulseId: string;

  /** Expected figures computed from the answers created here. */
  function figures(rs: Respondent[]): { responses: number; average: number; nps: number } {
    const n = rs.length;
    const sum = rs.reduce((s, r) => s + r.score, 0);
    const promoters = rs.filter((r) => r.score >= 9).length;
    const detractors = rs.filter((r) => r.score <= 6).length;
    // Postgres rounds halves away from zero.
    const round = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
    return { responses: n, average: round((sum / n) * 100) / 100, nps: round((100 * (promoters - detractors)) / n) };
  }
  /** The folding rule, written independently: small groups fold; then the smallest join 'other' while it holds 1..4. */
  function expectedGroups(rs: Respondent[], key: 'store' | 'department') {
    const byKey = new Map<string, Respondent[]>();
    for (const r of rs) byKey.set(r[key], [...(byKey.get(r[key]) ?? []), r]);
    const sorted = [...byKey.entries()].sort((a, b) => a[1].length - b[1].length || (a[0] < b[0] ? -1 : 1));
    let other: Respondent[] = [];
    const shown: [string, Respondent[]][] = [];
    for (const [k, members] of sorted) {
      if (members.length < MIN_GROUP || (other.length > 0 && other.length < MIN_GROUP)) other = [...other, ...members];
      else shown.push([k, members]);
    }
    const groups = shown.map(([k, members]) => ({ group_id: k, is_other: false, ...figures(members) }));
    if (other.length >= MIN_GROUP) groups.push({ group_id: null as unknown as string, is_other: true, ...figures(other) });
    return groups;
  }
  const pick = (report: PulseReport) =>
    report.groups.map((g) => ({ group_id: g.group_id, is_other: g.is_other, responses: g.responses, average: g.average, nps: g.nps }));
  const sortGroups = <T extends { group_id: string | null }>(groups: T[]) => [...groups].sort((a, b) => String(a.group_id).localeCompare(String(b.group_id)));

  beforeAll(async () => {
    const base = await createOrg();
    const store = async (name: string) =>
      (await sql<{ id: string }>(`insert into public.stores (org_id, name) values ($1, $2) returning id`, [base.orgId, name]))[0]!.id;
    const dept = async (name: string) =>
      (await sql<{ id: string }>(`insert into public.departments (org_id, name) values ($1, $2) returning id`, [base.orgId, name]))[0]!.id;
    org = {
      orgId: base.orgId,
      harbour: base.storeId,
      pier: await store('Pier'),
      quay: await store('Quay'),
      floor: base.departmentId,
      till: await dept('Till'),
      stock: await dept('Stock'),
    };
    [hr, managerHarbourPier, managerPier] = await Promise.all([
      createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
      createMember({ orgId: org.orgId, storeId: org.harbour, departmentId: null, role: 'manager', manages: [org.harbour, org.pier] }),
      createMember({ orgId: org.orgId, storeId: org.pier, departmentId: null, role: 'manager', manages: [org.pier] }),
    ]);
    const plan: [string, string, number][] = [
      [org.harbour, org.floor, 10],
      [org.harbour, org.floor, 9],
      [org.harbour, org.floor, 7],
      [org.harbour, org.till, 3],
      [org.harbour, org.till, 8],
      [org.pier, org.floor, 0],
      [org.pier, org.floor, 10],
      [org.pier, org.till, 6],
      [org.pier, org.stock, 9],
      [org.quay, org.stock, 2],
    ];
    respondents = await Promise.all(
      plan.map(async ([storeId, departmentId, score], i) => ({
        member: await createMember({ orgId: org.orgId, storeId, departmentId }),
        store: storeId,
        department: departmentId,
        score,
        // Comments in reverse alphabetical order of answering, so any output in answer order would differ from text order.
        comment: `${String.fromCharCode(90 - i)} comment ${randomUUID().slice(0, 4)}`,
      })),
    );

    expectRefused(
      await callRpc(hr.client, 'save_pulse', { p_question: 'Bad', p_scale: 'stars' as 'nps_0_10', p_closes_at: iso(60 * minute) }),
      '22023',
      'invalid_scale',
    );
    expectRefused(await callRpc(hr.client, 'save_pulse', { p_question: ' ', p_scale: 'nps_0_10', p_closes_at: iso(60 * minute) }), '22023', 'invalid_question');
    expectRefused(await callRpc(hr.client, 'save_pulse', { p_question: 'Bad', p_scale: 'nps_0_10', p_closes_at: iso(-minute) }), '22023', 'invalid_window');
    expectRefused(
      await callRpc(hr.client, 'save_pulse', { p_question: 'Bad', p_scale: 'nps_0_10', p_closes_at: iso(60 * minute), p_store_ids: [SEED.downtown] }),
      '22023',
      'unknown_store',
    );
    expect(await sql('select 1 from public.pulses where org_id = $1', [org.orgId])).toEqual([]);

    const pulse = await ok(
      callRpc(hr.client, 'save_pulse', { p_question: 'Would you recommend working here?', p_scale: 'nps_0_10', p_closes_at: iso(60 * minute) }),
    );
    pulseId = pulse.id;
    for (const r of respondents) {
      const [result] = await push(r.member.client, [mutation('pulse_response', { pulse_id: pulseId, score: r.score, comment: r.comment })]);
      expect(result?.status).toBe('applied');
    }
  });

  it('a second answer from the same person is refused and counts once', async () => {
    const first = respondents[0]!;
    const [again] = await push(first.member.client, [mutation('pulse_response', { pulse_id: pulseId, score: 0, comment: 'second try' })]);
    expect(again).toMatchObject({ status: 'rejected', code: 'already_answered' });
    // Stored and still-buffered answers together (answers move to pulse_responses in batches of 5).
    expect(
      await sql(
        `select (select count(*)::int from public.pulse_responses where pulse_id = $1)
                               + (select count(*)::int from private.pulse_answer_buffer where pulse_id = $1) as responses,
                             (select count(*)::int from public.pulse_participation where pulse_id = $1) as participation`,
        [pulseId],
      ),
    ).toEqual([{ responses: respondents.length, participation: respondents.length }]);
    expect(await sql(`select 1 from public.pulse_responses where comment = 'second try'`)).toEqual([]);
    expect(await sql(`select 1 from private.pulse_answer_buffer where comment = 'second try'`)).toEqual([]);
  });

  it('while open only the count is shown, so one answer cannot be told apart by comparing two reports', async () => {
    const report = await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: pulseId }));
    expect(report).toMatchObject({ closed: false, responses: respondents.length, average: null, nps: null, distribution: [], groups: [], comments: [] });
  });

  it('after closing: exact figures, groups under 5 folded into "other", never a group under 5, comments in text order', async () => {
    const pulse = await ok(
      callRpc(hr.client, 'save_pulse', { p_id: pulseId, p_question: 'Would you recommend working here?', p_scale: 'nps_0_10', p_closes_at: iso(-minute) }),
    );
    expect(new Date(pulse.closes_at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    // Final: a closed pulse cannot be reopened, and takes no more answers.
    expectRefused(
      await callRpc(hr.client, 'save_pulse', {
        p_id: pulseId,
        p_question: 'Would you recommend working here?',
        p_scale: 'nps_0_10',
        p_closes_at: iso(60 * minute),
      }),
      '22023',
      'pulse_closed',
    );
    const late = await createMember({ orgId: org.orgId, storeId: org.quay, departmentId: org.stock });
    expect((await push(late.client, [mutation('pulse_response', { pulse_id: pulseId, score: 5 })]))[0]).toMatchObject({ code: 'pulse_closed' });

    const byStore = await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: pulseId }));
    expect(byStore).toMatchObject({ closed: true, group_by: 'store', ...figures(respondents) });
    expect(byStore.distribution).toEqual(Array.from({ length: 11 }, (_, score) => ({ score, count: respondents.filter((r) => r.score === score).length })));
    expect(sortGroups(pick(byStore))).toEqual(sortGroups(expectedGroups(respondents, 'store')));
    // Harbour (5) is shown; Pier (4) and Quay (1) only inside 'other' (5).
    expect(byStore.groups.map((g) => [g.name, g.responses])).toEqual([
      ['Harbour', 5],
      ['other', 5],
    ]);
    expect(byStore.comments).toEqual(respondents.map((r) => r.comment).sort());
    expect(byStore.comments).not.toEqual(respondents.map((r) => r.comment));

    const byDepartment = await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: pulseId, p_group_by: 'department' }));
    expect(sortGroups(pick(byDepartment))).toEqual(sortGroups(expectedGroups(respondents, 'department')));
    expect(byDepartment.groups.map((g) => [g.name, g.responses])).toEqual([
      ['Floor', 5],
      ['other', 5],
    ]);

    // The manager of Harbour and Pier sees 9 answers: Pier (4) alone in 'other' would let
    // "total minus Harbour" give Pier away, so Harbour is folded in too.
    const mine = respondents.filter((r) => r.store !== org.quay);
    const manager = await ok(callRpc(managerHarbourPier.client, 'pulse_report', { p_pulse_id: pulseId }));
    expect(manager).toMatchObject(figures(mine));
    expect(pick(manager)).toEqual(expectedGroups(mine, 'store'));
    expect(manager.groups.map((g) => [g.name, g.responses])).toEqual([['other', 9]]);
    expect(manager.comments).toEqual(mine.map((r) => r.comment).sort());

    // The Pier manager's 4 answers show nothing but their count.
    expect(await ok(callRpc(managerPier.client, 'pulse_report', { p_pulse_id: pulseId }))).toMatchObject({
      responses: 4,
      average: null,
      nps: null,
      distribution: [],
      groups: [],
      comments: [],
    });

    for (const report of [byStore, byDepartment, manager]) {
      for (const group of report.groups) expect(group.responses).toBeGreaterThanOrEqual(MIN_GROUP);
    }
    expectRefused(await callRpc(hr.client, 'pulse_report', { p_pulse_id: pulseId, p_group_by: 'person' as 'store' }), '22023', 'invalid_group_by');
    const other = await createOrg();
    const otherHr = await createMember({ orgId: other.orgId, storeId: null, departmentId: null, role: 'hr' });
    expectRefused(await callRpc(otherHr.client, 'pulse_report', { p_pulse_id: pulseId }), '22023', 'unknown_pulse');
    expect(await ok(callRpc(otherHr.client, 'pulse_trend', {}))).toEqual([]);
  });

  it('the trend shows every pulse oldest first, with figures only for closed pulses of 5 or more', async () => {
    const small = await ok(
      callRpc(hr.client, 'save_pulse', { p_question: 'How was your week?', p_scale: 'scale_1_5', p_allow_comment: false, p_closes_at: iso(60 * minute) }),
    );
    const four = respondents.slice(0, 4);
    for (const r of four) {
      expect((await push(r.member.client, [mutation('pulse_response', { pulse_id: small.id, score: 1 + (r.score % 5) })]))[0]?.status).toBe('applied');
    }
    expect((await push(respondents[5]!.member.client, [mutation('pulse_response', { pulse_id: small.id, score: 6 })]))[0]).toMatchObject({
      code: 'out_of_range',
    });
    await ok(
      callRpc(hr.client, 'save_pulse', {
        p_id: small.id,
        p_question: 'How was your week?',
        p_scale: 'scale_1_5',
        p_allow_comment: false,
        p_closes_at: iso(-minute),
      }),
    );
    const trend = await ok(callRpc(hr.client, 'pulse_trend', {}));
    expect(trend.map((t) => t.pulse_id)).toEqual([pulseId, small.id]);
    expect(trend[0]).toMatchObject({ closed: true, ...figures(respondents) });
    expect(trend[1]).toMatchObject({ closed: true, responses: 4, average: null, nps: null, scale: 'scale_1_5' });
    expect(await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: small.id }))).toMatchObject({ responses: 4, average: null, groups: [] });
    expect((await ok(callRpc(hr.client, 'pulse_trend', { p_limit: 1 }))).map((t) => t.pulse_id)).toEqual([small.id]);
    expectRefused(await callRpc(hr.client, 'pulse_trend', { p_limit: 0 }), '22023', 'invalid_limit');
  });

  it('answering in a different order gives the same report: nothing in it follows who answered when', async () => {
    const ask = async () => (await ok(callRpc(hr.client, 'save_pulse', { p_question: 'Order test', p_scale: 'nps_0_10', p_closes_at: iso(60 * minute) }))).id;
    const [forward, backward] = [await ask(), await ask()];
    for (const r of respondents) await push(r.member.client, [mutation('pulse_response', { pulse_id: forward, score: r.score, comment: r.comment })]);
    for (const r of [...respondents].reverse()) {
      await push(r.member.client, [mutation('pulse_response', { pulse_id: backward, score: r.score, comment: r.comment })]);
    }
    for (const id of [forward, backward]) {
      await ok(callRpc(hr.client, 'save_pulse', { p_id: id, p_question: 'Order test', p_scale: 'nps_0_10', p_closes_at: iso(-minute) }));
    }
    const strip = (r: PulseReport) => ({ ...r, pulse_id: null, opens_at: null, closes_at: null });
    for (const groupBy of ['store', 'department'] as const) {
      const a = await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: forward, p_group_by: groupBy }));
      const b = await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: backward, p_group_by: groupBy }));
      expect(strip(a)).toEqual(strip(b));
    }
    // No output carries a response's id, and no report names a respondent.
    const responseIds = (await sql<{ id: string }>('select id from public.pulse_responses where pulse_id = any ($1)', [[forward, backward, pulseId]])).map(
      (r) => r.id,
    );
    expect(responseIds.length).toBe(3 * respondents.length);
    const reports = JSON.stringify([
      await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: forward })),
      await ok(callRpc(managerHarbourPier.client, 'pulse_report', { p_pulse_id: forward, p_group_by: 'department' })),
      await ok(callRpc(hr.client, 'pulse_trend', {})),
    ]);
    const pulls = JSON.stringify(await Promise.all(respondents.slice(0, 3).map(async (r) => (await pullAll(r.member.client)).pages)));
    for (const id of responseIds) {
      expect(reports).not.toContain(id);
      expect(pulls).not.toContain(id);
    }
    for (const r of respondents) for (const value of await identityOf(r.member)) expect(reports).not.toContain(value);
  });

  it('changing a pulse: what was asked is fixed once answered; bad ids are refused', async () => {
    const open = await ok(callRpc(hr.client, 'save_pulse', { p_question: 'Fixed?', p_scale: 'nps_0_10', p_closes_at: iso(60 * minute) }));
    const renamed = await ok(
      callRpc(hr.client, 'save_pulse', {
        p_id: open.id,
        p_question: 'Fixed now?',
        p_scale: 'nps_0_10',
        p_closes_at: iso(120 * minute),
        p_store_ids: [org.harbour],
      }),
    );
    expect(renamed).toMatchObject({ question: 'Fixed now?', store_ids: [org.harbour] });
    await push(respondents[0]!.member.client, [mutation('pulse_response', { pulse_id: open.id, score: 8 })]);
    expectRefused(
      await callRpc(hr.client, 'save_pulse', { p_id: open.id, p_question: 'Something else', p_scale: 'nps_0_10', p_closes_at: iso(120 * minute) }),
      '22023',
      'pulse_answered',
    );
    expectRefused(
      await callRpc(hr.client, 'save_pulse', { p_id: open.id, p_question: 'Fixed now?', p_scale: 'scale_1_5', p_closes_at: iso(120 * minute) }),
      '22023',
      'pulse_answered',
    );
    expect((await sql<{ question: string }>('select question from public.pulses where id = $1', [open.id]))[0]?.question).toBe('Fixed now?');
    const other = await createOrg();
    const otherHr = await createMember({ orgId: other.orgId, storeId: null, departmentId: null, role: 'hr' });
    expectRefused(
      await callRpc(otherHr.client, 'save_pulse', { p_id: open.id, p_question: 'Mine now', p_scale: 'nps_0_10', p_closes_at: iso(60 * minute) }),
      '22023',
      'unknown_pulse',
    );
    expectRefused(await callRpc(hr.client, 'pulse_report', { p_pulse_id: randomUUID() }), '22023', 'unknown_pulse');
  });
});

describe('anonymity: no API role can read the answers or link them to a person', () => {
  const tables = ['pulse_responses', 'pulse_participation', 'feedback', 'feedback_replies'];

  it('no API role can select the voice tables or their system columns, in SQL or through the API', async () => {
    const users = await Promise.all([DEMO.hr, DEMO.managerDowntown, DEMO.alex].map(userIdOf));
    const attempts: [string, string | null][] = [['anon', null], ['service_role', null], ...users.map((u) => ['authenticated', u] as [string, string])];
    for (const [role, uid] of attempts) {
      for (const table of tables) {
        for (const columns of ['*', 'xmin, ctid', 'count(*)']) {
          await expect(
            asUserInSql(uid, (c) => c.query(`select ${columns} from public.${table}`), role),
            `${role} ${columns} ${table}`,
          ).rejects.toThrow(/permission denied/);
        }
      }
      await expect(asUserInSql(uid, (c) => c.query('select * from private.applied_mutations'), role)).rejects.toThrow(/permission denied/);
    }
    const clients = [anonClient(), clientWithToken(env.serviceRoleKey), await signIn(DEMO.hr), await signIn(DEMO.alex)];
    for (const client of clients) {
      for (const table of tables) {
        const { data, error } = await client.from(table).select('*');
        expect(error !== null || (data ?? []).length === 0, `${table}: ${JSON.stringify(data)}`).toBe(true);
      }
    }
    // Column statistics (most common values, histograms) are only visible to roles that may read the column.
    await sql('analyze public.pulse_responses, public.pulse_participation, public.feedback, public.feedback_replies');
    expect((await sql(`select 1 from pg_stats where schemaname = 'public' and tablename = 'pulse_responses'`)).length).toBeGreaterThan(0);
    for (const role of ['anon', 'authenticated', 'service_role']) {
      const stats = await asUserInSql(
        users[0]!,
        async (c) => (await c.query(`select attname from pg_stats where schemaname = 'public' and tablename = any ($1)`, [tables])).rows,
        role,
      );
      expect(stats, role).toEqual([]);
    }
  });

  it('no function an API role can run reads system columns, and only the vetted ones read the answers', async () => {
    const readers = await sql<{ fn: string; xsys: boolean }>(
      `select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as fn, p.prosrc ~ '\\m(xmin|xmax|cmin|cmax|ctid)\\M' as xsys
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private')
         and (p.prosrc ~ '\\mpulse_responses\\M' or p.prosrc ~ '\\mpulse_participation\\M')
       order by 1`,
    );
    expect(readers.filter((r) => r.xsys)).toEqual([]);
    expect(readers.map((r) => r.fn)).toEqual([
      'private.apply_pulse_response(m members, p jsonb)',
      'private.me_json(m members)',
      'private.move_pulse_answers(p_pulse_id uuid, p_at_least integer)',
      'public.pulse_report(p_pulse_id uuid, p_group_by text)',
      'public.pulse_trend(p_limit integer)',
      'public.save_pulse(p_id uuid, p_question text, p_scale text, p_allow_comment boolean, p_store_ids uuid[], p_department_ids uuid[], p_roles text[], p_opens_at timestamp with time zone, p_closes_at timestamp with time zone)',
    ]);
    const anySystemColumns = await sql<{ fn: string }>(
      `select p.oid::regprocedure::text as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and p.prosrc ~ '\\m(xmin|xmax|cmin|cmax|ctid)\\M'`,
    );
    expect(anySystemColumns).toEqual([]);
    // The stored shapes: an answer has no person, time, sequence or order; participation no time.
    const columns = async (table: string) =>
      (
        await sql<{ column_name: string }>(`select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 order by 1`, [
          table,
        ])
      ).map((r) => r.column_name);
    expect(await columns('pulse_responses')).toEqual(['comment', 'department_id', 'id', 'pulse_id', 'score', 'store_id']);
    expect(await columns('pulse_participation')).toEqual(['member_id', 'pulse_id']);
    expect(
      await sql(
        `select column_default from information_schema.columns where table_schema = 'public' and table_name = 'pulse_responses' and column_name = 'id'`,
      ),
    ).toEqual([{ column_default: 'gen_random_uuid()' }]);
  });

  it('an anonymous feedback row carries no user id, mutation id or time of day, and the inbox cannot order it within its day', async () => {
    const author = await createMember({ storeId: SEED.downtown });
    const manager = await signIn(DEMO.managerDowntown);
    const bodies: string[] = [];
    for (let i = 0; i < 3; i += 1) bodies.push(await sendFeedback(author, { kind: 'concern', anonymous: true }));
    const rows = await sql<{ id: string; author_id: string | null; created_at: Date; sync_seq: string | null }>(
      'select id, author_id, created_at, sync_seq from public.feedback where body = any ($1)',
      [bodies],
    );
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.created_at.getTime())).size).toBe(1);
    for (const r of rows) expect([r.author_id, r.sync_seq, r.created_at.getUTCHours(), r.created_at.getUTCMinutes()]).toEqual([null, null, 0, 0]);
    // Within the day the inbox orders anonymous items by their random id, not by when they came.
    const listed = (await inbox(manager)).filter((i) => bodies.includes(i.body)).map((i) => i.id);
    expect(listed).toEqual(rows.map((r) => r.id).sort());
  });
});
