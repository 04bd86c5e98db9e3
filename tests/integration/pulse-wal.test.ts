/**
 * Pulse anonymity under backups, read from the write-ahead log itself (what a
 * point-in-time restore replays), as the database owner with pg_walinspect:
 * the transaction that records who answered writes no answer to the log; an
 * answer's text reaches the log only when it moves to pulse_responses with 4
 * others.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { createMember, createOrg, mutation, push, sql, type TestMember } from './support/fixtures';

let hr: TestMember;
let members: TestMember[];

/** Whether any block image or record data the log holds since `from` contains this text. */
async function logContains(from: string, text: string): Promise<boolean> {
  const [row] = await sql<{ found: boolean }>(
    `select exists (select 1 from pg_get_wal_block_info($1::pg_lsn, pg_current_wal_insert_lsn())
                    where position(convert_to($2, 'UTF8') in coalesce(block_data, ''::bytea) || coalesce(block_fpi_data, ''::bytea)) > 0) as found`,
    [from, text],
  );
  return row!.found;
}
const insertLsn = async () => (await sql<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn'))[0]!.lsn;

beforeAll(async () => {
  await sql('create extension if not exists pg_walinspect');
  const org = await createOrg();
  hr = await createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' });
  members = await Promise.all(Array.from({ length: 5 }, () => createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId })));
});

describe('the write-ahead log', () => {
  it('holds no waiting answer; the answers enter it only in the batch of five', async () => {
    const saved = await callRpc(hr.client, 'save_pulse', {
      p_question: `WAL ${randomUUID().slice(0, 6)}`,
      p_scale: 'nps_0_10',
      p_allow_comment: true,
      p_closes_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const comments = members.map(() => `wal-marker-${randomUUID()}`);
    const start = await insertLsn();
    for (let i = 0; i < 4; i += 1) {
      const [result] = await push(members[i]!.client, [mutation('pulse_response', { pulse_id: saved.data.id, score: 7, comment: comments[i] })]);
      expect(result?.status).toBe('applied');
    }
    // Everything written so far reaches the log's flushed end, which is as far as pg_walinspect reads.
    await sql('checkpoint');
    for (const comment of comments.slice(0, 4)) expect(await logContains(start, comment), comment).toBe(false);

    const [fifth] = await push(members[4]!.client, [mutation('pulse_response', { pulse_id: saved.data.id, score: 7, comment: comments[4] })]);
    expect(fifth?.status).toBe('applied');
    await sql('checkpoint');
    for (const comment of comments) expect(await logContains(start, comment), comment).toBe(true);
  });
});
