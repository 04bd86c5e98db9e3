/**
 * `/auth/v1/admin/users`: the part of GoTrue's Auth admin API the `activate` Edge
 * Function calls — create a user with a password (POST) and set a user's password
 * (PUT /admin/users/<id>) — answered with GoTrue's shapes and error codes. As in
 * GoTrue, only a caller whose token carries the service_role role gets in: the
 * legacy service key (a JWT) or, with new keys, the secret key (which hosted's
 * gateway turns into such a JWT); anon and user tokens get 403 not_admin.
 */
import type { ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { PASSWORD_HASH_COST, type UserRow } from './auth-sessions';
import { type ApiRequest, BODY_TOO_LARGE, bearerToken, jsonObject, readBody, sendJson } from './http-util';
import type { ApiKeys, JwtCodec } from './jwt';
import { withTransaction } from './pg-util';

/** config.toml's [auth] minimum_password_length, which `supabase config push` sets on hosted. */
export const MIN_PASSWORD_LENGTH = 8;

const USER_ID = /^\/admin\/users\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
// GoTrue's own check is as loose: something@something.
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export interface AdminOptions {
  pool: Pool;
  jwt: JwtCodec;
  apiKeys: ApiKeys;
  userJson(user: UserRow): Record<string, unknown>;
}

function authError(res: ServerResponse, status: number, errorCode: string, message: string, extra: Record<string, unknown> = {}): void {
  sendJson(res, status, { code: status, error_code: errorCode, msg: message, ...extra });
}

/** Answers an /admin/... request; false when the path is not one of them. */
export async function adminRoute(options: AdminOptions, request: ApiRequest): Promise<boolean> {
  const { req, res, path } = request;
  const one = USER_ID.exec(path);
  const known = (req.method === 'POST' && path === '/admin/users') || (req.method === 'PUT' && one);
  if (!known) return false;
  if (!(await isAdmin(options, request))) return true;
  const text = await readBody(req);
  if (text === null) {
    authError(res, 413, 'request_too_large', BODY_TOO_LARGE);
    return true;
  }
  const body = jsonObject(text);
  if (!body) {
    authError(res, 400, 'bad_json', 'Could not parse request body as JSON');
    return true;
  }
  if (one?.[1]) await updateUser(options, res, one[1].toLowerCase(), body);
  else await createUser(options, res, body);
  return true;
}

async function isAdmin(options: AdminOptions, { req, res }: ApiRequest): Promise<boolean> {
  const token = bearerToken(req);
  if (!token) {
    authError(res, 401, 'no_authorization', 'This endpoint requires a Bearer token');
    return false;
  }
  let role = options.apiKeys.roleOf(token) as string | null;
  if (!role) {
    const verified = await options.jwt.verify(token);
    if (!verified.ok) {
      authError(res, 403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${verified.reason}`);
      return false;
    }
    role = typeof verified.claims.role === 'string' ? verified.claims.role : null;
  }
  if (role !== 'service_role') {
    authError(res, 403, 'not_admin', 'User not allowed');
    return false;
  }
  return true;
}

function weakPassword(res: ServerResponse): void {
  authError(res, 422, 'weak_password', `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`, { weak_password: { reasons: ['length'] } });
}

const USER_COLUMNS = `id, aud, role, email, phone, email_confirmed_at, confirmed_at, last_sign_in_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_anonymous`;

async function createUser(options: AdminOptions, res: ServerResponse, body: Record<string, unknown>): Promise<void> {
  const { email, password, email_confirm: confirm, user_metadata: metadata } = body;
  if (typeof email !== 'string' || !EMAIL.test(email)) return authError(res, 400, 'validation_failed', 'Unable to validate email address: invalid format');
  if (password !== undefined && (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)) return weakPassword(res);
  const meta = typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? metadata : {};
  const address = email.toLowerCase();
  const user = await withTransaction(options.pool, async (client) => {
    const taken = await client.query('select 1 from auth.users where email = $1 and deleted_at is null', [address]);
    if (taken.rowCount) return null;
    const { rows } = await client.query<UserRow>(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                               raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                               confirmation_token, recovery_token, email_change, email_change_token_new)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
               case when $2::text is null then '' else extensions.crypt($2, extensions.gen_salt('bf', $4)) end,
               case when $3 then now() end, '{"provider": "email", "providers": ["email"]}', $5, now(), now(), '', '', '', '')
       returning ${USER_COLUMNS}`,
      [address, typeof password === 'string' ? password : null, confirm === true, PASSWORD_HASH_COST, JSON.stringify(meta)],
    );
    const created = rows[0];
    if (!created) throw new Error('insert into auth.users returned no row');
    await client.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
       values ($1::text, $1::uuid, jsonb_build_object('sub', $1::text, 'email', $2::text, 'email_verified', $3::boolean), 'email', null, now(), now())`,
      [created.id, address, confirm === true],
    );
    return created;
  });
  if (!user) return authError(res, 422, 'email_exists', 'A user with this email address has already been registered');
  sendJson(res, 200, options.userJson(user));
}

async function updateUser(options: AdminOptions, res: ServerResponse, id: string, body: Record<string, unknown>): Promise<void> {
  const { password } = body;
  if (password !== undefined && (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)) return weakPassword(res);
  const { rows } = await options.pool.query<UserRow>(
    `update auth.users set
       encrypted_password = case when $2::text is null then encrypted_password else extensions.crypt($2, extensions.gen_salt('bf', $3)) end,
       updated_at = now()
     where id = $1 and deleted_at is null
     returning ${USER_COLUMNS}`,
    [id, typeof password === 'string' ? password : null, PASSWORD_HASH_COST],
  );
  const user = rows[0];
  if (!user) return authError(res, 404, 'user_not_found', 'User not found');
  sendJson(res, 200, options.userJson(user));
}
