/**
 * The committed database types (src/data/supabase/database.types.ts) are what the
 * migrations make: regenerated from a fresh database of their own, since other test
 * files create functions and tables in the shared one.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DB_TYPES_FILE, generateDbTypes } from '../../scripts/db-types';
import { type Stack, startStack } from '../../supabase/local/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    dataDir: join(await mkdtemp(join(tmpdir(), 'frontline-types-')), 'pg'),
    persistent: false,
    apiPort: 0,
    dbPort: 0,
    seed: false,
  });
});
afterAll(async () => {
  await stack?.stop();
});

it('database.types.ts is up to date with the migrations (else run npm run gen:types)', async () => {
  const fresh = await generateDbTypes(stack.databaseUrl);
  expect(await readFile(DB_TYPES_FILE, 'utf8')).toBe(fresh);
  expect(fresh).toContain('      sync_push: {\n        Args: {\n          p_mutations: Json | null;\n        };\n        Returns: Json;');
});
