/**
 * For unit tests on fake-indexeddb: a new, empty database for each test,
 * closed and deleted after it. `const db = freshDatabase();` at the top of a
 * file, then `db()` inside tests.
 */
import { afterEach, beforeEach } from 'vitest';
import { type FrontlineDb, openDatabase } from '../db';

export function freshDatabase(): () => FrontlineDb {
  let db: FrontlineDb | null = null;
  beforeEach(() => {
    db = openDatabase(crypto.randomUUID());
  });
  afterEach(async () => {
    db?.close();
    await db?.delete();
    db = null;
  });
  return () => {
    if (!db) throw new Error('freshDatabase: no database outside a test');
    return db;
  };
}
