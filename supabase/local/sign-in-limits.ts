/**
 * How many password sign-ins may fail before the API answers 429, per client address
 * (Supabase's `[auth.rate_limit] sign_in_sign_ups`, read from supabase/config.toml so the
 * local stack and a real project share the number) and per account (stricter; GoTrue has
 * no such limit). Counts live in this process's memory, for one window each.
 *
 * Only failures count: staff signing in at shift start, many behind one store Wi-Fi
 * address, never use up the allowance; a guesser does. An attempt takes its point before
 * the password is checked and gives it back when the sign-in succeeds, so a burst of
 * parallel guesses cannot all be checked before the first failure is counted.
 */
import { readFile } from 'node:fs/promises';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { parse } from 'smol-toml';

/** GoTrue counts sign_in_sign_ups over 5 minutes. */
export const WINDOW_SECONDS = 300;
/** Failed sign-ins of one account (any address) per window. */
export const PER_ACCOUNT_FAILURES = 5;

export type Attempt =
  | { allowed: true /** Call when the sign-in succeeded or failed for a reason other than the password. */; refund(): Promise<void> }
  | { allowed: false; retryAfterSeconds: number };

export interface SignInLimits {
  attempt(email: string, address: string): Promise<Attempt>;
}

export function signInLimits(perAddress: number): SignInLimits {
  const accounts = new RateLimiterMemory({ keyPrefix: 'account', points: PER_ACCOUNT_FAILURES, duration: WINDOW_SECONDS });
  const addresses = new RateLimiterMemory({ keyPrefix: 'address', points: perAddress, duration: WINDOW_SECONDS });
  return {
    async attempt(email, address) {
      // An unknown email is counted like a known one: the limit must not tell them apart.
      const account = email.trim().toLowerCase();
      const refused = await consume(accounts, account);
      if (refused) return refused;
      const refusedAddress = await consume(addresses, address);
      if (refusedAddress) {
        await accounts.reward(account);
        return refusedAddress;
      }
      return {
        allowed: true,
        async refund() {
          await Promise.all([accounts.reward(account), addresses.reward(address)]);
        },
      };
    },
  };
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<Extract<Attempt, { allowed: false }> | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
  }
}

/** `[auth.rate_limit] sign_in_sign_ups` of a Supabase CLI config.toml. */
export async function perAddressLimitFrom(configFile: string): Promise<number> {
  const config = parse(await readFile(configFile, 'utf8')) as { auth?: { rate_limit?: { sign_in_sign_ups?: unknown } } };
  const limit = config.auth?.rate_limit?.sign_in_sign_ups;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new Error(`${configFile} needs [auth.rate_limit] sign_in_sign_ups, a whole number of sign-ins per 5 minutes`);
  }
  return limit;
}
