/**
 * The PWA as a browser test or benchmark meets it: a production build made against
 * one running stack (its URL and anon key inlined, as `npm run build` would), written
 * to a temp directory and served by scripts/static-server.ts on a free port.
 * close() stops the server and deletes the build.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT } from '../../../scripts/stack-config';
import { serveStatic } from '../../../scripts/static-server';

export interface AppBuildOptions {
  apiUrl: string;
  anonKey: string;
  /** Also write Vite's .vite/manifest.json (chunks and their imports) into the build. */
  manifest?: boolean;
  /**
   * Build in a child Vite process whose output goes to this process's stderr, so
   * nothing reaches stdout (the benchmarks print only metric lines there).
   * vite-plugin-pwa builds the service worker at Vite's default log level, and
   * part of that log comes from Rolldown's native code straight to fd 1.
   */
  keepStdoutClean?: boolean;
  /** More VITE_* variables for the build, e.g. { VITE_APP_BUILD: 'B' } to tell two builds apart. */
  env?: Readonly<Record<string, string>>;
}

export interface ServedApp {
  /** The built PWA, e.g. http://127.0.0.1:41234 */
  appUrl: string;
  /** Where the build was written. */
  outDir: string;
  close(): Promise<void>;
}

export async function buildAndServeApp(options: AppBuildOptions): Promise<ServedApp> {
  const workDir = await mkdtemp(join(tmpdir(), 'frontline-app-'));
  try {
    const outDir = join(workDir, 'app');
    await buildAppInto(outDir, options);
    const server = await serveStatic(outDir, 0);
    return {
      appUrl: server.url,
      outDir,
      async close() {
        await server.close();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

/** The production build alone, written to `outDir` (emptied first); nothing is served. */
export async function buildAppInto(outDir: string, options: AppBuildOptions): Promise<void> {
  const env = { ...options.env, VITE_SUPABASE_URL: options.apiUrl, VITE_SUPABASE_ANON_KEY: options.anonKey };
  const manifest = options.manifest ?? false;
  await (options.keepStdoutClean ? buildAppInChild(outDir, env, manifest) : buildApp(outDir, env, manifest));
}

/**
 * A production build, as `npm run build` makes it. Vite inlines VITE_* from the
 * environment; Vitest runs with NODE_ENV=test, which would give a development build
 * (no service worker registration, React's dev bundle), so both are set for the build only.
 */
async function buildApp(outDir: string, env: Record<string, string>, manifest: boolean): Promise<void> {
  const vars = { ...env, NODE_ENV: 'production' };
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    await build({
      root: PROJECT_ROOT,
      configFile: join(PROJECT_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest },
    });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The same production build through Vite's CLI in a child process, its stdout sent to our stderr. */
async function buildAppInChild(outDir: string, env: Record<string, string>, manifest: boolean): Promise<void> {
  const args = [
    join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    join(PROJECT_ROOT, 'vite.config.ts'),
    '--mode',
    'production',
    '--logLevel',
    'warn',
    '--outDir',
    outDir,
    '--emptyOutDir',
    ...(manifest ? ['--manifest'] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', process.stderr, process.stderr],
  });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`vite build failed (${signal ?? `exit code ${code}`})`);
}
