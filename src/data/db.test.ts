import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { databaseName, openDatabase, readMeta, SCHEMA_VERSIONS } from './db';
import { V1_ROWS, V1_STORES } from './schema-fixtures/v1';
import { V2_ROWS, V2_STORES } from './schema-fixtures/v2';
import { V3_ROWS, V3_STORES } from './schema-fixtures/v3';

describe('local database versions', () => {
  it('version 1 is still declared exactly as it shipped', () => {
    expect(SCHEMA_VERSIONS[0]).toEqual({ version: 1, stores: V1_STORES });
  });

  it('opens a database written by version 1, keeping its content, outbox and cursor', async () => {
    const userId = crypto.randomUUID();
    const old = new Dexie(databaseName(userId));
    old.version(1).stores(V1_STORES);
    await old.open();
    await old.table('briefings').bulkAdd(V1_ROWS.briefings.map((r) => ({ ...r })));
    await old.table('acks').bulkAdd(V1_ROWS.acks.map((r) => ({ ...r })));
    await old.table('outbox').bulkAdd(V1_ROWS.outbox.map((r) => ({ ...r })));
    await old.table('meta').bulkAdd(V1_ROWS.meta.map((r) => ({ ...r })));
    old.close();

    const db = openDatabase(userId);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version);
    expect((await db.briefings.get(V1_ROWS.briefings[0].id))?.title).toBe('Morning huddle');
    expect(await db.outbox.where('state').equals('waiting').count()).toBe(1);
    expect(await db.acks.where('briefing_id').equals(V1_ROWS.briefings[0].id).count()).toBe(1);
    expect((await readMeta(db)).cursor).toBe(42);
    db.close();
    await db.delete();
  });

  it('version 2 adds only the compose directory to version 1', () => {
    expect(SCHEMA_VERSIONS[1]).toEqual({ version: 2, stores: { composeDirectory: 'key' } });
    expect({ ...SCHEMA_VERSIONS[0]!.stores, ...SCHEMA_VERSIONS[1]!.stores }).toEqual(V2_STORES);
  });

  it('upgrades a version 1 database with an empty compose directory', async () => {
    const userId = crypto.randomUUID();
    const old = new Dexie(databaseName(userId));
    old.version(1).stores(V1_STORES);
    await old.open();
    await old.table('briefings').bulkAdd(V1_ROWS.briefings.map((r) => ({ ...r })));
    old.close();

    const db = openDatabase(userId);
    expect(await db.composeDirectory.count()).toBe(0);
    expect(await db.briefings.count()).toBe(1);
    db.close();
    await db.delete();
  });

  it('opens a database written by version 2, keeping its cached compose directory', async () => {
    const userId = crypto.randomUUID();
    const old = new Dexie(databaseName(userId));
    old.version(2).stores(V2_STORES);
    await old.open();
    await old.table('composeDirectory').bulkAdd(V2_ROWS.composeDirectory.map((r) => structuredClone(r)));
    await old.table('meta').bulkAdd(V1_ROWS.meta.map((r) => ({ ...r })));
    old.close();

    const db = openDatabase(userId);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version);
    expect(await db.composeDirectory.get('directory')).toEqual(V2_ROWS.composeDirectory[0]);
    expect((await readMeta(db)).cursor).toBe(42);
    db.close();
    await db.delete();
  });

  it('version 3 adds only the values, learning and voice tables to version 2', () => {
    expect(SCHEMA_VERSIONS[2]?.version).toBe(3);
    expect({ ...SCHEMA_VERSIONS[0]!.stores, ...SCHEMA_VERSIONS[1]!.stores, ...SCHEMA_VERSIONS[2]!.stores }).toEqual(V3_STORES);
  });

  it('upgrades a version 2 database: its compose directory stays, the new tables start empty', async () => {
    const userId = crypto.randomUUID();
    const old = new Dexie(databaseName(userId));
    old.version(2).stores(V2_STORES);
    await old.open();
    await old.table('composeDirectory').bulkAdd(V2_ROWS.composeDirectory.map((r) => structuredClone(r)));
    old.close();

    const db = openDatabase(userId);
    expect(await db.composeDirectory.get('directory')).toEqual(V2_ROWS.composeDirectory[0]);
    expect(await db.roster.count()).toBe(0);
    expect(await db.lessonProgress.count()).toBe(0);
    db.close();
    await db.delete();
  });

  it('opens a database written by version 3, keeping a lesson half-way through and its review schedule', async () => {
    const userId = crypto.randomUUID();
    const old = new Dexie(databaseName(userId));
    old.version(3).stores(V3_STORES);
    await old.open();
    await old.table('roster').bulkAdd(V3_ROWS.roster.map((r) => structuredClone(r)));
    await old.table('lessonProgress').bulkAdd(V3_ROWS.lessonProgress.map((r) => structuredClone(r)));
    await old.table('reviews').bulkAdd(V3_ROWS.reviews.map((r) => structuredClone(r)));
    old.close();

    const db = openDatabase(userId);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version);
    expect(await db.lessonProgress.get(V3_ROWS.lessonProgress[0].lesson_id)).toEqual(V3_ROWS.lessonProgress[0]);
    expect(await db.reviews.where('due_at').below('2026-12-01').count()).toBe(1);
    expect((await db.roster.orderBy('display_name').first())?.display_name).toBe('Sam Patel');
    db.close();
    await db.delete();
  });

  it('version 4 adds only the table of server counts', () => {
    expect(SCHEMA_VERSIONS[3]).toEqual({ version: 4, stores: { counts: 'key' } });
  });

  it('keeps each person in their own database', async () => {
    const alex = openDatabase('alex-id');
    const sam = openDatabase('sam-id');
    await alex.briefings.add({ ...V1_ROWS.briefings[0], roles: [], store_ids: [], department_ids: [] });
    expect(await sam.briefings.count()).toBe(0);
    expect(alex.name).not.toBe(sam.name);
    alex.close();
    sam.close();
    await Promise.all([alex.delete(), sam.delete()]);
  });
});
