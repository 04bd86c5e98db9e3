/**
 * Gives the browser tests a whole system: the local stack on free ports with a
 * throwaway database, the PWA built (production mode) against that stack into a temp
 * directory, and that build served by scripts/static-server.ts on a free port. Tests
 * read the URLs and keys with `inject('e2e')`. Teardown stops both and deletes the files.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../../../scripts/stack-config';
import { serveStatic } from '../../../scripts/static-server';
import { startStack } from '../../../supabase/local/stack';

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
  const stack = await startStack({ dataDir: join(workDir, 'pg'), persistent: false, apiPort: 0, dbPort: 0 }).catch(
    async (error: unknown) => {
      await rm(workDir, { recursive: true, force: true });
      throw error;
    },
  );
  try {
    const outDir = join(workDir, 'app');
    await buildApp(outDir, { VITE_SUPABASE_URL: stack.apiUrl, VITE_SUPABASE_ANON_KEY: stack.anonKey });
    const app = await serveStatic(outDir, 0);
    project.provide('e2e', {
      appUrl: app.url,
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

/**
 * A production build, as `npm run build` makes it. Vite inlines VITE_* from the
 * environment; Vitest runs with NODE_ENV=test, which would give a development build
 * (no service worker registration, React's dev bundle), so both are set for the build only.
 */
async function buildApp(outDir: string, env: Record<string, string>): Promise<void> {
  const vars = { ...env, NODE_ENV: 'production' };
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    await build({
      root: PROJECT_ROOT,
      configFile: join(PROJECT_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
