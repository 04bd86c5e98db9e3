import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import type { DBCoreMutateRequest } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeBriefing } from '../briefings/commands';
import type { CommandContext } from '../command-core';
import { type FrontlineDb, openDatabase, readMeta } from '../db';
import { giveKudos } from '../values/commands';
import { SyncEngine, type SyncEngineOptions } from './engine';
import { FakeServer, NETWORK_DOWN, OUTDATED, SERVER_ERROR, UNAUTHORIZED } from './testing/fake-server';

let db: FrontlineDb;
let server: FakeServer;
let timers: Array<{ fn: () => void; ms: number }>;

function engine(overrides: Partial<SyncEngineOptions> = {}): SyncEngine {
  return new SyncEngine({
    db,
    api: server,
    lockName: 'test',
    random: () => 0.5,
    now: () => 1_000_000,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
    ...overrides,
  });
}

function ctx(): CommandContext {
  return { db, now: () => new Date('2026-11-22T10:00:00Z'), newId: randomUUID, afterWrite: () => {} };
}

async function queueKudos(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = await giveKudos(ctx(), { to_member_id: randomUUID(), message: `thanks ${i}` });
    if (!result.ok) throw new Error(result.reason);
    ids.push(result.id);
  }
  return ids;
}

/**
 * Sees every write the engine makes (table and request) before it reaches IndexedDB;
 * returning an error makes that write fail as the browser would.
 */
