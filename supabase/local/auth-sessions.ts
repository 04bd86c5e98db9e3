/**
 * GoTrue's bookkeeping in auth.users, auth.sessions and auth.refresh_tokens: password
 * sign-in, refresh-token rotation with a short reuse interval, and sign-out. Expected
 * refusals come back as error codes GoTrue uses; only bugs throw.
 */
import { randomBytes } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { Pool, PoolClient } from 'pg';
import type { AuthenticationMethod } from './auth-hook';
import { onlyRow, withTransaction } from './pg-util';

/**
 * A revoked refresh token used again this soon after its rotation still gets the
 * session (with the current token): two tabs refreshing at once must not sign each
 * other out. Later reuse looks like a stolen token and ends the session.
 */
const REUSE_INTERVAL_SECONDS = 10;

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  email_confirmed_at: Date | null;
  confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  is_anonymous: boolean;
}

export interface IssuedSession {
  sessionId: string;
  sessionCreatedAt: Date;
  refreshToken: string;
  user: UserRow;
}

export type SessionRefusal =
  | 'invalid_credentials'
  | 'email_not_confirmed'
  | 'user_banned'
  | 'refresh_token_not_found'
  | 'refresh_token_already_used'
  | 'session_expired';

export type SessionResult = { ok: true; session: IssuedSession; claims: JWTPayload } | { ok: false; code: SessionRefusal };

/**
 * The access token's claims for a session just written, computed in the same
 * transaction before it commits (where GoTrue runs its access token hook): throwing
 * rolls the sign-in or refresh back, so a refused token leaves no session or rotation.
 */
export type AccessClaims = (client: PoolClient, session: IssuedSession, method: AuthenticationMethod) => Promise<JWTPayload>;

/** For callers that only look at refusals. */
const noClaims: AccessClaims = async () => ({});

interface TokenState {
  token_id: string;
  revoked: boolean;
  /** Revoked less than REUSE_INTERVAL_SECONDS ago. */
  reusable: boolean;
  session_id: string;
  session_created_at: Date;
  session_expired: boolean;
  banned: boolean;
}

export type LogoutScope = 'global' | 'local' | 'others';

const USER_COLUMNS = `u.id, u.aud, u.role, u.email, u.phone, u.email_confirmed_at, u.confirmed_at,
  u.last_sign_in_at, u.raw_app_meta_data, u.raw_user_meta_data, u.created_at, u.updated_at, u.is_anonymous`;

/** bcrypt cost of every password hash: the seed's, and the dummy compared for unknown emails. */
export const PASSWORD_HASH_COST = 10;

/** Compares `password` with a bcrypt `hash`; the one place sign-in spends bcrypt's work. */
export type PasswordCheck = (client: PoolClient, password: string, hash: string) => Promise<boolean>;

export const verifyPassword: PasswordCheck = async (client, password, hash) => {
  const { rows } = await client.query<{ ok: boolean }>('select extensions.crypt($1, $2) = $2 as ok', [password, hash]);
  return rows[0]?.ok === true;
};

let dummyHash: Promise<string> | undefined;

/** A hash of a random password nobody knows, made once per process at the cost real hashes have. */
function hashForUnknownAccounts(client: PoolClient): Promise<string> {
  dummyHash ??= client
    .query<{ hash: string }>(`select extensions.crypt(gen_random_uuid()::text, extensions.gen_salt('bf', $1)) as hash`, [PASSWORD_HASH_COST])
    .then((result) => onlyRow(result).hash)
    .catch((error: unknown) => {
      dummyHash = undefined;
      throw error;
    });
  return dummyHash;
}

export async function signInWithPassword(
  pool: Pool,
  email: string,
  password: string,
  check: PasswordCheck = verifyPassword,
  claimsFor: AccessClaims = noClaims,
): Promise<SessionResult> {
  return withTransaction<SessionResult>(pool, async (client) => {
    const { rows } = await client.query<UserRow & { encrypted_password: string | null; banned: boolean }>(
      `select ${USER_COLUMNS}, u.encrypted_password,
         coalesce(u.banned_until > now(), false) as banned
       from auth.users u
       where lower(u.email) = lower($1) and u.deleted_at is null and not u.is_sso_user`,
      [email],
    );
    const found = rows[0];
    // Only bcrypt hashes: crypt() with anything else as salt would error or mislead.
    const stored = found?.encrypted_password?.startsWith('$2') ? found.encrypted_password : null;
    // Unknown email and wrong password answer alike, after the same bcrypt work, so
    // neither the answer nor its timing tells who has an account.
    const matches = await check(client, password, stored ?? (await hashForUnknownAccounts(client)));
    if (!found || !stored || !matches) return { ok: false, code: 'invalid_credentials' };
    if (!found.email_confirmed_at) return { ok: false, code: 'email_not_confirmed' };
    if (found.banned) return { ok: false, code: 'user_banned' };
    const { encrypted_password: _hash, banned: _banned, ...user } = found;
    const session = await client.query<{ id: string; created_at: Date }>(
      `insert into auth.sessions (id, user_id, created_at, updated_at)
       values (gen_random_uuid(), $1, now(), now()) returning id, created_at`,
      [user.id],
    );
    const { id: sessionId, created_at: sessionCreatedAt } = onlyRow(session);
    const refreshToken = await insertRefreshToken(client, user.id, sessionId, null);
    const { last_sign_in_at } = onlyRow(
      await client.query<{ last_sign_in_at: Date }>('update auth.users set last_sign_in_at = now() where id = $1 returning last_sign_in_at', [user.id]),
    );
    const issued: IssuedSession = { sessionId, sessionCreatedAt, refreshToken, user: { ...user, last_sign_in_at } };
    return { ok: true, session: issued, claims: await claimsFor(client, issued, 'password') };
  });
}

