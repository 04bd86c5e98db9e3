/**
 * Activation codes and the activate function (#12 item 3), tried as the attacker: codes
 * kept only as hashes, single use, expiring, locked after 5 wrong tries; who may issue
 * them; the function end to end over HTTP (login created, person linked, sign-in with
 * the new password); the Auth admin endpoints it calls refusing every other key.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createMember, createOrg, env, sql, type TestMember } from './support/fixtures';

interface Issued {
  member_id: string;
  employee_id: string;
  code: string;
  expires_at: string;
  sign_in_code: string;
}

let org: { orgId: string; storeId: string; departmentId: string };
let otherStore: string;
let signInCode: string;
let hr: TestMember;
let manager: TestMember;
let coManager: TestMember;
let staff: TestMember;
let elsewhereHr: TestMember;

async function newcomer(storeId: string, role = 'staff'): Promise<{ id: string; employeeId: string }> {
  const employeeId = `N${randomUUID().slice(0, 8)}`;
  const [row] = await sql<{ id: string }>(
    `insert into public.members (org_id, store_id, role, display_name, employee_id) values ($1, $2, $3, $4, $5) returning id`,
    [org.orgId, storeId, role, `New ${employeeId}`, employeeId],
  );
  return { id: row!.id, employeeId };
}

async function issue(client: SupabaseClient, memberId: string) {
  return client.rpc('issue_activation_code', { p_member_id: memberId });
}

async function issued(client: SupabaseClient, memberId: string): Promise<Issued> {
  const { data, error } = await issue(client, memberId);
  if (error) throw new Error(`issue_activation_code failed: ${error.message}`);
  return data as Issued;
}

async function activate(body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${env.apiUrl}/functions/v1/activate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', apikey: env.anonKey },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  org = await createOrg();
  [{ id: otherStore }] = (await sql<{ id: string }>(
    `insert into public.stores (org_id, name, code, time_zone) values ($1, 'Quay', 'QY', 'Europe/London') returning id`,
    [org.orgId],
  )) as [{ id: string }];
  [{ sign_in_code: signInCode }] = (await sql<{ sign_in_code: string }>('select sign_in_code from public.organizations where id = $1', [org.orgId])) as [
    { sign_in_code: string },
  ];
  const elsewhere = await createOrg();
  [hr, manager, coManager, staff, elsewhereHr] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
    createMember({ orgId: elsewhere.orgId, storeId: null, departmentId: null, role: 'hr' }),
  ]);
});

describe('issuing codes', () => {
  it('gives a 12-character grouped code once and keeps only its salted hash', async () => {
    const person = await newcomer(org.storeId);
    const code = await issued(hr.client, person.id);
    expect(code.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(code.sign_in_code).toBe(signInCode);
    expect(Date.parse(code.expires_at) - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    // No table of any schema holds the code, with or without its dashes.
    const [found] = await sql<{ tables: string[] }>(
      `select coalesce(array_agg(t), '{}') as tables from (
         select format('%I.%I', n.nspname, c.relname) as t
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind = 'r' and n.nspname in ('public', 'private', 'auth')
       ) tables
       where (xpath('/row/c/text()', query_to_xml(format(
         'select count(*) as c from %s x where x::text ilike %L or x::text ilike %L', t, '%' || $1 || '%', '%' || $2 || '%'), false, false, '')))[1]::text::int > 0`,
      [code.code, code.code.replaceAll('-', '')],
    );
    expect(found!.tables).toEqual([]);
    const [stored] = await sql<{ n: number; hash_len: number }>(
      'select count(*)::int as n, max(octet_length(code_hash)) as hash_len from private.activation_codes where member_id = $1',
      [person.id],
    );
    expect(stored).toEqual({ n: 1, hash_len: 32 });
    const log = await sql<{ action: string; actor_member_id: string }>('select action, actor_member_id from private.admin_audit where target_member_id = $1', [
      person.id,
    ]);
    expect(log).toEqual([{ action: 'activation_code_issued', actor_member_id: hr.memberId }]);
  });

  it('lets a manager issue for staff of the stores they run, and for nobody else', async () => {
    const mine = await newcomer(org.storeId);
    const theirs = await newcomer(otherStore);
    expect((await issued(manager.client, mine.id)).employee_id).toBe(mine.employeeId);
    const refusals = await Promise.all([
      issue(manager.client, theirs.id),
      issue(manager.client, coManager.memberId),
      issue(manager.client, hr.memberId),
      issue(staff.client, mine.id),
      issue(elsewhereHr.client, mine.id),
      issue(anonClient(), mine.id),
    ]);
    expect(refusals.map(({ error }) => [error?.code, error?.details])).toEqual([
      ['42501', 'person_not_managed'],
      ['42501', 'person_not_managed'],
      ['42501', 'person_not_managed'],
      ['42501', 'forbidden'],
      ['22023', 'unknown_person'],
      ['42501', null], // no grant to anon at all
    ]);
    const [{ n }] = (await sql<{ n: number }>('select count(*)::int as n from private.activation_codes where member_id = $1', [theirs.id])) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('prints a store sheet of the people not yet activated, for the stores one runs', async () => {
    const a = await newcomer(org.storeId);
    const b = await newcomer(org.storeId);
    const { data, error } = await manager.client.rpc('store_activation_sheet', { p_store_id: org.storeId });
    expect(error).toBeNull();
    const sheet = data as { store: { id: string }; sign_in_code: string; people: Issued[] };
    const ids = sheet.people.map((p) => p.member_id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    // Staff who already have a login, and managers, are not on a manager's sheet.
    expect(ids).not.toContain(staff.memberId);
    expect(ids).not.toContain(coManager.memberId);
    const other = await manager.client.rpc('store_activation_sheet', { p_store_id: otherStore });
    expect([other.error?.code, other.error?.details]).toEqual(['42501', 'store_not_managed']);
    const byStaff = await staff.client.rpc('store_activation_sheet', { p_store_id: org.storeId });
    expect(byStaff.error?.details).toBe('forbidden');
  });

  it('leaves redeeming to the service role', async () => {
    const { error } = await hr.client.rpc('redeem_activation_code', { p_employee_id: 'x', p_code: 'y' });
    expect(error?.code).toMatch(/42501|PGRST202/);
  });
});

describe('the activate function', () => {
  it('creates the login, links the person, and the code works once', async () => {
    const person = await newcomer(org.storeId);
    const { code } = await issued(manager.client, person.id);
    const done = await activate({ employee_id: person.employeeId.toLowerCase(), code: code.toLowerCase(), password: 'correct horse 1' });
    expect(done).toEqual({ status: 200, body: { ok: true, email: `${person.employeeId.toLowerCase()}@${signInCode}.staff.invalid`, first_activation: true } });
    const [linked] = await sql<{ user_id: string | null; email: string }>(
      'select m.user_id, u.email from public.members m join auth.users u on u.id = m.user_id where m.id = $1',
      [person.id],
    );
    expect(linked?.email).toBe(done.body.email);
    const client = anonClient();
    const signedIn = await client.auth.signInWithPassword({ email: String(done.body.email), password: 'correct horse 1' });
    expect(signedIn.error).toBeNull();
    const me = await client.rpc('issue_activation_code', { p_member_id: person.id });
    expect(me.error?.details).toBe('forbidden'); // signed in as staff of the organisation, not a stranger
    const again = await activate({ employee_id: person.employeeId, code, password: 'another pass 2' });
    expect(again).toEqual({ status: 409, body: { ok: false, error: 'code_used' } });
    const log = await sql<{ action: string }>('select action from private.admin_audit where target_member_id = $1 order by id', [person.id]);
    expect(log.map((r) => r.action)).toEqual(['activation_code_issued', 'person_activated']);
  });

  it('refuses a weak password without spending the code', async () => {
    const person = await newcomer(org.storeId);
    const { code } = await issued(hr.client, person.id);
    expect(await activate({ employee_id: person.employeeId, code, password: 'short' })).toEqual({ status: 422, body: { ok: false, error: 'weak_password' } });
    expect((await activate({ employee_id: person.employeeId, code, password: 'long enough now' })).status).toBe(200);
  });

  it('locks a code after 5 wrong guesses, even for the right one', async () => {
    const person = await newcomer(org.storeId);
    const { code } = await issued(hr.client, person.id);
    for (let i = 1; i <= 5; i++) {
      const guess = await activate({ employee_id: person.employeeId, code: `ABCD-EFGH-JK${i}${i}`, password: 'a fine password' });
      // The fifth wrong guess locks the code and says so.
      expect(guess.body.error).toBe(i < 5 ? 'invalid_code' : 'too_many_attempts');
    }
    expect(await activate({ employee_id: person.employeeId, code, password: 'a fine password' })).toEqual({
      status: 429,
      body: { ok: false, error: 'too_many_attempts' },
    });
    const [row] = await sql<{ user_id: string | null }>('select user_id from public.members where id = $1', [person.id]);
    expect(row?.user_id).toBeNull();
    // A new code from the manager unlocks it.
    const fresh = await issued(manager.client, person.id);
    expect((await activate({ employee_id: person.employeeId, code: fresh.code, password: 'a fine password' })).status).toBe(200);
  });

  it('refuses an expired code and one replaced by a newer one', async () => {
    const person = await newcomer(org.storeId);
    const first = await issued(hr.client, person.id);
    const second = await issued(hr.client, person.id);
    expect((await activate({ employee_id: person.employeeId, code: first.code, password: 'a fine password' })).body.error).toBe('invalid_code');
    await sql(`update private.activation_codes set expires_at = now() - interval '1 second' where member_id = $1`, [person.id]);
    expect(await activate({ employee_id: person.employeeId, code: second.code, password: 'a fine password' })).toEqual({
      status: 400,
      body: { ok: false, error: 'code_expired' },
    });
  });

  it('does not tell a stranger whether an employee ID exists', async () => {
    expect(await activate({ employee_id: 'NOBODY-HERE', code: 'ABCD-EFGH-JKMN', password: 'a fine password' })).toEqual({
      status: 400,
      body: { ok: false, error: 'invalid_code' },
    });
  });

  it('resets a forgotten password with a new code', async () => {
    const person = await newcomer(org.storeId);
    const first = await issued(hr.client, person.id);
    const done = await activate({ employee_id: person.employeeId, code: first.code, password: 'first password' });
    const reset = await issued(manager.client, person.id);
    expect(await activate({ employee_id: person.employeeId, code: reset.code, password: 'second password' })).toEqual({
      status: 200,
      body: { ok: true, email: done.body.email, first_activation: false },
    });
    const email = String(done.body.email);
    expect((await anonClient().auth.signInWithPassword({ email, password: 'first password' })).error?.code).toBe('invalid_credentials');
    expect((await anonClient().auth.signInWithPassword({ email, password: 'second password' })).error).toBeNull();
  });
});

describe('the Auth admin endpoints', () => {
  async function createUser(token: string | null, body: Record<string, unknown>) {
    const response = await fetch(`${env.apiUrl}/auth/v1/admin/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', apikey: env.anonKey, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('refuse anon keys, user tokens and no token', async () => {
    const email = `admin-${randomUUID().slice(0, 8)}@test.invalid`;
    const { data } = await staff.client.auth.getSession();
    const answers = await Promise.all([
      createUser(null, { email, password: 'a fine password' }),
      createUser(env.anonKey, { email, password: 'a fine password' }),
      createUser(data.session!.access_token, { email, password: 'a fine password' }),
    ]);
    expect(answers.map((a) => [a.status, a.body.error_code])).toEqual([
      [401, 'no_authorization'],
      [403, 'not_admin'],
      [403, 'not_admin'],
    ]);
    expect(await sql('select 1 from auth.users where email = $1', [email])).toEqual([]);
  });

  it('create users for the service role, as GoTrue answers', async () => {
    const email = `Admin-${randomUUID().slice(0, 8)}@test.invalid`;
    const made = await createUser(env.serviceRoleKey, { email, password: 'a fine password', email_confirm: true });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ email: email.toLowerCase(), aud: 'authenticated', role: 'authenticated' });
    expect(made.body.email_confirmed_at).toBeTruthy();
    const twice = await createUser(env.serviceRoleKey, { email, password: 'a fine password' });
    expect([twice.status, twice.body.error_code]).toEqual([422, 'email_exists']);
    const weak = await createUser(env.serviceRoleKey, { email: `w${email}`, password: 'short' });
    expect([weak.status, weak.body.error_code]).toEqual([422, 'weak_password']);
    expect((await anonClient().auth.signInWithPassword({ email, password: 'a fine password' })).error).toBeNull();
  });
});
