/**
 * Applies `supabase/migrations/<version>_<name>.sql` in file-name order, each once and
 * in its own transaction, recording it in supabase_migrations.schema_migrations as the
 * Supabase CLI does; and runs the seed file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Pool } from 'pg';
import { describeSqlError, withTransaction } from './pg-util';

const MIGRATION_FILE = /^(\d+)_(.*)\.sql$/;

export interface MigrationReport {
  /** How many migrations the database had recorded before this run. */
  previouslyApplied: number;
  applied: string[];
}

export async function applyMigrations(pool: Pool, dir: string, log: (line: string) => void): Promise<MigrationReport> {
  const { rows } = await pool.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
  const done = new Set(rows.map((row) => row.version));
  const applied: string[] = [];
  for (const file of await migrationFiles(dir, log)) {
    const [, version = '', name = ''] = MIGRATION_FILE.exec(file) ?? [];
    if (done.has(version)) continue;
    const sql = await readFile(join(dir, file), 'utf8');
    try {
      await withTransaction(pool, async (client) => {
        await client.query(sql);
        // The CLI splits files into statements; the whole file is one faithful statement.
        await client.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [version, name, [sql]]);
      });
    } catch (error) {
      throw new Error(`Migration ${file} failed: ${describeSqlError(error, sql)}`);
    }
    log(`Applied migration ${file}`);
    applied.push(file);
  }
  return { previouslyApplied: done.size, applied };
}

async function migrationFiles(dir: string, log: (line: string) => void): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isMissingFile(error)) return [];
    throw error;
  }
  const sqlFiles = names.filter((name) => name.endsWith('.sql')).sort();
  for (const skipped of sqlFiles.filter((name) => !MIGRATION_FILE.test(name))) {
    log(`Skipping migration ${skipped}: file name must match <timestamp>_<name>.sql`);
  }
  return sqlFiles.filter((name) => MIGRATION_FILE.test(name));
}

/** Returns false when there is no seed file. */
export async function applySeed(pool: Pool, file: string, log: (line: string) => void): Promise<boolean> {
  let sql: string;
  try {
    sql = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return false;
    throw error;
  }
  try {
    await withTransaction(pool, (client) => client.query(sql));
  } catch (error) {
    throw new Error(`Seed failed: ${describeSqlError(error, sql)}`);
  }
  log(`Applied ${basename(file)}`);
  return true;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