/**
 * Rotation: the presented token is revoked and a child issued. The row lock makes
 * concurrent refreshes with one token queue up; the later ones then find it revoked
 * within the reuse interval and get the child the first one issued.
 */
export async function refreshSession(pool: Pool, token: string, claimsFor: AccessClaims = noClaims): Promise<SessionResult> {
  return withTransaction<SessionResult>(pool, async (client) => {
    const { rows } = await client.query<UserRow & TokenState>(
      `select ${USER_COLUMNS}, rt.id as token_id, rt.revoked, rt.session_id, s.created_at as session_created_at,
         coalesce(s.not_after < now(), false) as session_expired,
         now() - rt.updated_at < make_interval(secs => $2) as reusable,
         coalesce(u.banned_until > now(), false) as banned
       from auth.refresh_tokens rt
       join auth.sessions s on s.id = rt.session_id
       join auth.users u on u.id = s.user_id and u.deleted_at is null
       where rt.token = $1
       for update of rt`,
      [token, REUSE_INTERVAL_SECONDS],
    );
    const found = rows[0];
    if (!found) return { ok: false, code: 'refresh_token_not_found' };
    if (found.banned) return { ok: false, code: 'user_banned' };
    if (found.session_expired) return { ok: false, code: 'session_expired' };
    const {
      token_id: tokenId,
      revoked,
      reusable,
      session_id: sessionId,
      session_created_at: sessionCreatedAt,
      session_expired: _expired,
      banned: _banned,
      ...user
    } = found;

    let refreshToken: string;
    if (!revoked) {
      await client.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [tokenId]);
      refreshToken = await insertRefreshToken(client, user.id, sessionId, token);
    } else {
      const active = reusable ? await activeToken(client, sessionId) : undefined;
      if (!active) {
        await client.query('delete from auth.sessions where id = $1', [sessionId]);
        return { ok: false, code: 'refresh_token_already_used' };
      }
      refreshToken = active;
    }
    await client.query('update auth.sessions set updated_at = now() where id = $1', [sessionId]);
    const issued: IssuedSession = { sessionId, sessionCreatedAt, refreshToken, user };
    return { ok: true, session: issued, claims: await claimsFor(client, issued, 'token_refresh') };
  });
}

export async function findUser(pool: Pool, id: string): Promise<UserRow | undefined> {
  const { rows } = await pool.query<UserRow>(`select ${USER_COLUMNS} from auth.users u where u.id = $1 and u.deleted_at is null`, [id]);
  return rows[0];
}

export async function sessionExists(pool: Pool, id: string): Promise<boolean> {
  const { rowCount } = await pool.query('select 1 from auth.sessions where id = $1', [id]);
  return rowCount === 1;
}

/**
 * Deleting a session deletes its refresh tokens (foreign key cascade), as in GoTrue.
 * Without a session id (a token minted outside GoTrue) only `global` has anything to end.
 */
export async function signOut(pool: Pool, userId: string, sessionId: string | null, scope: LogoutScope): Promise<void> {
  if (scope === 'global') {
    await pool.query('delete from auth.sessions where user_id = $1', [userId]);
  } else {
    const match = scope === 'local' ? '=' : '<>';
    await pool.query(`delete from auth.sessions where user_id = $1 and id ${match} $2`, [userId, sessionId]);
  }
}

async function activeToken(client: PoolClient, sessionId: string): Promise<string | undefined> {
  const { rows } = await client.query<{ token: string }>(
    'select token from auth.refresh_tokens where session_id = $1 and not revoked order by id desc limit 1',
    [sessionId],
  );
  return rows[0]?.token;
}

async function insertRefreshToken(client: PoolClient, userId: string, sessionId: string, parent: string | null): Promise<string> {
  const token = randomBytes(16).toString('base64url');
  await client.query(
    `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ($1, $2, false, now(), now(), $3, $4)`,
    [token, userId, parent, sessionId],
  );
  return token;
}
