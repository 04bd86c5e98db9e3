/**
 * Supabase Auth's Custom Access Token Hook, Postgres function kind, as config.toml's
 * `[auth.hook.custom_access_token]` names it: called before every access token is
 * issued (password sign-in and refresh) in the transaction that writes the session,
 * as Auth's own role with Auth's 2 s statement timeout. Its claims are what gets
 * signed; its `{"error": {"http_code", "message"}}` refuses with that status and
 * message and no error code of its own, which GoTrue reports as `unknown`.
 */
import { readFile } from 'node:fs/promises';
import type { JWTPayload } from 'jose';
import type { PoolClient } from 'pg';
import { parse } from 'smol-toml';

export interface AccessTokenHook {
  uri: string;
  /** `"schema"."function"`, quoted for SQL. */
  functionName: string;
}

/** GoTrue's names for how the token was earned; these are the two the local stack issues. */
export type AuthenticationMethod = 'password' | 'token_refresh';

/** A refusal to issue the token, answered with GoTrue's error shape. */
export class AccessTokenRefused extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

const HOOK_TIMEOUT_MS = 2000;
const PG_FUNCTION_URI = /^pg-functions:\/\/[^/]+\/([A-Za-z_][A-Za-z0-9_]*)\/([A-Za-z_][A-Za-z0-9_]*)$/;
/** The claims Auth requires of a hook's answer (its minimum viable token schema). */
const REQUIRED_CLAIMS = ['iss', 'aud', 'exp', 'iat', 'sub', 'role', 'aal', 'session_id', 'email', 'phone', 'is_anonymous'] as const;

/** The hook config.toml enables, or null; a hook the local stack cannot run stops the start. */
export async function accessTokenHookFrom(configFile: string): Promise<AccessTokenHook | null> {
  const config = parse(await readFile(configFile, 'utf8')) as { auth?: { hook?: { custom_access_token?: { enabled?: unknown; uri?: unknown } } } };
  const hook = config.auth?.hook?.custom_access_token;
  if (hook?.enabled !== true) return null;
  const match = typeof hook.uri === 'string' ? PG_FUNCTION_URI.exec(hook.uri) : null;
  if (!match) {
    throw new Error(
      `${configFile}: [auth.hook.custom_access_token] uri must be "pg-functions://postgres/<schema>/<function>"; the local stack runs no HTTP hooks`,
    );
  }
  return { uri: hook.uri as string, functionName: `"${match[1]}"."${match[2]}"` };
}

/** Unexpected trouble with the hook: GoTrue's 500, with the code it gives its own failures. */
function hookFailed(message: string): AccessTokenRefused {
  return new AccessTokenRefused(500, 'unexpected_failure', message);
}

/**
 * The claims to sign, as the hook answers them. Throws AccessTokenRefused for its
 * refusal or a failure; a failed call has aborted the transaction, which the caller
 * rolls back on the throw.
 */
export async function runAccessTokenHook(
  client: PoolClient,
  hook: AccessTokenHook,
  event: { userId: string; claims: JWTPayload; method: AuthenticationMethod },
): Promise<JWTPayload> {
  const input = { user_id: event.userId, claims: event.claims, authentication_method: event.method };
  let output: unknown;
  try {
    await client.query(`set local role supabase_auth_admin; set local statement_timeout = ${HOOK_TIMEOUT_MS}`);
    const { rows } = await client.query<{ output: unknown }>(`select ${hook.functionName}($1::jsonb) as output`, [JSON.stringify(input)]);
    output = rows[0]?.output;
    await client.query('reset role; set local statement_timeout to default');
  } catch (error) {
    throw Object.assign(hookFailed(`Error running hook URI: ${hook.uri}`), { cause: error });
  }
  if (typeof output !== 'object' || output === null) throw hookFailed('Error unmarshalling JSON output.');
  const { error, claims } = output as { error?: { http_code?: unknown; message?: unknown }; claims?: unknown };
  // As GoTrue: an error counts only with a message; no status means 500.
  if (typeof error?.message === 'string' && error.message !== '') {
    const status = typeof error.http_code === 'number' && error.http_code !== 0 ? error.http_code : 500;
    throw new AccessTokenRefused(status, status === 500 ? 'unexpected_failure' : 'unknown', error.message);
  }
  const missing = REQUIRED_CLAIMS.filter((name) => typeof claims !== 'object' || claims === null || !(name in claims));
  if (missing.length > 0) {
    throw hookFailed(`output claims do not conform to the expected schema: missing ${missing.join(', ')}`);
  }
  return claims as JWTPayload;
}
