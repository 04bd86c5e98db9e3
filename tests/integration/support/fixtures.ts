/**
 * What integration tests share: clients signed in through the API, a database
 * connection for checking what was really stored, and fixtures that create
 * their own members and briefings so test files never depend on each other.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { importJWK, SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import ws from 'ws';
import { callRpc } from '../../../src/data/supabase/rpc';
import type { Briefing, Mutation, MutationResult, SyncPullResult } from '../../../src/data/supabase/types';

export const env = inject('api');
export const DEMO_PASSWORD = 'frontline-demo';

export const DEMO = {
  hr: 'hr@demo.test',
  managerDowntown: 'manager.downtown@demo.test',
  managerRiverside: 'manager.riverside@demo.test',
  alex: 'alex@demo.test',
  sam: 'sam@demo.test',
  riley: 'riley@demo.test',
} as const;

/** Fixed ids from supabase/seed.sql. */
export const SEED = {
  org: '0a000000-0000-4000-8000-000000000001',
  downtown: '5a000000-0000-4000-8000-000000000001',
  riverside: '5a000000-0000-4000-8000-000000000002',
  salesFloor: 'de000000-0000-4000-8000-000000000001',
  checkout: 'de000000-0000-4000-8000-000000000002',
  stockroom: 'de000000-0000-4000-8000-000000000003',
  samMember: '3e000000-0000-4000-8000-000000000005',
  alexMember: '3e000000-0000-4000-8000-000000000004',
  downtownHuddle: 'b1000000-0000-4000-8000-000000000001',
  riversideDelivery: 'b1000000-0000-4000-8000-000000000003',
  returnsPolicy: 'b2000000-0000-4000-8000-000000000001',
  pulse: '9e000000-0000-4000-8000-000000000001',
  lessonLifting: '1e000000-0000-4000-8000-000000000003',
} as const;

let pool: pg.Pool | undefined;
/** The database as its owner, for checking stored rows and building fixtures. */
export function db(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: env.databaseUrl, max: 4 });
  return pool;
}
afterAll(async () => {
  await pool?.end();
  pool = undefined;
});

export async function sql<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
  return (await db().query<R>(text, params)).rows;
}

// Node 20 has no global WebSocket; supabase-js builds its realtime client eagerly.
const clientOptions = {
  auth: { persistSession: false, autoRefreshToken: false },
  realtime: { transport: ws as unknown as typeof WebSocket },
} as const;

export function anonClient(): SupabaseClient {
  return createClient(env.apiUrl, env.anonKey, clientOptions);
}

/** A client whose requests carry exactly this bearer token. */
export function clientWithToken(token: string): SupabaseClient {
  return createClient(env.apiUrl, env.anonKey, { ...clientOptions, accessToken: async () => token });
}

export async function signIn(email: string, password = DEMO_PASSWORD): Promise<SupabaseClient> {
  const client = anonClient();
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
  return client;
}

/**
 * A token signed the way the project signs its own (with its key pair or its legacy
 * secret), or, given `secret`, an HS256 token signed with that secret instead.
 */
export async function signJwt(claims: Record<string, unknown>, opts: { secret?: string; expiresIn?: string | number } = {}): Promise<string> {
  const token = new SignJWT(claims).setIssuedAt().setExpirationTime(opts.expiresIn ?? '1h');
  const secret = opts.secret ?? (env.signingJwk ? null : env.jwtSecret);
  if (secret) return token.setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
  if (!env.signingJwk) throw new Error('minting tokens needs JWT_SECRET or SUPABASE_JWT_SIGNING_KEY');
  const { kid, alg = 'ES256' } = env.signingJwk;
  return token.setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(await importJWK(env.signingJwk, alg));
}

export interface TestMember {
  email: string;
  userId: string;
  memberId: string;
  client: SupabaseClient;
}

/** A fresh signed-in member, so a test can move, deactivate or count without touching the demo people. */
export async function createMember(opts: {
  orgId?: string;
  storeId?: string | null;
  departmentId?: string | null;
  role?: 'staff' | 'manager' | 'hr' | 'admin';
  manages?: string[];
}): Promise<TestMember> {
  const userId = randomUUID();
  const email = `t-${userId.slice(0, 8)}@test.invalid`;
  await sql(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change, email_change_token_new)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
       extensions.crypt($3, extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}', '{}', now(), now(), '', '', '', '')`,
    [userId, email, DEMO_PASSWORD],
  );
  await sql(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1::text, $1::uuid, jsonb_build_object('sub', $1::text, 'email', $2::text), 'email', now(), now(), now())`,
    [userId, email],
  );
  const [member] = await sql<{ id: string }>(
    `insert into public.members (user_id, org_id, store_id, department_id, role, display_name, email)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      userId,
      opts.orgId ?? SEED.org,
      opts.storeId === undefined ? SEED.downtown : opts.storeId,
      opts.departmentId === undefined ? SEED.salesFloor : opts.departmentId,
      opts.role ?? 'staff',
      `Test ${email.slice(2, 10)}`,
      email,
    ],
  );
  for (const storeId of opts.manages ?? []) {
    await sql('insert into public.store_managers (store_id, member_id) values ($1, $2)', [storeId, member!.id]);
  }
  return { email, userId, memberId: member!.id, client: await signIn(email) };
}

