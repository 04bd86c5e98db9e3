/**
 * Gives the browser tests a whole system: the local stack on free ports with a
 * throwaway database, and the PWA built (production mode) against that stack and
 * served on a free port (./app-server.ts). Tests read the URLs and keys with
 * `inject('e2e')`. Teardown stops both and deletes the files.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ACTIVATE_FUNCTIONS } from '../../../scripts/local-activate';
import { startStack } from '../../../supabase/local/stack';
import { buildAndServeApp } from './app-server';

export interface E2eEnv {
  /** The built PWA, e.g. http://127.0.0.1:41234 */
  appUrl: string;
  apiUrl: string;
  databaseUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eEnv;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(join(tmpdir(), 'frontline-e2e-'));
  const stack = await startStack({ dataDir: join(workDir, 'pg'), persistent: false, apiPort: 0, dbPort: 0, functions: ACTIVATE_FUNCTIONS }).catch(
    async (error: unknown) => {
      await rm(workDir, { recursive: true, force: true });
      throw error;
    },
  );
  try {
    const app = await buildAndServeApp({ apiUrl: stack.apiUrl, anonKey: stack.anonKey });
    project.provide('e2e', {
      appUrl: app.appUrl,
      apiUrl: stack.apiUrl,
      databaseUrl: stack.databaseUrl,
      anonKey: stack.anonKey,
      serviceRoleKey: stack.serviceRoleKey,
      jwtSecret: stack.jwtSecret,
    });
    return async () => {
      await app.close();
      await stack.stop();
      await rm(workDir, { recursive: true, force: true });
    };
  } catch (error) {
    await stack.stop();
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}
