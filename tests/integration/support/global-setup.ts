/**
 * Gives the integration suite an API to talk to. With SUPABASE_URL set, the suite runs
 * unchanged against that project, with either kind of keys: legacy (SUPABASE_ANON_KEY,
 * SUPABASE_SERVICE_ROLE_KEY, JWT_SECRET) or new (SUPABASE_PUBLISHABLE_KEY,
 * SUPABASE_SECRET_KEY, and SUPABASE_JWT_SIGNING_KEY, the private JWK of a signing key
 * imported into the project, for the tests that mint tokens), plus DATABASE_URL.
 * Otherwise it starts the local stack on free ports with a throwaway data directory, so
 * it can run beside `npm start`; JWT_SIGNING=es256 starts it with new projects' keys.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import type { TestProject } from 'vitest/node';
import { ACTIVATE_FUNCTIONS } from '../../../scripts/local-activate';
import { type Stack, startStack } from '../../../supabase/local/stack';
import type { ApiEnv } from './api-env';

declare module 'vitest' {
  export interface ProvidedContext {
    api: ApiEnv;
  }
}

function externalEnv(): ApiEnv | null {
  const env = process.env;
  if (!env.SUPABASE_URL) return null;
  const anonKey = env.SUPABASE_PUBLISHABLE_KEY || env.SUPABASE_ANON_KEY;
  const serviceRoleKey = env.SUPABASE_SECRET_KEY || env.SUPABASE_SERVICE_ROLE_KEY;
  const jwtSecret = env.JWT_SECRET || null;
  const signingJwk = env.SUPABASE_JWT_SIGNING_KEY ? (JSON.parse(env.SUPABASE_JWT_SIGNING_KEY) as JWK) : null;
  if (!anonKey || !serviceRoleKey || !env.DATABASE_URL || (!jwtSecret && !signingJwk)) {
    throw new Error(
      'With SUPABASE_URL set, also set DATABASE_URL and either SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY and JWT_SECRET ' +
        '(legacy keys) or SUPABASE_PUBLISHABLE_KEY, SUPABASE_SECRET_KEY and SUPABASE_JWT_SIGNING_KEY (asymmetric keys)',
    );
  }
  return { apiUrl: env.SUPABASE_URL, anonKey, serviceRoleKey, databaseUrl: env.DATABASE_URL, jwtSecret, signingJwk };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = externalEnv();
  if (external) {
    project.provide('api', external);
    return async () => {};
  }
  const jwtSigning = process.env.JWT_SIGNING === 'es256' ? 'es256' : 'hs256';
  const stack: Stack = await startStack({
    dataDir: join(await mkdtemp(join(tmpdir(), 'frontline-it-')), 'pg'),
    persistent: false,
    apiPort: 0,
    dbPort: 0,
    jwtSigning,
    functions: ACTIVATE_FUNCTIONS,
  });
  project.provide('api', {
    apiUrl: stack.apiUrl,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    databaseUrl: stack.databaseUrl,
    // Tokens signed with the secret are forgeries once the project signs with a key pair.
    jwtSecret: jwtSigning === 'hs256' ? stack.jwtSecret : null,
    signingJwk: stack.signingJwk,
  });
  return () => stack.stop();
}
