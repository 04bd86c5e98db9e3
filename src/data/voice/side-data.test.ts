import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LocalFeedback } from '../db';
import { refreshSideData } from '../side-data';
import type { MemberProfile, MyFeedbackItem, StoreBoardItem } from '../supabase/types';
import { fakeOnlineApi } from '../testing/fake-online-api';
import { freshDatabase } from '../testing/fresh-database';
import { myFeedbackItems, storeBoardItems } from './queries';
import { refreshInboxCount, refreshMyFeedback, refreshStoreBoard } from './side-data';

const STORE = { id: crypto.randomUUID(), name: 'Downtown', time_zone: 'Europe/Madrid' };

function member(role: MemberProfile['role'], store: MemberProfile['store']): MemberProfile {
  return {
    member_id: crypto.randomUUID(),
    user_id: crypto.randomUUID(),
    display_name: 'A',
    email: 'a@x',
    role,
    locale: 'en',
    organization: { id: crypto.randomUUID(), name: 'O' },
    store,
    department: null,
    managed_store_ids: [],
    answered_pulse_ids: [],
  };
}

function feedback(id: string, created_at: string, extra: Partial<LocalFeedback> = {}): LocalFeedback {
  return { id, kind: 'question', recipient: 'store', body: `Body ${id}`, briefing_id: null, status: 'open', created_at, replies: [], ...extra };
}

function boardItem(id: string, replyAt: string): StoreBoardItem {
  return { feedback_id: id, kind: 'suggestion', body: `Idea ${id}`, created_on: replyAt.slice(0, 10), replies: [{ body: 'Done', created_at: replyAt }] };
}

/** Answers my_feedback and store_board with these rows (or fails like a lost connection); other calls are refused. */
function fakeApi(answers: { my_feedback?: MyFeedbackItem[]; store_board?: StoreBoardItem[] }, fail = false) {
  return fakeOnlineApi((name) => {
    if (fail) return { ok: false, error: { kind: 'network', message: 'offline' } };
    const data = name === 'my_feedback' ? answers.my_feedback : name === 'store_board' ? answers.store_board : undefined;
    return data ? { ok: true, data } : { ok: false, error: { kind: 'http', status: 403, code: '42501', message: 'forbidden', details: 'forbidden' } };
  });
}

const db = freshDatabase();

describe('refreshMyFeedback', () => {
  it('replaces synced rows with the server copy and keeps what this phone has not had confirmed', async () => {
    await db().myFeedback.bulkPut([
      feedback('synced-gone', '2026-11-01T09:00:00Z'),
      feedback('synced-stale', '2026-11-02T09:00:00Z'),
      feedback('pending', '2026-11-20T09:00:00Z', { local_state: 'pending' }),
      feedback('rejected', '2026-11-19T09:00:00Z', { local_state: 'rejected' }),
      feedback('arrived', '2026-11-21T09:00:00Z', { local_state: 'pending' }),
    ]);
    const reply = { id: crypto.randomUUID(), body: 'Fixed', is_public: false, author_name: 'Morgan', created_at: '2026-11-03T10:00:00Z' };
    const server = [feedback('arrived', '2026-11-21T09:00:00Z'), feedback('synced-stale', '2026-11-02T09:00:00Z', { status: 'answered', replies: [reply] })];

    await expect(refreshMyFeedback(db(), fakeApi({ my_feedback: server }))).resolves.toEqual({ ok: true });

    const rows = await myFeedbackItems(db());
    expect(rows.map((r) => [r.id, r.local_state ?? 'synced'])).toEqual([
      ['arrived', 'synced'],
      ['pending', 'pending'],
      ['rejected', 'rejected'],
      ['synced-stale', 'synced'],
    ]);
    expect(rows.find((r) => r.id === 'synced-stale')).toMatchObject({ status: 'answered', replies: [reply] });
  });

  it('a failed refresh changes nothing and says why', async () => {
    await db().myFeedback.put(feedback('kept', '2026-11-01T09:00:00Z'));
    const outcome = await refreshMyFeedback(db(), fakeApi({}, true));
    expect(outcome).toEqual({ ok: false, error: { kind: 'network', message: 'offline' } });
    expect((await myFeedbackItems(db())).map((r) => r.id)).toEqual(['kept']);
  });
});

describe('refreshStoreBoard', () => {
  it('replaces the board and lists the latest reply first', async () => {
    await db().board.put(boardItem('old', '2026-10-01T10:00:00Z'));
    await refreshStoreBoard(db(), fakeApi({ store_board: [boardItem('a', '2026-11-10T10:00:00Z'), boardItem('b', '2026-11-12T10:00:00Z')] }));
    expect((await storeBoardItems(db())).map((i) => i.feedback_id)).toEqual(['b', 'a']);
  });
});

describe('voice side data in refreshSideData', () => {
  it('staff with a store get my feedback and the board; HR at head office only my feedback', async () => {
    const answers = { my_feedback: [feedback('mine', '2026-11-20T09:00:00Z')], store_board: [boardItem('x', '2026-11-20T10:00:00Z')] };
    const staff = fakeApi(answers);
    await refreshSideData(db(), staff, member('staff', STORE), () => new Date());
    expect(staff.calls).toEqual(expect.arrayContaining(['my_feedback', 'store_board']));
    expect((await storeBoardItems(db())).map((i) => i.feedback_id)).toEqual(['x']);

    const hr = fakeApi(answers);
    await refreshSideData(db(), hr, member('hr', null), () => new Date());
    expect(hr.calls).toContain('my_feedback');
    expect(hr.calls).not.toContain('store_board');
  });

  it("keeps a manager's open inbox count for the Voice tab, never asks for a staff member's, and keeps the last count when offline", async () => {
    const counting = (count: number | null) =>
      fakeOnlineApi((name) =>
        name === 'feedback_open_count' && count !== null ? { ok: true, data: count } : { ok: false, error: { kind: 'network', message: 'offline' } },
      );
    const staff = counting(7);
    await refreshSideData(db(), staff, member('staff', STORE), () => new Date());
    expect(staff.calls).not.toContain('feedback_open_count');
    expect(await db().counts.get('inbox_open')).toBeUndefined();

    await refreshSideData(db(), counting(3), member('manager', STORE), () => new Date('2026-12-01T10:00:00Z'));
    expect(await db().counts.get('inbox_open')).toEqual({ key: 'inbox_open', count: 3, fetched_at: '2026-12-01T10:00:00.000Z' });
    await expect(refreshInboxCount(db(), counting(null), () => new Date())).resolves.toMatchObject({ ok: false });
    expect((await db().counts.get('inbox_open'))?.count).toBe(3);
  });
});
