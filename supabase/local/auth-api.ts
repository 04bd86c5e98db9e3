/**
 * `/auth/v1`: the part of GoTrue supabase-js uses here — password sign-in (with limits
 * on failed attempts, answered 429 as GoTrue does), token refresh, the current user and
 * sign-out — and the Auth admin endpoints the activate function calls (auth-admin.ts),
 * with GoTrue's JSON shapes and error codes. Every access token passes config.toml's
 * Custom Access Token Hook first (auth-hook.ts).
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';
import type { Pool } from 'pg';
import { parse } from 'smol-toml';
import { adminRoute } from './auth-admin';
import { type AccessTokenHook, AccessTokenRefused, type AuthenticationMethod, runAccessTokenHook } from './auth-hook';
import {
  type AccessClaims,
  findUser,
  type IssuedSession,
  type LogoutScope,
  refreshSession,
  type SessionRefusal,
  type SessionResult,
  sessionExists,
  signInWithPassword,
  signOut,
  type UserRow,
} from './auth-sessions';
import { type ApiRequest, BODY_TOO_LARGE, bearerToken, jsonObject, type RouteHandler, readBody, sendEmpty, sendJson } from './http-util';
import type { ApiKeys, JwtCodec } from './jwt';
import { postgrestError } from './postgrest-errors';
import type { SignInLimits } from './sign-in-limits';

interface AuthOptions {
  pool: Pool;
  jwt: JwtCodec;
  /** To tell the service role's key from others on the admin endpoints. */
  apiKeys: ApiKeys;
  /** `<apiUrl>/auth/v1`, the `iss` of access tokens. */
  issuer: string;
  accessTokenSeconds: number;
  limits: SignInLimits;
  /** config.toml's `[auth.hook.custom_access_token]`, when enabled. */
  accessTokenHook: AccessTokenHook | null;
}

const MESSAGES: Readonly<Record<SessionRefusal, string>> = {
  invalid_credentials: 'Invalid login credentials',
  email_not_confirmed: 'Email not confirmed',
  user_banned: 'User is banned',
  refresh_token_not_found: 'Invalid Refresh Token: Refresh Token Not Found',
  refresh_token_already_used: 'Invalid Refresh Token: Already Used',
  session_expired: 'Invalid Refresh Token: Session Expired',
};

export function authApi(options: AuthOptions): RouteHandler {
  return async (request) => {
    const { req, res, path } = request;
    const route = `${req.method} ${path}`;
    if (route === 'POST /token') return token(options, request);
    if (path.startsWith('/admin/') && (await adminRoute({ ...options, userJson }, request))) return;
    if (route === 'GET /user') return currentUser(options, request);
    if (route === 'POST /logout') return logout(options, request);
    if (route === 'POST /signup') return authError(res, 422, 'signup_disabled', 'Signups not allowed for this instance');
    if (route === 'GET /health') return sendJson(res, 200, { version: 'frontline-local', name: 'GoTrue', description: 'Local stand-in for Supabase Auth' });
    if (route === 'GET /settings') {
      return sendJson(res, 200, {
        external: { email: true, phone: false },
        disable_signup: true,
        mailer_autoconfirm: false,
        phone_autoconfirm: false,
        sms_provider: '',
        saml_enabled: false,
      });
    }
    sendJson(res, 404, postgrestError('PGRST125', 'Invalid path specified in request URL'));
  };
}

/**
 * People get accounts from HR, never by signing up, and `supabase config push` carries
 * config.toml's auth settings to production; a config that allowed sign-ups would be
 * pushed there too, so the stack refuses to start on one.
 */
export async function requireSignupsOff(configFile: string): Promise<void> {
  const config = parse(await readFile(configFile, 'utf8')) as { auth?: { enable_signup?: unknown; email?: { enable_signup?: unknown } } };
  if (config.auth?.enable_signup !== false || config.auth.email?.enable_signup !== false) {
    throw new Error(`${configFile} must set enable_signup = false in [auth] and [auth.email]: accounts come from HR, never from sign-ups`);
  }
}

function authError(res: ServerResponse, status: number, errorCode: string, message: string): void {
  sendJson(res, status, { code: status, error_code: errorCode, msg: message });
}

