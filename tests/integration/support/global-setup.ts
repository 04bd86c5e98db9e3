/**
 * Gives the integration suite an API to talk to. With SUPABASE_URL (plus keys,
 * DATABASE_URL and JWT_SECRET) set, the suite runs unchanged against that
 * project; otherwise it starts the local stack on free ports with a throwaway
 * data directory, so it can run beside `npm start`.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStack, type Stack } from '../../../supabase/local/stack';
import type { ApiEnv } from './api-env';

declare module 'vitest' {
  export interface ProvidedContext {
    api: ApiEnv;
  }
}

function externalEnv(): ApiEnv | null {
  const { SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY, DATABASE_URL, JWT_SECRET } = process.env;
  if (!SUPABASE_URL) return null;
  if (!SUPABASE_ANON_KEY || !SUPABASE_SERVICE_ROLE_KEY || !DATABASE_URL || !JWT_SECRET) {
    throw new Error('With SUPABASE_URL set, also set SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY, DATABASE_URL and JWT_SECRET');
  }
  return {
    apiUrl: SUPABASE_URL,
    anonKey: SUPABASE_ANON_KEY,
    serviceRoleKey: SUPABASE_SERVICE_ROLE_KEY,
    databaseUrl: DATABASE_URL,
    jwtSecret: JWT_SECRET,
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = externalEnv();
  if (external) {
    project.provide('api', external);
    return async () => {};
  }
  const stack: Stack = await startStack({
    dataDir: join(await mkdtemp(join(tmpdir(), 'frontline-it-')), 'pg'),
    persistent: false,
    apiPort: 0,
    dbPort: 0,
  });
  project.provide('api', {
    apiUrl: stack.apiUrl,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    databaseUrl: stack.databaseUrl,
    jwtSecret: stack.jwtSecret,
  });
  return () => stack.stop();
}
