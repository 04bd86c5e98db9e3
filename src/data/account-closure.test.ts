import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { accountClosed, wipeLocalData } from './account-closure';
import { databaseName, openDatabase } from './db';
import type { SyncStatus } from './sync/engine';

const status = (phase: SyncStatus['phase'], problem: SyncStatus['problem']): SyncStatus => ({ phase, problem, nextRetryAt: null });

describe('accountClosed (the wipe decision)', () => {
  it('is true only once the engine stopped because the account was closed', () => {
    expect(accountClosed(status('stopped', { code: 'deactivated' }))).toBe(true);
    expect(accountClosed(status('stopped', { code: 'forbidden' }))).toBe(false);
    expect(accountClosed(status('signin_required', { code: 'signin' }))).toBe(false);
    expect(accountClosed(status('retrying', { code: 'no_connection' }))).toBe(false);
    expect(accountClosed(status('offline', null))).toBe(false);
    expect(accountClosed(status('idle', null))).toBe(false);
  });
});

describe('wipeLocalData', () => {
  it("deletes that person's database, outbox included, and leaves another person's alone", async () => {
    const [leaver, other] = [randomUUID(), randomUUID()];
    for (const userId of [leaver, other]) {
      const db = openDatabase(userId);
      await db.outbox.add({
        id: randomUUID(),
        type: 'kudos',
        payload: { to_member_id: randomUUID(), message: 'hi' },
        created_at: new Date().toISOString(),
        state: 'rejected',
      });
      db.close();
    }
    const open = openDatabase(leaver);
    await open.open();
    await wipeLocalData(leaver);
    expect(await Dexie.exists(databaseName(leaver))).toBe(false);
    expect(await Dexie.exists(databaseName(other))).toBe(true);
    await wipeLocalData(leaver);
  });
});
