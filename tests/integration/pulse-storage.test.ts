/**
 * How pulse answers are stored, read as the database owner: an answer first
 * waits in private.pulse_answer_buffer and moves to public.pulse_responses only
 * in a batch of 5 or more (or when the pulse has closed, from a transaction
 * that is not an answerer's), in random order. So no stored answer shares its
 * xmin with one answerer's participation row alone, and the buffer is out of
 * reach of every API role.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc, type RpcOutcome } from '../../src/data/supabase/rpc';
import {
  anonClient,
  asUserInSql,
  clientWithToken,
  createMember,
  createOrg,
  DEMO,
  db,
  env,
  mutation,
  push,
  signIn,
  sql,
  type TestMember,
  userIdOf,
} from './support/fixtures';

const minute = 60_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

async function ok<T>(promise: Promise<RpcOutcome<T>>): Promise<T> {
  const outcome = await promise;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.data;
}

interface Stored {
  responses: number;
  buffered: number;
  participation: number;
}
async function stored(pulseId: string): Promise<Stored> {
  const [row] = await sql<Stored>(
    `select (select count(*)::int from public.pulse_responses where pulse_id = $1) as responses,
            (select count(*)::int from private.pulse_answer_buffer where pulse_id = $1) as buffered,
            (select count(*)::int from public.pulse_participation where pulse_id = $1) as participation`,
    [pulseId],
  );
  return row!;
}

/** Transaction ids of the stored answers (one entry per row) and of the participation rows. */
async function xmins(pulseId: string): Promise<{ responses: string[]; participation: string[] }> {
  const responses = (await sql<{ x: string }>('select xmin::text as x from public.pulse_responses where pulse_id = $1', [pulseId])).map((r) => r.x);
  const participation = (await sql<{ x: string }>('select xmin::text as x from public.pulse_participation where pulse_id = $1', [pulseId])).map((r) => r.x);
  return { responses, participation };
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

async function answer(member: TestMember, pulseId: string, score: number, comment?: string): Promise<void> {
  const [result] = await push(member.client, [mutation('pulse_response', { pulse_id: pulseId, score, ...(comment ? { comment } : {}) })]);
  expect(result?.status, JSON.stringify(result)).toBe('applied');
}

describe('pulse answers are stored in batches of 5 or more, never alone with their answerer', () => {
  let org: { orgId: string; storeId: string; departmentId: string };
  let hr: TestMember;
  let members: TestMember[];

  const newPulse = async (fields: { allow_comment?: boolean } = {}) =>
    (
      await ok(
        callRpc(hr.client, 'save_pulse', {
          p_question: `Storage ${randomUUID().slice(0, 6)}`,
          p_scale: 'nps_0_10',
          p_closes_at: iso(60 * minute),
          ...(fields.allow_comment === undefined ? {} : { p_allow_comment: fields.allow_comment }),
        }),
      )
    ).id;
  /** Closes the pulse by letting its closing time pass (no call of ours runs at that moment). */
  const letClose = (pulseId: string) => sql('update public.pulses set closes_at = now() where id = $1', [pulseId]);

  beforeAll(async () => {
    org = await createOrg();
    hr = await createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' });
    members = await Promise.all(Array.from({ length: 10 }, () => createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId })));
  });

  it('4 answers wait in the buffer; the 5th moves all 5 in one transaction; 7 then closing: the report moves the last 2 in its own', async () => {
    const pulseId = await newPulse();
    const scores = [10, 9, 3, 7, 0, 8, 6];
    for (let i = 0; i < 4; i += 1) await answer(members[i]!, pulseId, scores[i]!, `Comment ${i}`);
    expect(await stored(pulseId)).toEqual({ responses: 0, buffered: 4, participation: 4 });
    // While open the report counts every answer given, buffered or stored, and shows nothing else.
    expect(await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: pulseId }))).toMatchObject({
      closed: false,
      responses: 4,
      average: null,
      distribution: [],
      comments: [],
    });

    await answer(members[4]!, pulseId, scores[4]!, 'Comment 4');
    expect(await stored(pulseId)).toEqual({ responses: 5, buffered: 0, participation: 5 });
    const afterFive = await xmins(pulseId);
    expect(new Set(afterFive.responses).size, 'all 5 stored answers share one xmin').toBe(1);
    const firstBatch = afterFive.responses[0]!;

    await answer(members[5]!, pulseId, scores[5]!, 'Comment 5');
    await answer(members[6]!, pulseId, scores[6]!, 'Comment 6');
    expect(await stored(pulseId)).toEqual({ responses: 5, buffered: 2, participation: 7 });
    expect(await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: pulseId }))).toMatchObject({ closed: false, responses: 7 });
    // A report of an open pulse moves nothing.
    expect(await stored(pulseId)).toEqual({ responses: 5, buffered: 2, participation: 7 });

    await letClose(pulseId);
    expect(await stored(pulseId)).toEqual({ responses: 5, buffered: 2, participation: 7 });
    const report = await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: pulseId }));
    expect(report).toMatchObject({ closed: true, responses: 7, average: Math.round((scores.reduce((a, b) => a + b, 0) / 7) * 100) / 100 });
    expect(report.comments).toEqual(scores.map((_, i) => `Comment ${i}`).sort());
    expect(await stored(pulseId)).toEqual({ responses: 7, buffered: 0, participation: 7 });

    const { responses, participation } = await xmins(pulseId);
    const batches = countBy(responses);
    expect([...batches.values()].sort()).toEqual([2, 5]);
    const remainder = [...batches.entries()].find(([x]) => x !== firstBatch)![0];
    expect(batches.get(firstBatch)).toBe(5);
    expect(participation).toHaveLength(7);
    expect(new Set(participation).size, 'each answerer wrote in a transaction of their own').toBe(7);
    // The last 2 were moved by HR's report, not by either of their answerers.
    expect(participation).not.toContain(remainder);
    // Every stored answer shares its xmin with at least 4 others, or with no answerer at all.
    for (const [x, n] of batches) expect(n >= 5 || !participation.includes(x), `xmin ${x} holds ${n}`).toBe(true);
  });

  it("closing through save_pulse moves the remaining answers in HR's transaction; pulse_trend moves them for a pulse whose time ran out", async () => {
    const closedByHr = await newPulse();
    for (let i = 0; i < 3; i += 1) await answer(members[i]!, closedByHr, 5 + i);
    expect(await stored(closedByHr)).toEqual({ responses: 0, buffered: 3, participation: 3 });
    // Buffered answers count as answers: what was asked can no longer change.
    const refused = await callRpc(hr.client, 'save_pulse', {
      p_id: closedByHr,
      p_question: 'Something else',
      p_scale: 'nps_0_10',
      p_closes_at: iso(60 * minute),
    });
    expect(!refused.ok && refused.error.kind === 'http' && refused.error.details).toBe('pulse_answered');
    const question = (await sql<{ question: string }>('select question from public.pulses where id = $1', [closedByHr]))[0]!.question;
    await ok(callRpc(hr.client, 'save_pulse', { p_id: closedByHr, p_question: question, p_scale: 'nps_0_10', p_closes_at: iso(-minute) }));
    expect(await stored(closedByHr)).toEqual({ responses: 3, buffered: 0, participation: 3 });
    const byHr = await xmins(closedByHr);
    expect(new Set(byHr.responses).size).toBe(1);
    expect(byHr.participation).not.toContain(byHr.responses[0]);
    expect(await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: closedByHr }))).toMatchObject({ closed: true, responses: 3, average: null });

    const timedOut = await newPulse();
    for (let i = 0; i < 2; i += 1) await answer(members[i]!, timedOut, 9);
    const openTrend = await ok(callRpc(hr.client, 'pulse_trend', {}));
    expect(openTrend.find((t) => t.pulse_id === timedOut)).toMatchObject({ closed: false, responses: 2, average: null });
    expect(await stored(timedOut)).toEqual({ responses: 0, buffered: 2, participation: 2 });
    await letClose(timedOut);
    const trend = await ok(callRpc(hr.client, 'pulse_trend', {}));
    expect(trend.find((t) => t.pulse_id === timedOut)).toMatchObject({ closed: true, responses: 2, average: null, nps: null });
    expect(await stored(timedOut)).toEqual({ responses: 2, buffered: 0, participation: 2 });
    const byTrend = await xmins(timedOut);
    expect(new Set(byTrend.responses).size).toBe(1);
    expect(byTrend.participation).not.toContain(byTrend.responses[0]);
  });

  it('answers pushed at the same moment never move in a batch smaller than 5; closing moves the rest', async () => {
    // A race cannot be forced through HTTP; several rounds make one likely (a check that moved
    // whatever it could see, without SKIP LOCKED, fails here most runs).
    for (let round = 0; round < 6; round += 1) {
      const pulseId = await newPulse();
      await Promise.all(members.map((m, i) => answer(m, pulseId, i)));
      const now = await stored(pulseId);
      expect(now.responses + now.buffered).toBe(members.length);
      expect(now.participation).toBe(members.length);
      const byAnswerers = countBy((await xmins(pulseId)).responses);
      for (const [x, n] of byAnswerers) expect(n, `batch ${x}`).toBeGreaterThanOrEqual(5);

      const question = (await sql<{ question: string }>('select question from public.pulses where id = $1', [pulseId]))[0]!.question;
      await ok(callRpc(hr.client, 'save_pulse', { p_id: pulseId, p_question: question, p_scale: 'nps_0_10', p_closes_at: iso(-minute) }));
      expect(await stored(pulseId)).toEqual({ responses: members.length, buffered: 0, participation: members.length });
      const { responses, participation } = await xmins(pulseId);
      for (const [x, n] of countBy(responses)) expect(n >= 5 || !participation.includes(x), `batch ${x} of ${n}`).toBe(true);
    }
  });

  it('a report of a just-closed pulse waits for an answer still being written, so closed results never change later', async () => {
    const pulseId = await newPulse();
    for (let i = 0; i < 5; i += 1) await answer(members[i]!, pulseId, 8);
    const inFlight = await db().connect();
    try {
      await inFlight.query('begin');
      await inFlight.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [
        JSON.stringify({ sub: members[5]!.userId, role: 'authenticated' }),
      ]);
      const { rows } = await inFlight.query<{ r: { results: { status: string }[] } }>('select public.sync_push($1::jsonb) as r', [
        JSON.stringify([mutation('pulse_response', { pulse_id: pulseId, score: 2 })]),
      ]);
      expect(rows[0]!.r.results[0]!.status).toBe('applied');
      await letClose(pulseId);
      let done = false;
      const report = ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: pulseId })).finally(() => {
        done = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(done, 'the report waits for the answer in flight').toBe(false);
      await inFlight.query('commit');
      expect(await report).toMatchObject({ closed: true, responses: 6, average: 7 });
    } finally {
      await inFlight.query('rollback').catch(() => {});
      inFlight.release();
    }
    expect(await stored(pulseId)).toEqual({ responses: 6, buffered: 0, participation: 6 });
    expect(await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: pulseId }))).toMatchObject({ responses: 6, average: 7 });
  });

  it('within a batch the physical order is random, not the order of answering', async () => {
    // One batch keeps the answering order by chance 1 time in 120; three in a row, about 1 in 1.7 million.
    const orders: boolean[] = [];
    for (let round = 0; round < 3; round += 1) {
      const pulseId = await newPulse();
      const comments = members.slice(0, 5).map((_, i) => `Order ${round}.${i}`);
      for (let i = 0; i < 5; i += 1) await answer(members[i]!, pulseId, i, comments[i]);
      const physical = (await sql<{ comment: string }>('select comment from public.pulse_responses where pulse_id = $1 order by ctid', [pulseId])).map(
        (r) => r.comment,
      );
      expect([...physical].sort()).toEqual(comments);
      orders.push(physical.join() === comments.join());
    }
    expect(orders).toContain(false);
  });

  it('refusals keep their codes and buffer nothing; a stored answer never reuses its buffered id', async () => {
    const noComment = await newPulse({ allow_comment: false });
    const [withComment] = await push(members[0]!.client, [mutation('pulse_response', { pulse_id: noComment, score: 4, comment: 'Not allowed' })]);
    expect(withComment).toMatchObject({ status: 'rejected', code: 'comments_not_allowed' });
    await answer(members[0]!, noComment, 4);
    const [twice] = await push(members[0]!.client, [mutation('pulse_response', { pulse_id: noComment, score: 1 })]);
    expect(twice).toMatchObject({ status: 'rejected', code: 'already_answered' });
    const [outOfRange] = await push(members[1]!.client, [mutation('pulse_response', { pulse_id: noComment, score: 11 })]);
    expect(outOfRange).toMatchObject({ status: 'rejected', code: 'out_of_range' });
    const [unknown] = await push(members[1]!.client, [mutation('pulse_response', { pulse_id: randomUUID(), score: 1 })]);
    expect(unknown).toMatchObject({ status: 'rejected', code: 'unknown_pulse' });
    expect(await stored(noComment)).toEqual({ responses: 0, buffered: 1, participation: 1 });

    const bufferedIds = (await sql<{ id: string }>('select id from private.pulse_answer_buffer where pulse_id = $1', [noComment])).map((r) => r.id);
    await sql('update public.pulses set closes_at = now() where id = $1', [noComment]);
    const [late] = await push(members[1]!.client, [mutation('pulse_response', { pulse_id: noComment, score: 1 })]);
    expect(late).toMatchObject({ status: 'rejected', code: 'pulse_closed' });
    await ok(callRpc(hr.client, 'pulse_report', { p_pulse_id: noComment }));
    const storedIds = (await sql<{ id: string }>('select id from public.pulse_responses where pulse_id = $1', [noComment])).map((r) => r.id);
    expect(storedIds).toHaveLength(1);
    expect(bufferedIds).not.toContain(storedIds[0]);
  });
});

