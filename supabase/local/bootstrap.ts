/**
 * Brings a bare database to the state a new Supabase project starts from
 * (bootstrap.sql), and wipes an existing database back to bare for `--reset`.
 */
import { readFile } from 'node:fs/promises';
import type { Pool } from 'pg';
import { withTransaction } from './pg-util';

export async function bootstrap(pool: Pool): Promise<void> {
  const sql = await readFile(new URL('./bootstrap.sql', import.meta.url), 'utf8');
  try {
    await withTransaction(pool, (client) => client.query(sql));
  } catch (error) {
    throw new Error(`Bootstrap failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * An embedded cluster is reset by deleting its data directory; an existing server
 * (DATABASE_URL) by dropping every schema in the database, as a new database has none
 * but `public`. Roles are cluster-wide and bootstrap reuses them.
 */
export async function dropAllSchemas(pool: Pool): Promise<void> {
  await pool.query(`
    do $$
    declare
      schema_name text;
    begin
      for schema_name in
        select nspname from pg_namespace
        where nspname not like 'pg\\_%' and nspname <> 'information_schema'
      loop
        execute format('drop schema %I cascade', schema_name);
      end loop;
      create schema public authorization pg_database_owner;
      grant usage on schema public to public;
    end
    $$`);
}
