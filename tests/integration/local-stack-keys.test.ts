/**
 * The local stack with new projects' keys (JWT_SIGNING=es256): access tokens signed
 * with an ES256 key whose public half is served as a JWKS, and sb_publishable_ /
 * sb_secret_ API keys. Sign-in, an RPC and the refusal of forged tokens work as on a
 * hosted project with asymmetric signing keys. Its own stack, seeded, so the rest of the
 * suite keeps whichever keys it was started with.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { createRemoteJWKSet, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ws from 'ws';
import { callRpc } from '../../src/data/supabase/rpc';
import { type Stack, startStack } from '../../supabase/local/stack';
import { DEMO, DEMO_PASSWORD } from './support/fixtures';

let stack: Stack;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'frontline-keys-'));
  stack = await startStack({ dataDir: join(dir, 'pg'), persistent: false, apiPort: 0, dbPort: 0, jwtSigning: 'es256' });
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

function client(key: string, token?: string): SupabaseClient {
  return createClient(stack.apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: ws as unknown as typeof WebSocket },
    ...(token ? { accessToken: async () => token } : {}),
  });
}

async function rpc(apikey: string, bearer: string | null, name: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${stack.apiUrl}/rest/v1/rpc/${name}`, {
    method: 'POST',
    headers: { apikey, 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: '{}',
  });
  return { status: response.status, body: await response.json() };
}

async function signInAsAlex(): Promise<string> {
  const alex = client(stack.anonKey);
  const { data, error } = await alex.auth.signInWithPassword({ email: DEMO.alex, password: DEMO_PASSWORD });
  if (error) throw error;
  return data.session.access_token;
}

describe('a stack with asymmetric signing keys and sb_ API keys', () => {
  it('hands out publishable and secret keys, and serves only the public signing key as a JWKS, without a key', async () => {
    expect(stack.anonKey).toMatch(/^sb_publishable_/);
    expect(stack.serviceRoleKey).toMatch(/^sb_secret_/);
    const response = await fetch(`${stack.apiUrl}/auth/v1/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: expect.any(String) })]);
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('signs in with the publishable key, issues an ES256 token the JWKS verifies, and answers an RPC with it', async () => {
    const token = await signInAsAlex();
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: stack.signingJwk?.kid });
    const jwks = createRemoteJWKSet(new URL(`${stack.apiUrl}/auth/v1/.well-known/jwks.json`));
    const { payload } = await jwtVerify(token, jwks);
    expect(payload).toMatchObject({ role: 'authenticated', email: DEMO.alex });

    const pulled = await callRpc(client(stack.anonKey, token), 'sync_pull', { p_limit: 5 });
    expect(pulled.ok && pulled.data.me.email).toBe(DEMO.alex);
  });

  it('refuses forged tokens: signed with the legacy secret, with another key under the same kid, or unsigned', async () => {
    const token = await signInAsAlex();
    const claims = decodeClaims(token);
    const withSecret = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(stack.jwtSecret));
    const { privateKey } = await generateKeyPair('ES256');
    const withOtherKey = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: stack.signingJwk!.kid, typ: 'JWT' }).sign(privateKey);
    const [, payload] = token.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;

    for (const forged of [withSecret, withOtherKey, unsigned]) {
      const outcome = await callRpc(client(stack.anonKey, forged), 'sync_pull', { p_limit: 5 });
      expect(!outcome.ok && outcome.error.kind === 'http' && [outcome.error.status, outcome.error.code]).toEqual([401, 'PGRST301']);
    }
  });

  it('maps the publishable key to anon and the secret key to service_role, and refuses legacy or made-up keys', async () => {
    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      await db.query(`create function public.keys_whoami() returns text language sql stable as 'select current_user'`);
    } finally {
      await db.end();
    }
    expect(await rpc(stack.anonKey, null, 'keys_whoami')).toEqual({ status: 200, body: 'anon' });
    expect(await rpc(stack.anonKey, stack.anonKey, 'keys_whoami')).toEqual({ status: 200, body: 'anon' });
    expect(await rpc(stack.serviceRoleKey, null, 'keys_whoami')).toEqual({ status: 200, body: 'service_role' });

    const legacyAnon = await new SignJWT({ role: 'anon', iss: 'supabase-demo' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode(stack.jwtSecret));
    for (const key of [legacyAnon, 'sb_publishable_made-up', 'sb_secret_made-up']) {
      expect(await rpc(key, null, 'keys_whoami')).toEqual({ status: 401, body: { message: 'Invalid API key' } });
    }
    expect((await rpc(stack.anonKey, 'sb_secret_made-up', 'keys_whoami')).status).toBe(401);
  });
});

function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
