/**
 * A foreign key into a table the app deletes from is indexed on the referencing side.
 * Without the index, each deleted row makes Postgres scan the whole referencing table
 * (to cascade or to check): a push subscription answered 410 or signed out scanned
 * every message queued and sent in the last week, and deleting Bench Retail's 50,000
 * devices took minutes. The tables are found in the migrations (`delete from`), so a
 * new delete path is checked without editing this test.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sql } from './support/fixtures';

const MIGRATIONS = fileURLToPath(new URL('../../supabase/migrations/', import.meta.url));

async function tablesDeletedFrom(): Promise<string[]> {
  const tables = new Set<string>();
  for (const file of (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql'))) {
    for (const match of (await readFile(`${MIGRATIONS}${file}`, 'utf8')).matchAll(/\bdelete\s+from\s+((?:public|private)\.[a-z_]+)/gi)) {
      tables.add(match[1]!.toLowerCase());
    }
  }
  return [...tables].sort();
}

describe('foreign keys into tables the app deletes from', () => {
  it('each has a full (not partial) index leading with its columns', async () => {
    const tables = await tablesDeletedFrom();
    expect(tables).toContain('public.push_subscriptions');
    const unindexed = await sql<{ constraint: string }>(
      `select format('%s.%s (%s)', n.nspname, c.relname, fk.conname) as constraint
       from pg_constraint fk
       join pg_class c on c.oid = fk.conrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_class r on r.oid = fk.confrelid
       join pg_namespace rn on rn.oid = r.relnamespace
       where fk.contype = 'f' and format('%s.%s', rn.nspname, r.relname) = any ($1::text[])
         and not exists (
           select 1 from pg_index i
           where i.indrelid = fk.conrelid and i.indpred is null
             and (i.indkey::int2[])[0:cardinality(fk.conkey) - 1] @> fk.conkey
             and (i.indkey::int2[])[0:cardinality(fk.conkey) - 1] <@ fk.conkey)
       order by 1`,
      [tables],
    );
    expect(unindexed.map((r) => r.constraint)).toEqual([]);
  });
});