function onWrite(inspect: (table: string, request: DBCoreMutateRequest) => DOMException | null): void {
  db.use({
    stack: 'dbcore',
    name: `on-write-${Math.random()}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            const failure = inspect(name, request);
            return failure ? Promise.reject(failure) : table.mutate(request);
          },
        };
      },
    }),
  });
}

beforeEach(() => {
  db = openDatabase(randomUUID());
  server = new FakeServer();
  timers = [];
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('push', () => {
  it('drains the outbox in order, in batches no larger than the limit', async () => {
    const ids = await queueKudos(7);
    await engine({ batchSize: 3 }).requestSync();
    expect(server.pushCalls.map((batch) => batch.length)).toEqual([3, 3, 1]);
    expect(server.pushCalls.flat().map((m) => m.id)).toEqual(ids);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a rejected entry with its reason and never sends it again', async () => {
    const [bad, good] = await queueKudos(2);
    server.rejectWhen = (m) => (m.id === bad ? { id: m.id, status: 'rejected', code: 'unknown_member', message: 'No active colleague' } : null);
    const sync = engine();
    await sync.requestSync();
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: bad, state: 'rejected', rejection: { code: 'unknown_member', message: 'No active colleague' } });
    expect(server.applied.has(good!)).toBe(true);
    await sync.requestSync();
    expect(server.pushCalls.flat().filter((m) => m.id === bad)).toHaveLength(1);
  });

  it("a kudos shown as pending becomes confirmed, or refused, with the server's verdict", async () => {
    await db.meta.put({
      key: 'sync',
      cursor: 0,
      last_synced_at: null,
      first_sync: null,
      me: {
        member_id: randomUUID(),
        user_id: randomUUID(),
        display_name: 'Alex Kim',
        email: 'a@x',
        role: 'staff',
        locale: 'en',
        organization: { id: randomUUID(), name: 'O' },
        store: null,
        department: null,
        managed_store_ids: [],
        answered_pulse_ids: [],
      },
    });
    const [bad, good] = await queueKudos(2);
    expect((await db.kudos.bulkGet([bad!, good!])).map((k) => k?.local_state)).toEqual(['pending', 'pending']);
    server.rejectWhen = (m) => (m.id === bad ? { id: m.id, status: 'rejected', code: 'unknown_member', message: 'No active colleague' } : null);
    await engine().requestSync();
    expect((await db.kudos.bulkGet([bad!, good!])).map((k) => k?.local_state)).toEqual(['rejected', undefined]);
  });

  it('marks an acknowledgement waiting, then confirmed once the server has it', async () => {
    server.addBriefings(1);
    const [briefing] = [...server.briefings.values()];
    const result = await acknowledgeBriefing(ctx(), briefing!);
    expect(result.ok).toBe(true);
    expect((await db.acks.toArray())[0]?.local_state).toBe('pending');
    await engine().requestSync();
    const ack = (await db.acks.toArray())[0];
    expect(ack?.local_state).toBeUndefined();
    expect(ack?.briefing_id).toBe(briefing!.id);
  });
});

describe('failures', () => {
  it('a network error leaves the outbox alone and retries within 2 s with backoff', async () => {
    await queueKudos(2);
    server.failNext(NETWORK_DOWN, SERVER_ERROR);
    const sync = engine();
    await sync.requestSync();
    expect(sync.getStatus().phase).toBe('retrying');
    expect(timers[0]!.ms).toBeLessThanOrEqual(2_000);
    expect(await db.outbox.count()).toBe(2);
    timers.shift()!.fn();
    await sync.requestSync();
    expect(sync.getStatus().phase).toBe('retrying');
    expect(timers[0]!.ms).toBeGreaterThan(1_000);
    timers.shift()!.fn();
    await sync.requestSync();
    expect(sync.getStatus().phase).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect(server.applied.size).toBe(2);
  });

  it('a fetch that throws is retried like any network failure', async () => {
    await queueKudos(1);
    server.failNext('throw');
    const sync = engine();
    await sync.requestSync();
    expect(sync.getStatus().phase).toBe('retrying');
    expect(await db.outbox.count()).toBe(1);
    timers.shift()!.fn();
    await sync.requestSync();
    expect(await db.outbox.count()).toBe(0);
  });

  it('a 401 refreshes the session once and carries on', async () => {
    await queueKudos(1);
    server.failNext(UNAUTHORIZED);
    const sync = engine();
    await sync.requestSync();
    expect(server.refreshCalls).toBe(1);
    expect(sync.getStatus().phase).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
  });

  it('a second 401 asks the person to sign in and keeps the outbox untouched', async () => {
    await queueKudos(3);
    server.failNext(UNAUTHORIZED, UNAUTHORIZED);
    const sync = engine();
    await sync.requestSync();
    expect(server.refreshCalls).toBe(1);
    expect(sync.getStatus()).toMatchObject({ phase: 'signin_required' });
    expect(await db.outbox.where('state').equals('waiting').count()).toBe(3);
    await sync.requestSync();
    expect(server.pushCalls).toHaveLength(2);
    await sync.resume();
    expect(sync.getStatus().phase).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
  });

  it('a refresh that fails for lack of network backs off instead of signing out', async () => {
    await queueKudos(1);
    server.failNext(UNAUTHORIZED);
    server.refreshAnswer = 'offline';
    const sync = engine();
    await sync.requestSync();
    expect(sync.getStatus().phase).toBe('retrying');
    expect(timers).toHaveLength(1);
  });

  it('offline: no call at all, status says so', async () => {
    await queueKudos(1);
    const sync = engine({ isOnline: () => false });
    await sync.requestSync();
    expect(sync.getStatus().phase).toBe('offline');
    expect(server.pushCalls).toHaveLength(0);
  });
});

describe('pull', () => {
  it('pages through the cursor, storing every row and the cursor with it', async () => {
    server.addBriefings(7);
    await engine({ pageSize: 3 }).requestSync();
    expect(server.pullCalls.map((c) => c.cursor)).toEqual([0, 3, 6]);
    expect(await db.briefings.count()).toBe(7);
    const meta = await readMeta(db);
    expect(meta.cursor).toBe(7);
    expect(meta.first_sync).toBeNull();
    expect(meta.last_synced_at).not.toBeNull();
    expect(meta.me?.display_name).toBe('Alex Kim');
  });

  it('reports first-sync progress as rows so far of the total', async () => {
    server.addBriefings(5);
    const sync = engine({ pageSize: 2 });
    const progress: Array<{ done: number; total: number | null } | null> = [];
    // Each page's sync meta as it is written.
    onWrite((table, request) => {
      if (table === 'meta' && request.type === 'put') {
        for (const row of request.values as Array<{ key: string; first_sync: { done: number; total: number | null } | null }>) {
          if (row.key === 'sync') progress.push(row.first_sync);
        }
      }
      return null;
    });
    await sync.requestSync();
    expect(progress).toEqual([{ done: 2, total: 5 }, { done: 4, total: 5 }, null]);
    expect((await readMeta(db)).first_sync).toBeNull();
  });

  it("asks for the next page while the current one is written, so network waits overlap the page's work", async () => {
    server.addBriefings(5);
    let written = 0;
    db.briefings.hook('creating', () => {
      written++;
    });
    const writtenWhenAsked: number[] = [];
    const original = server.pull.bind(server);
    server.pull = (cursor, limit) => {
      writtenWhenAsked.push(written);
      return original(cursor, limit);
    };
    await engine({ pageSize: 2 }).requestSync();
    expect(server.pullCalls.map((c) => c.cursor)).toEqual([0, 2, 4]);
    // Page 2 was asked for before page 1 was written, page 3 before page 2.
    expect(writtenWhenAsked).toEqual([0, 0, 2]);
    expect(await db.briefings.count()).toBe(5);
  });

  it('a page that cannot be written leaves the cursor on the last page written; the next sync carries on from there', async () => {
    server.addBriefings(5);
    const failOnce = { armed: false };
    onWrite((table) => {
      if (table !== 'briefings' || !failOnce.armed) return null;
      failOnce.armed = false;
      return new DOMException('The transaction was aborted.', 'AbortError');
    });
    let pages = 0;
    const original = server.pull.bind(server);
    server.pull = async (cursor, limit) => {
      const answer = await original(cursor, limit);
      // The third page arrives while the second is being written: that write fails.
      if (++pages === 3) failOnce.armed = true;
      return answer;
    };
    const sync = engine({ pageSize: 2 });
    await sync.requestSync();
    expect(sync.getStatus().phase).toBe('retrying');
    expect((await readMeta(db)).cursor).toBe(2);
    expect(await db.briefings.count()).toBe(2);

    timers.shift()!.fn();
    await sync.requestSync();
    expect(await db.briefings.count()).toBe(5);
    expect((await readMeta(db)).cursor).toBe(5);
  });

  it('applies removals', async () => {
    const [first, second] = server.addBriefings(2);
    const sync = engine();
    await sync.requestSync();
    server.remove(first!.id);
    await sync.requestSync();
    expect((await db.briefings.toArray()).map((b) => b.id)).toEqual([second!.id]);
  });

  it('only one cycle runs at a time; requests during it fold into one more', async () => {
    await queueKudos(1);
    const sync = engine();
    const calls = [sync.requestSync(), sync.requestSync(), sync.requestSync()];
    await Promise.all(calls);
    expect(server.pullCalls.length).toBe(2);
  });

  it('runs each cycle under the shared Web Lock', async () => {
    const names: string[] = [];
    const locks = {
      request: (async (name: string, fn: () => Promise<unknown>) => {
        names.push(name);
        return fn();
      }) as unknown as LockManager['request'],
    };
    await engine({ locks, lockName: 'frontline-sync:user' }).requestSync();
    expect(names).toEqual(['frontline-sync:user']);
  });
});

describe('resume', () => {
  it('a token refreshed during every call never turns into another sync (a clock an hour ahead)', async () => {
    server.addBriefings(2);
    const sync = engine();
    const pull = server.pull.bind(server);
    // supabase-js refreshes a token that looks expired before each call; each refresh calls resume().
    server.pull = async (cursor, limit) => {
      if (server.pullCalls.length < 50) void sync.resume();
      return pull(cursor, limit);
    };
    await sync.requestSync();
    expect(server.pullCalls.length).toBe(1);
    expect(sync.getStatus().phase).toBe('idle');
  });

  it("a token refreshed elsewhere ends a backoff that began because this engine's own refresh found no network", async () => {
    await queueKudos(1);
    const sync = engine();
    server.failNext(UNAUTHORIZED);
    server.refreshAnswer = 'offline';
    await sync.requestSync();
    expect(sync.getStatus()).toMatchObject({ phase: 'retrying', problem: { code: 'no_connection' } });
    expect(server.applied.size).toBe(0);

    // supabase-js's own timer refreshes the token once the network is back, and says so.
    server.refreshAnswer = 'refreshed';
    await sync.resume();
    expect(sync.getStatus().phase).toBe('idle');
    expect(server.applied.size).toBe(1);
  });

  it('does nothing while idle or retrying: only "sign in to sync" and "stopped" are left by a resume', async () => {
    const sync = engine();
    await sync.resume();
    expect(server.pullCalls).toHaveLength(0);
    server.failNext(SERVER_ERROR);
    await sync.requestSync();
    expect(sync.getStatus().phase).toBe('retrying');
    await sync.resume();
    expect(server.pullCalls).toHaveLength(1);
    expect(timers).toHaveLength(1);
  });
});

describe('one item the server cannot read', () => {
  async function queueUnreadableKudos(): Promise<string> {
    const id = randomUUID();
    // Straight into the outbox: the command would have cleaned the text.
    await db.outbox.add({
      id,
      type: 'kudos',
      payload: { to_member_id: randomUUID(), message: 'Great\u0000job' },
      created_at: '2026-11-22T10:00:00Z',
      state: 'waiting',
    });
    return id;
  }

  it('is found by splitting the refused batch: only it is refused, with a code, and everything around it lands', async () => {
    const [before] = await queueKudos(1);
    const bad = await queueUnreadableKudos();
    server.addBriefings(3);
    for (const briefing of server.briefings.values()) await acknowledgeBriefing(ctx(), briefing);
    const sync = engine();
    await sync.requestSync();
    expect(sync.getStatus().phase).toBe('idle');
    expect([...server.applied.values()].filter((m) => m.type === 'ack')).toHaveLength(3);
    expect(server.applied.has(before!)).toBe(true);
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ id: bad, state: 'rejected', rejection: expect.objectContaining({ code: 'unreadable' }) }),
    ]);
    expect((await db.acks.toArray()).map((a) => a.local_state)).toEqual([undefined, undefined, undefined]);
    expect(await db.briefings.count()).toBe(3);
    const sentBad = server.pushCalls.filter((call) => call.some((m) => m.id === bad));
    expect(sentBad.at(-1)).toHaveLength(1);
    await sync.requestSync();
    expect(server.pushCalls.filter((call) => call.some((m) => m.id === bad))).toHaveLength(sentBad.length);
  });

  it('a push that fails for a reason other than the network or the session still lets the pull run', async () => {
    await queueKudos(1);
    server.addBriefings(2);
    server.failNext(OUTDATED);
    const sync = engine();
    await sync.requestSync();
    expect(await db.briefings.count()).toBe(2);
    expect(sync.getStatus()).toMatchObject({ phase: 'stopped', problem: { code: 'outdated_app' } });
    expect(await db.outbox.where('state').equals('waiting').count()).toBe(1);
  });
});

describe('a full phone', () => {
  /** Every write fails as a full disk does while `full` is set (reads still work). */
  function fillUp(): { full: boolean } {
    const disk = { full: false };
    onWrite(() => (disk.full ? new DOMException('The quota has been exceeded.', 'QuotaExceededError') : null));
    return disk;
  }

  it('is named, never re-sends what the server confirmed, and recovers once space returns', async () => {
    const disk = fillUp();
    await queueKudos(3);
    server.addBriefings(2);
    disk.full = true;
    const sync = engine();
    await sync.requestSync();
    expect(sync.getStatus()).toMatchObject({ phase: 'retrying', problem: { code: 'storage_full' } });
    expect(server.applied.size).toBe(3);
    for (let retry = 0; retry < 3; retry++) {
      timers.shift()!.fn();
      await sync.requestSync();
      expect(sync.getStatus().problem).toEqual({ code: 'storage_full' });
    }
    expect(server.pushCalls.flat()).toHaveLength(3);

    disk.full = false;
    timers.shift()!.fn();
    await sync.requestSync();
    expect(sync.getStatus().phase).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.briefings.count()).toBe(2);
    expect(server.pushCalls.flat()).toHaveLength(3);
  });
});

describe('server time', () => {
  it("each pull keeps how far the server clock is from this phone's, so it is known offline and after a restart", async () => {
    server.addBriefings(1);
    const dayBehind = Date.parse('2026-11-21T10:00:00Z');
    await engine({ now: () => dayBehind }).requestSync();
    expect((await readMeta(db)).clock_offset_ms).toBe(86_400_000);
    server.serverTime = dayBehind + 5_000;
    await engine({ now: () => dayBehind }).requestSync();
    expect((await readMeta(db)).clock_offset_ms).toBe(5_000);
  });
});

describe('a closed account', () => {
  it('sends what is waiting first (acks of what it was shown go through, the rest is refused), then stops with deactivated', async () => {
    server.addBriefings(1);
    const [shown] = [...server.briefings.values()];
    const sync = engine();
    await sync.requestSync();
    expect((await acknowledgeBriefing(ctx(), shown!)).ok).toBe(true);
    const [kudos] = await queueKudos(1);
    server.closeAccount();
    await sync.requestSync();
    expect(sync.getStatus()).toMatchObject({ phase: 'stopped', problem: { code: 'deactivated' } });
    expect([...server.applied.values()].map((m) => m.type)).toEqual(['ack']);
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ id: kudos, state: 'rejected', rejection: expect.objectContaining({ code: 'account_closed' }) }),
    ]);
  });

  it('offers what was written while the pull was being refused before it stops', async () => {
    let written: string | undefined;
    const api = {
      push: (mutations: Parameters<FakeServer['push']>[0]) => server.push(mutations),
      refreshSession: () => server.refreshSession(),
      async pull(cursor: number, limit: number) {
        written ??= (await queueKudos(1))[0];
        return server.pull(cursor, limit);
      },
    };
    server.closeAccount();
    const sync = engine({ api });
    await sync.requestSync();
    expect(sync.getStatus()).toMatchObject({ phase: 'stopped', problem: { code: 'deactivated' } });
    expect(server.pushCalls.flat().map((m) => m.id)).toEqual([written]);
  });

  it('does not stop as closed while the last push cannot get through: it retries', async () => {
    await queueKudos(1);
    server.closeAccount();
    server.failNext(NETWORK_DOWN);
    const sync = engine();
    await sync.requestSync();
    expect(sync.getStatus().phase).toBe('retrying');
    expect(await db.outbox.where('state').equals('waiting').count()).toBe(1);
  });
});
