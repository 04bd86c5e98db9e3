/**
 * HS256 tokens signed with the project's JWT secret: the anon and service_role API
 * keys, users' access tokens, and the verification both APIs share.
 */
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose';

export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** The Supabase CLI's demo keys expire then; keeping it reproduces them byte for byte. */
const DEMO_KEY_EXPIRY = 1983812996;

export type Verified =
  | { ok: true; claims: JWTPayload }
  | { ok: false; expired: boolean; reason: string };

export interface JwtCodec {
  sign(claims: JWTPayload): Promise<string>;
  verify(token: string): Promise<Verified>;
}

export function jwtCodec(secret: string): JwtCodec {
  if (secret.length < 32) {
    throw new Error('JWT secret must be at least 32 characters long (set JWT_SECRET)');
  }
  const key = new TextEncoder().encode(secret);
  return {
    // Claims are signed exactly as given (no iat added), so key strings are stable.
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        return { ok: true, claims: payload };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, expired: true, reason: 'token is expired' };
        if (error instanceof errors.JOSEError) return { ok: false, expired: false, reason: error.message };
        throw error;
      }
    },
  };
}

export async function demoApiKeys(codec: JwtCodec): Promise<{ anonKey: string; serviceRoleKey: string }> {
  const [anonKey, serviceRoleKey] = await Promise.all([
    codec.sign({ iss: 'supabase-demo', role: 'anon', exp: DEMO_KEY_EXPIRY }),
    codec.sign({ iss: 'supabase-demo', role: 'service_role', exp: DEMO_KEY_EXPIRY }),
  ]);
  return { anonKey, serviceRoleKey };
}
