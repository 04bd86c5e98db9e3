import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../db';
import type { MutationResult } from '../supabase/types';
import { judgeResults, nextBatch, splitBatch } from './push-plan';

const entryArb = fc
  .record({
    seq: fc.integer({ min: 1, max: 1_000_000 }),
    id: fc.uuid(),
    state: fc.constantFrom<'waiting' | 'rejected'>('waiting', 'waiting', 'rejected'),
  })
  .map(
    (e): OutboxEntry => ({
      ...e,
      type: 'kudos',
      payload: { to_member_id: e.id, message: 'x' },
      created_at: '2026-11-22T10:00:00Z',
    }),
  );
const outboxArb = fc.uniqueArray(entryArb, { selector: (e) => e.seq, maxLength: 60 });

describe('nextBatch', () => {
  it('takes the oldest waiting entries in order, never a rejected one, at most max', () => {
    fc.assert(
      fc.property(outboxArb, fc.integer({ min: 1, max: 20 }), (entries, max) => {
        const batch = nextBatch(entries, max);
        const waiting = entries.filter((e) => e.state === 'waiting').sort((a, b) => a.seq! - b.seq!);
        expect(batch).toEqual(waiting.slice(0, max));
      }),
    );
  });
});

describe('judgeResults', () => {
  it('puts every sent entry in exactly one bucket', () => {
    fc.assert(
      fc.property(outboxArb, fc.array(fc.constantFrom('applied', 'duplicate', 'rejected', 'missing')), (entries, statuses) => {
        const results: MutationResult[] = [];
        entries.forEach((entry, i) => {
          const status = statuses[i % Math.max(1, statuses.length)] ?? 'applied';
          if (status !== 'missing') results.push({ id: entry.id, status: status as MutationResult['status'], code: 'x', message: 'y' });
        });
        const verdict = judgeResults(entries, results);
        const all = [...verdict.confirmed, ...verdict.rejected.map((r) => r.id), ...verdict.unanswered];
        expect(all.sort()).toEqual(entries.map((e) => e.id).sort());
        for (const r of verdict.rejected) expect(results.find((x) => x.id === r.id)?.status).toBe('rejected');
      }),
    );
  });
});

describe('splitBatch', () => {
  it('keeps outbox order and always shrinks a batch of two or more, so the search for a bad item ends', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 2, maxLength: 500 }), (batch) => {
        const [first, second] = splitBatch(batch);
        expect([...first, ...second]).toEqual(batch);
        expect(first.length).toBeGreaterThan(0);
        expect(second.length).toBeGreaterThan(0);
      }),
    );
  });
});