/** A second organisation with one store and department, to prove nothing crosses. */
export async function createOrg(name = `Other ${randomUUID().slice(0, 6)}`): Promise<{ orgId: string; storeId: string; departmentId: string }> {
  const [org] = await sql<{ id: string }>('insert into public.organizations (name) values ($1) returning id', [name]);
  const [store] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Harbour', 'Europe/London') returning id`, [
    org!.id,
  ]);
  const [dept] = await sql<{ id: string }>(`insert into public.departments (org_id, name) values ($1, 'Floor') returning id`, [org!.id]);
  return { orgId: org!.id, storeId: store!.id, departmentId: dept!.id };
}

export function mutation<T extends Mutation['type']>(
  type: T,
  payload: Extract<Mutation, { type: T }>['payload'],
  id: string = randomUUID(),
): Extract<Mutation, { type: T }> {
  return { id, type, payload, created_at: new Date().toISOString() } as Extract<Mutation, { type: T }>;
}

export async function push(client: SupabaseClient, mutations: Mutation[]): Promise<MutationResult[]> {
  const outcome = await callRpc(client, 'sync_push', { p_mutations: mutations });
  if (!outcome.ok) throw new Error(`sync_push failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data.results;
}

export async function pullAll(client: SupabaseClient, limit = 500, cursor = 0): Promise<{ pages: SyncPullResult[]; cursor: number }> {
  const pages: SyncPullResult[] = [];
  let next = cursor;
  for (;;) {
    const outcome = await callRpc(client, 'sync_pull', { p_cursor: next, p_limit: limit });
    if (!outcome.ok) throw new Error(`sync_pull failed: ${JSON.stringify(outcome.error)}`);
    pages.push(outcome.data);
    next = outcome.data.cursor;
    if (!outcome.data.has_more) return { pages, cursor: next };
  }
}

export async function pullBriefings(client: SupabaseClient): Promise<Briefing[]> {
  return (await pullAll(client)).pages.flatMap((page) => page.briefings);
}

/** Publishes a briefing through the API as `client` and returns its id. */
export async function publishBriefing(
  client: SupabaseClient,
  fields: Partial<Extract<Mutation, { type: 'briefing' }>['payload']> & { store_ids?: string[] } = {},
): Promise<string> {
  const briefingId = randomUUID();
  const [result] = await push(client, [
    mutation('briefing', {
      action: 'publish',
      briefing_id: briefingId,
      title: 'Test briefing',
      body: 'Please read this.',
      requires_ack: true,
      ...fields,
    } as Extract<Mutation, { type: 'briefing' }>['payload']),
  ]);
  if (result?.status !== 'applied') throw new Error(`publish failed: ${JSON.stringify(result)}`);
  return briefingId;
}

export async function briefingVersion(briefingId: string): Promise<{ version: number; content_hash: string }> {
  const [row] = await sql<{ version: number; content_hash: string }>('select version, content_hash from public.briefings where id = $1', [briefingId]);
  if (!row) throw new Error(`no briefing ${briefingId}`);
  return row;
}

export function ackOf(briefingId: string, v: { version: number; content_hash: string }, id?: string): Mutation {
  return mutation('ack', { briefing_id: briefingId, version: v.version, content_hash: v.content_hash, acked_at: new Date().toISOString() }, id);
}

/**
 * Runs `fn` with a database session that Postgres treats exactly like an API
 * request from this user (role authenticated, JWT claims set), then rolls back.
 */
export async function asUserInSql<T>(userId: string | null, fn: (client: pg.PoolClient) => Promise<T>, role = 'authenticated'): Promise<T> {
  const client = await db().connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: userId, role })]);
    await client.query(`select set_config('role', $1, true)`, [role]);
    return await fn(client);
  } finally {
    await client.query('rollback');
    client.release();
  }
}

export async function userIdOf(email: string): Promise<string> {
  const [row] = await sql<{ id: string }>('select id from auth.users where email = $1', [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}
