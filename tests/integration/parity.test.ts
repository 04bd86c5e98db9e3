/**
 * Where hosted Supabase is stricter than a kind local server, the local stack is just
 * as strict, so what passes here passes there: max_rows cuts set-returning calls, the
 * API roles' statement timeouts apply, POST to a stable function is read-only, nothing
 * new is granted to the API roles by default, and PostgreSQL is hosted's major. Runs
 * against whatever the suite points at (the local stack, or SUPABASE_URL): each test
 * makes its own functions as the database owner and waits for the API to see them.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'smol-toml';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, DEMO, env, signIn, sql } from './support/fixtures';

const CONFIG_FILE = new URL('../../supabase/config.toml', import.meta.url);

interface Config {
  api: { max_rows: number };
  db: { major_version: number };
}

let config: Config;
let userToken: string;

beforeAll(async () => {
  config = parse(await readFile(CONFIG_FILE, 'utf8')) as unknown as Config;
  const { data } = await (await signIn(DEMO.alex)).auth.getSession();
  userToken = data.session!.access_token;
});

interface Reply {
  status: number;
  text: string;
  body: unknown;
}

/** A raw call, so the test sees exactly what PostgREST would answer. */
async function rpc(name: string, args: object, opts: { token?: string; accept?: string } = {}): Promise<Reply> {
  const response = await fetch(`${env.apiUrl}/rest/v1/rpc/${name}`, {
    method: 'POST',
    headers: {
      apikey: env.anonKey,
      authorization: `Bearer ${opts.token ?? userToken}`,
      'content-type': 'application/json',
      accept: opts.accept ?? 'application/json',
    },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json') && text !== '';
  return { status: response.status, text, body: json ? JSON.parse(text) : text };
}

/**
 * Creates test-only functions (and whatever else `ddl` makes) as the database owner,
 * then waits until the API knows `probe`; hosted PostgREST reloads its schema cache on
 * the notification.
 */
async function define(ddl: string, probe: { name: string; args: object }): Promise<void> {
  await sql(ddl);
  await sql(`notify pgrst, 'reload schema'`);
  for (let tries = 0; (await rpc(probe.name, probe.args)).status === 404; tries++) {
    if (tries === 100) throw new Error(`the API never saw ${probe.name}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function suffix(): string {
  return randomUUID().slice(0, 8);
}

describe('max_rows from supabase/config.toml', () => {
  const id = suffix();
  const names = { setOf: `parity_numbers_${id}`, table: `parity_rows_${id}`, json: `parity_json_${id}` };

  beforeAll(async () => {
    await define(
      `create function public.${names.setOf}(p_n int) returns setof int language sql stable as 'select generate_series(1, p_n)';
       create function public.${names.table}(p_n int) returns table (n int, label text) language sql stable
         as 'select g, ''row '' || g from generate_series(1, p_n) g';
       create function public.${names.json}(p_n int) returns json language sql stable
         as 'select json_agg(g) from generate_series(1, p_n) g';
       grant execute on function public.${names.setOf}(int), public.${names.table}(int), public.${names.json}(int) to authenticated;`,
      { name: names.json, args: { p_n: 1 } },
    );
  });

  it('cuts a set-returning call one row over the limit to max_rows, as hosted PostgREST does', async () => {
    const limit = config.api.max_rows;
    const numbers = await rpc(names.setOf, { p_n: limit + 1 });
    expect(numbers.status).toBe(200);
    expect((numbers.body as number[]).length).toBe(limit);
    expect((numbers.body as number[]).at(-1)).toBe(limit);

    const rows = await rpc(names.table, { p_n: limit + 1 });
    expect((rows.body as unknown[]).length).toBe(limit);
    expect((rows.body as unknown[])[0]).toEqual({ n: 1, label: 'row 1' });
  });

  it('cuts the CSV answer of a set-returning call too, header included', async () => {
    const limit = config.api.max_rows;
    const csv = await rpc(names.table, { p_n: limit + 1 }, { accept: 'text/csv' });
    expect(csv.status).toBe(200);
    const lines = csv.text.trimEnd().split('\n');
    expect(lines[0]).toBe('n,label');
    expect(lines.length).toBe(limit + 1);
    expect(lines.at(-1)).toBe(`${limit},row ${limit}`);
  });

  it('leaves a single json value whole, however long the array inside it', async () => {
    const limit = config.api.max_rows;
    const whole = await rpc(names.json, { p_n: limit + 1 });
    expect((whole.body as number[]).length).toBe(limit + 1);
  });
});

describe('statement timeouts of the API roles', () => {
  const id = suffix();
  const names = { setting: `parity_setting_${id}`, sleep: `parity_sleep_${id}` };

  beforeAll(async () => {
    await define(
      `create function public.${names.setting}(p_name text) returns text language sql stable as 'select current_setting(p_name)';
       create function public.${names.sleep}(p_seconds float8) returns void language sql as 'select pg_sleep(p_seconds)';
       grant execute on function public.${names.setting}(text), public.${names.sleep}(float8) to anon, authenticated;`,
      { name: names.setting, args: { p_name: 'role' } },
    );
  });

  it("are hosted's: 8 s signed in, 3 s anonymous", async () => {
    expect((await rpc(names.setting, { p_name: 'statement_timeout' })).body).toBe('8s');
    expect((await rpc(names.setting, { p_name: 'statement_timeout' }, { token: env.anonKey })).body).toBe('3s');
  });

  it('a signed-in call running past its timeout is cancelled with the error PostgREST gives', async () => {
    const slow = await rpc(names.sleep, { p_seconds: 30 });
    expect(slow.status).toBe(500);
    expect(slow.body).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' });
  }, 30_000);
});

describe('POST to a stable or immutable function', () => {
  const id = suffix();
  const table = `parity_writes_${id}`;
  const names = {
    insert: `parity_insert_${id}`,
    stable: `parity_stable_write_${id}`,
    immutable: `parity_immutable_write_${id}`,
    volatile: `parity_volatile_write_${id}`,
  };
  // A non-volatile function may not run INSERT itself, but nothing stops it calling a
  // volatile one that does: only a read-only transaction refuses that write.
  const callInsert = `begin return public.${names.insert}(); end`;

  beforeAll(async () => {
    await define(
      `create table public.${table} (id bigint generated always as identity);
       alter table public.${table} enable row level security;
       create function public.${names.insert}() returns int language plpgsql set search_path = ''
         as $$begin insert into public.${table} default values; return 1; end$$;
       revoke execute on function public.${names.insert}() from public;
       create function public.${names.stable}() returns int language plpgsql stable security definer set search_path = '' as $$${callInsert}$$;
       create function public.${names.immutable}() returns int language plpgsql immutable security definer set search_path = '' as $$${callInsert}$$;
       create function public.${names.volatile}() returns int language plpgsql security definer set search_path = '' as $$${callInsert}$$;
       grant execute on function public.${names.stable}(), public.${names.immutable}(), public.${names.volatile}() to authenticated;`,
      { name: names.stable, args: {} },
    );
  });

  it('runs read-only, so a write inside it is refused with 25006 (405) and nothing is written', async () => {
    for (const name of [names.stable, names.immutable]) {
      const refused = await rpc(name, {});
      expect([refused.status, (refused.body as { code: string }).code], name).toEqual([405, '25006']);
    }
    expect(await sql(`select count(*)::int as n from public.${table}`)).toEqual([{ n: 0 }]);
    expect((await rpc(names.volatile, {})).status).toBe(200);
    expect(await sql(`select count(*)::int as n from public.${table}`)).toEqual([{ n: 1 }]);
  });
});

describe('grants', () => {
  const id = suffix();
  const table = `parity_ungranted_${id}`;
  const names = { reader: `parity_read_ungranted_${id}`, ungranted: `parity_ungranted_fn_${id}` };

  beforeAll(async () => {
    await define(
      `create table public.${table} (n int);
       alter table public.${table} enable row level security;
       insert into public.${table} values (1);
       create function public.${names.reader}() returns bigint language sql stable as 'select count(*) from public.${table}';
       grant execute on function public.${names.reader}() to authenticated;
       create function public.${names.ungranted}() returns int language sql stable as 'select 1';
       revoke execute on function public.${names.ungranted}() from public;`,
      { name: names.reader, args: {} },
    );
  });

  it("a new table no migration granted is out of the API roles' reach", async () => {
    const read = await rpc(names.reader, {});
    expect(read.status).toBe(403);
    expect(read.body).toMatchObject({ code: '42501', message: `permission denied for table ${table}` });
  });

  it('a new function granted to nobody is not callable by anon, authenticated or service_role', async () => {
    for (const token of [env.anonKey, userToken, env.serviceRoleKey]) {
      const call = await rpc(names.ungranted, {}, { token });
      expect([401, 403]).toContain(call.status);
      expect(call.body).toMatchObject({ code: '42501', message: `permission denied for function ${names.ungranted}` });
    }
  });
});

describe('auth settings supabase/config.toml pushes to the project', () => {
  it('sign-ups are off: a sign-up is refused as GoTrue refuses it, and the settings say so', async () => {
    const { data, error } = await anonClient().auth.signUp({ email: `parity-${suffix()}@test.invalid`, password: 'a-long-enough-password' });
    expect(data.user).toBeNull();
    expect([error?.status, error?.code]).toEqual([422, 'signup_disabled']);
    const settings = await fetch(`${env.apiUrl}/auth/v1/settings`, { headers: { apikey: env.anonKey } });
    expect(await settings.json()).toMatchObject({ disable_signup: true });
  });
});

describe('PostgreSQL', () => {
  it('is the major version supabase/config.toml names for the hosted project', async () => {
    const [row] = await sql<{ v: string }>(`select current_setting('server_version_num') as v`);
    expect(Math.floor(Number(row!.v) / 10_000)).toBe(config.db.major_version);
  });
});