async function token(options: AuthOptions, { req, res, url }: ApiRequest): Promise<void> {
  const text = await readBody(req);
  if (text === null) return authError(res, 413, 'request_too_large', BODY_TOO_LARGE);
  const body = jsonObject(text);
  if (!body) return authError(res, 400, 'bad_json', 'Could not parse request body as JSON');
  const grant = url.searchParams.get('grant_type');
  if (grant === 'password') {
    const { email, password } = body;
    if (typeof email !== 'string' || email === '' || typeof password !== 'string' || password === '') {
      return authError(res, 400, 'validation_failed', 'Email and password are required');
    }
    // The socket's address: a forwarded-for header would let a guesser pick a new one per try.
    const attempt = await options.limits.attempt(email, req.socket.remoteAddress ?? 'unknown');
    if (!attempt.allowed) {
      return sendJson(
        res,
        429,
        { code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' },
        { 'retry-after': String(attempt.retryAfterSeconds) },
      );
    }
    let result: SessionResult | AccessTokenRefused | undefined;
    try {
      result = await issuing(() => signInWithPassword(options.pool, email, password, undefined, claimsFor(options)));
    } finally {
      // A hook's refusal comes after the right password: no guess to count.
      const guessedWrong = result !== undefined && !(result instanceof AccessTokenRefused) && !result.ok && result.code === 'invalid_credentials';
      if (!guessedWrong) await attempt.refund();
    }
    return sendSession(options, res, result);
  }
  if (grant === 'refresh_token') {
    const refreshToken = body.refresh_token;
    if (typeof refreshToken !== 'string' || refreshToken === '') {
      return authError(res, 400, 'validation_failed', 'refresh_token required');
    }
    return sendSession(options, res, await issuing(() => refreshSession(options.pool, refreshToken, claimsFor(options))));
  }
  authError(res, 400, 'unsupported_grant_type', 'unsupported_grant_type');
}

/** A token the hook refused, as the sign-in or refresh's answer (its transaction is rolled back). */
async function issuing(issue: () => Promise<SessionResult>): Promise<SessionResult | AccessTokenRefused> {
  try {
    return await issue();
  } catch (error) {
    if (error instanceof AccessTokenRefused) return error;
    throw error;
  }
}

/** The standard claims, then whatever the hook makes of them. */
function claimsFor(options: AuthOptions): AccessClaims {
  return async (client, session, method: AuthenticationMethod) => {
    const issuedAt = Math.floor(Date.now() / 1000);
    const claims = accessClaims(options.issuer, session, issuedAt, issuedAt + options.accessTokenSeconds);
    if (!options.accessTokenHook) return claims;
    return runAccessTokenHook(client, options.accessTokenHook, { userId: session.user.id, claims, method });
  };
}

async function sendSession(options: AuthOptions, res: ServerResponse, result: SessionResult | AccessTokenRefused): Promise<void> {
  if (result instanceof AccessTokenRefused) return authError(res, result.status, result.errorCode, result.message);
  if (!result.ok) return authError(res, 400, result.code, MESSAGES[result.code]);
  const { session, claims } = result;
  const expiresAt = typeof claims.exp === 'number' ? claims.exp : Math.floor(Date.now() / 1000) + options.accessTokenSeconds;
  sendJson(res, 200, {
    access_token: await options.jwt.sign(claims),
    token_type: 'bearer',
    expires_in: options.accessTokenSeconds,
    expires_at: expiresAt,
    refresh_token: session.refreshToken,
    user: userJson(session.user),
  });
}

function accessClaims(issuer: string, session: IssuedSession, issuedAt: number, expiresAt: number): JWTPayload {
  const { user } = session;
  return {
    aud: user.aud || 'authenticated',
    exp: expiresAt,
    iat: issuedAt,
    iss: issuer,
    sub: user.id,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role || 'authenticated',
    aal: 'aal1',
    amr: [{ method: 'password', timestamp: Math.floor(session.sessionCreatedAt.getTime() / 1000) }],
    session_id: session.sessionId,
    is_anonymous: user.is_anonymous,
  };
}

function userJson(user: UserRow): Record<string, unknown> {
  return {
    id: user.id,
    aud: user.aud || 'authenticated',
    role: user.role || 'authenticated',
    email: user.email ?? '',
    email_confirmed_at: user.email_confirmed_at,
    phone: user.phone ?? '',
    confirmed_at: user.confirmed_at,
    last_sign_in_at: user.last_sign_in_at,
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: [],
    created_at: user.created_at,
    updated_at: user.updated_at,
    is_anonymous: user.is_anonymous,
  };
}

/**
 * The caller's access token must verify and, when it names a session (tokens GoTrue
 * issues always do), that session must still exist, as in GoTrue.
 */
async function authenticatedClaims(options: AuthOptions, { req, res }: ApiRequest): Promise<{ userId: string; sessionId: string | null } | null> {
  const accessToken = bearerToken(req);
  if (!accessToken) {
    authError(res, 401, 'no_authorization', 'This endpoint requires a Bearer token');
    return null;
  }
  const verified = await options.jwt.verify(accessToken);
  if (!verified.ok) {
    authError(res, 403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${verified.reason}`);
    return null;
  }
  const { sub, session_id: sessionId } = verified.claims;
  if (typeof sub !== 'string' || sub === '') {
    authError(res, 403, 'bad_jwt', 'invalid claim: missing sub claim');
    return null;
  }
  if (sessionId === undefined) return { userId: sub, sessionId: null };
  if (typeof sessionId !== 'string' || !(await sessionExists(options.pool, sessionId))) {
    authError(res, 403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    return null;
  }
  return { userId: sub, sessionId };
}

async function currentUser(options: AuthOptions, request: ApiRequest): Promise<void> {
  const caller = await authenticatedClaims(options, request);
  if (!caller) return;
  const user = await findUser(options.pool, caller.userId);
  if (!user) return authError(request.res, 403, 'user_not_found', 'User from sub claim in JWT does not exist');
  sendJson(request.res, 200, userJson(user));
}

async function logout(options: AuthOptions, request: ApiRequest): Promise<void> {
  const scope = request.url.searchParams.get('scope') ?? 'global';
  if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
    return authError(request.res, 400, 'validation_failed', 'Unsupported logout scope');
  }
  const caller = await authenticatedClaims(options, request);
  if (!caller) return;
  await signOut(options.pool, caller.userId, caller.sessionId, scope satisfies LogoutScope);
  sendEmpty(request.res, 204);
}
