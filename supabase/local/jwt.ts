/**
 * The project's keys, in either of hosted Supabase's two schemes:
 * - legacy (hs256): users' access tokens and the anon and service_role API keys are
 *   HS256 JWTs signed with the one JWT secret;
 * - asymmetric (es256), as new projects have: access tokens are ES256 JWTs whose public
 *   key is served as a JWKS and verified through it, and the API keys are opaque
 *   `sb_publishable_...` (anon) and `sb_secret_...` (service_role) strings.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createLocalJWKSet, errors, exportJWK, generateKeyPair, type JSONWebKeySet, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';

export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** The Supabase CLI's demo keys expire then; keeping it reproduces them byte for byte. */
const DEMO_KEY_EXPIRY = 1983812996;

export type JwtSigning = 'hs256' | 'es256';

export type Verified = { ok: true; claims: JWTPayload } | { ok: false; expired: boolean; reason: string };

export interface JwtCodec {
  sign(claims: JWTPayload): Promise<string>;
  verify(token: string): Promise<Verified>;
  /** What `/auth/v1/.well-known/jwks.json` serves: no keys for a shared secret. */
  jwks: JSONWebKeySet;
}

export type ApiRole = 'anon' | 'service_role';

export interface ApiKeys {
  anonKey: string;
  serviceRoleKey: string;
  /** Whether the gateway lets a request carrying this `apikey` through. */
  accepts(key: string): Promise<boolean>;
  /** The role an opaque key stands for; null for anything else (JWTs included). */
  roleOf(key: string): ApiRole | null;
}

export interface ProjectKeys {
  jwt: JwtCodec;
  apiKeys: ApiKeys;
  /** The private signing key (es256 only), so tests can mint tokens the project accepts. */
  signingJwk: JWK | null;
}

export async function projectKeys(signing: JwtSigning, secret: string): Promise<ProjectKeys> {
  if (signing === 'hs256') {
    const jwt = jwtCodec(secret);
    return { jwt, apiKeys: await legacyApiKeys(jwt), signingJwk: null };
  }
  const { jwt, signingJwk } = await es256Codec();
  return { jwt, apiKeys: opaqueApiKeys(), signingJwk };
}

export function jwtCodec(secret: string): JwtCodec {
  if (secret.length < 32) {
    throw new Error('JWT secret must be at least 32 characters long (set JWT_SECRET)');
  }
  const key = new TextEncoder().encode(secret);
  return {
    // Claims are signed exactly as given (no iat added), so key strings are stable.
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key),
    verify: (token) => verifyWith(() => jwtVerify(token, key, { algorithms: ['HS256'] })),
    jwks: { keys: [] },
  };
}

/** A fresh P-256 key pair per start: tokens issued before a restart no longer verify. */
async function es256Codec(): Promise<{ jwt: JwtCodec; signingJwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const jwks: JSONWebKeySet = {
    keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig', key_ops: ['verify'] }],
  };
  const keySet = createLocalJWKSet(jwks);
  return {
    jwt: {
      sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(privateKey),
      verify: (token) => verifyWith(() => jwtVerify(token, keySet, { algorithms: ['ES256'] })),
      jwks,
    },
    signingJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
  };
}

async function verifyWith(verify: () => Promise<{ payload: JWTPayload }>): Promise<Verified> {
  try {
    return { ok: true, claims: (await verify()).payload };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, expired: true, reason: 'token is expired' };
    if (error instanceof errors.JOSEError) return { ok: false, expired: false, reason: error.message };
    throw error;
  }
}

/** The Supabase CLI's demo anon and service_role keys; any JWT the secret signed passes the gateway. */
async function legacyApiKeys(codec: JwtCodec): Promise<ApiKeys> {
  const [anonKey, serviceRoleKey] = await Promise.all([
    codec.sign({ iss: 'supabase-demo', role: 'anon', exp: DEMO_KEY_EXPIRY }),
    codec.sign({ iss: 'supabase-demo', role: 'service_role', exp: DEMO_KEY_EXPIRY }),
  ]);
  return { anonKey, serviceRoleKey, accepts: async (key) => (await codec.verify(key)).ok, roleOf: () => null };
}

/**
 * Hosted's gateway swaps such a key for a short-lived JWT of its role before PostgREST
 * sees it; supabase-js also sends the key as the bearer token while nobody is signed in.
 */
function opaqueApiKeys(): ApiKeys {
  const roles = new Map<string, ApiRole>([
    [`sb_publishable_${randomBytes(16).toString('base64url')}`, 'anon'],
    [`sb_secret_${randomBytes(24).toString('base64url')}`, 'service_role'],
  ]);
  const [anonKey, serviceRoleKey] = [...roles.keys()] as [string, string];
  return { anonKey, serviceRoleKey, accepts: async (key) => roles.has(key), roleOf: (key) => roles.get(key) ?? null };
}
