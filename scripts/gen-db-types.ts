/**
 * `npm run gen:types`: writes src/data/supabase/database.types.ts from the live schema.
 * Uses DATABASE_URL (a database with every migration applied) when set; otherwise starts
 * a throwaway local stack, applies the migrations, and stops it afterwards.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../supabase/local/stack';
import { DB_TYPES_FILE, generateDbTypes } from './db-types';

async function main(): Promise<void> {
  const given = process.env.DATABASE_URL;
  const stack = given
    ? null
    : await startStack({
        dataDir: join(await mkdtemp(join(tmpdir(), 'frontline-types-')), 'pg'),
        persistent: false,
        apiPort: 0,
        dbPort: 0,
        seed: false,
      });
  try {
    await writeFile(DB_TYPES_FILE, await generateDbTypes(given ?? stack!.databaseUrl));
  } finally {
    await stack?.stop();
  }
  console.log(`wrote ${DB_TYPES_FILE}`);
}

main().catch((error: unknown) => {
  console.error(`gen:types: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