describe('the answer buffer is out of reach of every API role', () => {
  it('anon, authenticated and service_role can neither read, count, write nor flush it, in SQL or through the API', async () => {
    const users = await Promise.all([DEMO.hr, DEMO.managerDowntown, DEMO.alex].map(userIdOf));
    const attempts: [string, string | null][] = [['anon', null], ['service_role', null], ...users.map((u) => ['authenticated', u] as [string, string])];
    const pulse = (await sql<{ id: string }>('select id from public.pulses limit 1'))[0]!.id;
    for (const [role, uid] of attempts) {
      for (const statement of [
        'select * from private.pulse_answer_buffer',
        'select xmin, ctid from private.pulse_answer_buffer',
        'select count(*) from private.pulse_answer_buffer',
        `insert into private.pulse_answer_buffer (pulse_id, score) values ('${pulse}', 1)`,
        'delete from private.pulse_answer_buffer',
        `select private.flush_pulse_answers('${pulse}')`,
        `select private.move_pulse_answers('${pulse}', 1)`,
      ]) {
        await expect(
          asUserInSql(uid, (c) => c.query(statement), role),
          `${role}: ${statement}`,
        ).rejects.toThrow(/permission denied/);
      }
    }
    // Column statistics are only shown to roles that may read the column.
    await sql('analyze private.pulse_answer_buffer');
    for (const role of ['anon', 'authenticated', 'service_role']) {
      const stats = await asUserInSql(
        users[0]!,
        async (c) => (await c.query(`select attname from pg_stats where schemaname = 'private' and tablename = 'pulse_answer_buffer'`)).rows,
        role,
      );
      expect(stats, role).toEqual([]);
    }

    const clients = [anonClient(), clientWithToken(env.serviceRoleKey), await signIn(DEMO.hr), await signIn(DEMO.alex)];
    for (const client of clients) {
      for (const query of [client.from('pulse_answer_buffer').select('*'), client.schema('private').from('pulse_answer_buffer').select('*')]) {
        const { data, error } = await query;
        expect(error !== null || (data ?? []).length === 0, JSON.stringify(data)).toBe(true);
      }
      const { error } = await client.rpc('flush_pulse_answers', { p_pulse_id: pulse });
      expect(error).not.toBeNull();
    }
  });

  it('only the pulse functions touch the buffer, and none of them reads system columns', async () => {
    const readers = await sql<{ fn: string; xsys: boolean }>(
      `select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as fn, p.prosrc ~ '\\m(xmin|xmax|cmin|cmax|ctid)\\M' as xsys
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and p.prosrc ~ '\\mpulse_answer_buffer\\M' order by 1`,
    );
    expect(readers.filter((r) => r.xsys)).toEqual([]);
    expect(readers.map((r) => r.fn)).toEqual([
      'private.apply_pulse_response(m members, p jsonb)',
      'private.move_pulse_answers(p_pulse_id uuid, p_at_least integer)',
      'public.pulse_report(p_pulse_id uuid, p_group_by text)',
      'public.pulse_trend(p_limit integer)',
      'public.save_pulse(p_id uuid, p_question text, p_scale text, p_allow_comment boolean, p_store_ids uuid[], p_department_ids uuid[], p_roles text[], p_opens_at timestamp with time zone, p_closes_at timestamp with time zone)',
    ]);
    // Its shape: nothing that names a person, a time or an order; a random id.
    const columns = (
      await sql<{ column_name: string }>(
        `select column_name from information_schema.columns where table_schema = 'private' and table_name = 'pulse_answer_buffer' order by 1`,
      )
    ).map((r) => r.column_name);
    expect(columns).toEqual(['comment', 'department_id', 'id', 'pulse_id', 'score', 'store_id']);
    expect(await sql(`select relrowsecurity, reloptions from pg_class where oid = 'private.pulse_answer_buffer'::regclass`)).toEqual([
      { relrowsecurity: true, reloptions: ['autovacuum_vacuum_threshold=0', 'autovacuum_vacuum_scale_factor=0'] },
    ]);
  });
});
