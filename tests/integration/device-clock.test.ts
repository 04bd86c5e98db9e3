/**
 * Device time is evidence, not a gate: a phone whose clock runs fast never
 * loses an acknowledgement or a lesson attempt. The server keeps what the
 * device claimed and when it received it, flags skew, and never records a
 * claim earlier than the text it names existed.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_EXPORT_COLUMNS } from '../../src/data/supabase/types';
import { parseCsv } from '../support/csv';
import { briefingVersion, createMember, createOrg, mutation, publishBriefing, push, SEED, sql, type TestMember } from './support/fixtures';

const minute = 60_000;
const day = 24 * 60 * minute;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

let org: Awaited<ReturnType<typeof createOrg>>;
let hr: TestMember;
let staff: TestMember;

beforeAll(async () => {
  org = await createOrg();
  [hr, staff] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
  ]);
});

interface StoredAck {
  acked_at: Date;
  received_at: Date;
  clock_flag: string | null;
}

/** `ackedAt`: a fixed claim, or milliseconds from the moment the briefing exists. */
async function ackWithClock(
  ackedAt: string | number,
  title = `Clock ${randomUUID().slice(0, 8)}`,
): Promise<{ title: string; claimed: string; status: string | undefined; row: StoredAck | undefined }> {
  const briefingId = await publishBriefing(hr.client, { title, store_ids: [org.storeId] });
  const v = await briefingVersion(briefingId);
  const claimed = typeof ackedAt === 'string' ? ackedAt : iso(ackedAt);
  const [result] = await push(staff.client, [
    mutation('ack', { briefing_id: briefingId, version: v.version, content_hash: v.content_hash, acked_at: claimed }),
  ]);
  const [row] = await sql<StoredAck>('select acked_at, received_at, clock_flag from public.acknowledgements where briefing_id = $1 and member_id = $2', [
    briefingId,
    staff.memberId,
  ]);
  return { title, claimed, status: result?.status, row };
}

describe('acknowledgements from a wrong clock', () => {
  it.each([
    ['10 minutes', 10 * minute],
    ['a day', day],
  ])('a phone %s fast is applied with its claim kept and flagged device_ahead', async (_name, ahead) => {
    const { claimed, status, row } = await ackWithClock(ahead);
    expect(status).toBe('applied');
    expect(row?.acked_at.toISOString()).toBe(claimed);
    expect(row!.received_at.getTime()).toBeLessThan(Date.parse(claimed) - 5 * minute);
    expect(row?.clock_flag).toBe('device_ahead');
  });

  it('a claim a few seconds ahead is recorded as claimed with no flag', async () => {
    const { claimed, status, row } = await ackWithClock(3_000);
    expect(status).toBe('applied');
    expect(row?.acked_at.toISOString()).toBe(claimed);
    expect(row?.clock_flag).toBeNull();
  });

  it('a claim from before the version existed is not recorded: the receipt time is, flagged before_version', async () => {
    const { status, row } = await ackWithClock('2001-01-01T00:00:00Z');
    expect(status).toBe('applied');
    expect(row?.acked_at.toISOString()).toBe(row?.received_at.toISOString());
    expect(row?.clock_flag).toBe('before_version');
  });

  it('the audit CSV shows the flag and never the impossible claim', async () => {
    const fast = await ackWithClock(day);
    const past = await ackWithClock('2001-01-01T00:00:00Z');
    const honest = await ackWithClock(0);
    const { data, status } = await hr.client.rpc('audit_export', {}).csv();
    expect(status).toBe(200);
    const [header, ...rows] = parseCsv(data as unknown as string);
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    const col = (name: (typeof AUDIT_EXPORT_COLUMNS)[number]) => header!.indexOf(name);
    const rowOf = (title: string) => rows.find((r) => r[col('briefing')] === title);
    expect(rowOf(fast.title)?.[col('clock_flag')]).toBe('device_ahead');
    expect(rowOf(past.title)?.[col('clock_flag')]).toBe('before_version');
    expect(rowOf(honest.title)?.[col('clock_flag')]).toBe('');
    expect(data as unknown as string).not.toContain('2001-01-01');
    const pastRow = rowOf(past.title)!;
    expect(Date.parse(pastRow[col('acked_on_device_at')]!)).toBe(Date.parse(pastRow[col('received_by_server_at')]!));
  });
});

describe('lesson attempts from a wrong clock', () => {
  let learner: TestMember;
  beforeAll(async () => {
    learner = await createMember({ storeId: SEED.downtown, departmentId: SEED.checkout });
  });

  async function attempt(startedAt: string, completedAt: string) {
    const [result] = await push(learner.client, [
      mutation('lesson_attempt', {
        lesson_id: SEED.lessonLifting,
        lesson_version: 1,
        answers: { q1: ['b'], q2: ['a', 'c'] },
        started_at: startedAt,
        completed_at: completedAt,
      }),
    ]);
    const [row] = await sql<{ started_at: Date; completed_at: Date; received_at: Date; clock_flag: string | null }>(
      'select started_at, completed_at, received_at, clock_flag from public.lesson_attempts where id = $1',
      [result?.id],
    );
    return { status: result?.status, row };
  }

  it.each([
    ['10 minutes', 10 * minute],
    ['a day', day],
  ])('a phone %s fast is applied with its claim kept and flagged device_ahead', async (_name, ahead) => {
    const completed = iso(ahead);
    const { status, row } = await attempt(iso(ahead - 2 * minute), completed);
    expect(status).toBe('applied');
    expect(row?.completed_at.toISOString()).toBe(completed);
    expect(row?.clock_flag).toBe('device_ahead');
  });

  it('a completion before the lesson version existed is recorded at receipt, flagged before_version', async () => {
    const { status, row } = await attempt('2001-01-01T00:00:00Z', '2001-01-01T00:03:00Z');
    expect(status).toBe('applied');
    expect(row?.completed_at.toISOString()).toBe(row?.received_at.toISOString());
    expect(row!.started_at.getTime()).toBeLessThanOrEqual(row!.completed_at.getTime());
    expect(row!.started_at.getFullYear()).toBeGreaterThan(2001);
    expect(row?.clock_flag).toBe('before_version');
  });

  it('a clock set back during the lesson (completed before started) is kept, not lost', async () => {
    const { status, row } = await attempt(iso(day), iso(0));
    expect(status).toBe('applied');
    expect(row!.started_at.getTime()).toBeLessThanOrEqual(row!.completed_at.getTime());
    expect(row?.clock_flag).toBe('clock_moved');
  });
});
