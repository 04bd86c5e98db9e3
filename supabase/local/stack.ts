/**
 * The local Supabase stack: PostgreSQL (embedded, or an existing server given by
 * `databaseUrl`) set up as a Supabase project is — bootstrap, migrations, and the seed
 * on a fresh database — behind the subset of Supabase's HTTP API the app uses, so
 * supabase-js talks to it unchanged.
 */

import { fileURLToPath } from 'node:url';
import type { JWK } from 'jose';
import pg, { type Pool } from 'pg';
import { authApi, requireSignupsOff } from './auth-api';
import { accessTokenHookFrom } from './auth-hook';
import { bootstrap, dropAllSchemas } from './bootstrap';
import { type FunctionsApi, functionsApi, type LocalFunction } from './functions-api';
import { DEFAULT_JWT_SECRET, type JwtSigning, projectKeys } from './jwt';
import { applyMigrations, applySeed } from './migrate';
import { type RunningPostgres, startEmbeddedPostgres } from './postgres';
import { maxRowsFrom, restApi } from './rest-api';
import { RpcFunctions } from './rpc-functions';
import { listenApi } from './server';
import { perAddressLimitFrom, signInLimits } from './sign-in-limits';

export interface StackOptions {
  /** Embedded Postgres data directory. */
  dataDir: string;
  /** false: the data directory is deleted on stop (tests). */
  persistent: boolean;
  /** Start from an empty database: wipe dataDir, or drop every schema behind databaseUrl. */
  reset?: boolean;
  /** 0 picks a free port. */
  apiPort: number;
  /** Embedded Postgres port; 0 or undefined picks a free port. */
  dbPort?: number;
  /** Use this existing Postgres (as a superuser) instead of an embedded one; dataDir is then unused. */
  databaseUrl?: string;
  jwtSecret?: string;
  /**
   * hs256 (default): the legacy scheme, HS256 tokens and JWT API keys made with the
   * secret. es256: new projects' scheme, ES256 tokens verified through the served JWKS
   * and sb_publishable_/sb_secret_ API keys; tokens signed with the secret are refused.
   */
  jwtSigning?: JwtSigning;
  /** Apply the seed file when the database is fresh (default true). */
  seed?: boolean;
  /** Default: supabase/migrations. */
  migrationsDir?: string;
  /** Default: supabase/seed.sql. */
  seedFile?: string;
  /** Supabase CLI config whose [api] max_rows, [auth.rate_limit], sign-ups setting and access token hook the API applies. Default: supabase/config.toml. */
  configFile?: string;
  log?: (line: string) => void;
  /** Edge Functions served at /functions/v1/<name> (supabase/functions/*). */
  functions?: Record<string, LocalFunction>;
  /** Their secrets besides SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY (`supabase secrets set` on hosted). */
  functionSecrets?: Record<string, string>;
}

export interface Stack {
  apiUrl: string;
  databaseUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  jwtSigning: JwtSigning;
  /** es256: the private signing key (a JWK), for tests that mint tokens; null for hs256. */
  signingJwk: JWK | null;
  /** The database was created or reset by this start (and so was seeded). */
  freshDatabase: boolean;
  stop(): Promise<void>;
}

const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));
const DEFAULT_SEED_FILE = fileURLToPath(new URL('../seed.sql', import.meta.url));
const DEFAULT_CONFIG_FILE = fileURLToPath(new URL('../config.toml', import.meta.url));

/** Throws an Error with a one-line message, having stopped whatever it had started. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? (() => {});
  const jwtSecret = options.jwtSecret ?? DEFAULT_JWT_SECRET;
  const jwtSigning = options.jwtSigning ?? 'hs256';
  const { jwt, apiKeys, signingJwk } = await projectKeys(jwtSigning, jwtSecret);
  const accessTokenSeconds = accessTokenLifetime(process.env.JWT_EXPIRY);
  const configFile = options.configFile ?? DEFAULT_CONFIG_FILE;
  const limits = signInLimits(await perAddressLimitFrom(configFile));
  const maxRows = await maxRowsFrom(configFile);
  await requireSignupsOff(configFile);
  const accessTokenHook = await accessTokenHookFrom(configFile);
  const api = await listenApi(options.apiPort);
  let postgres: RunningPostgres;
  try {
    postgres = options.databaseUrl
      ? existingPostgres(options.databaseUrl)
      : await startEmbeddedPostgres({
          dataDir: options.dataDir,
          port: options.dbPort,
          persistent: options.persistent,
          reset: options.reset ?? false,
          log,
        });
  } catch (error) {
    await api.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  let functions: FunctionsApi | undefined;
  const pool = new pg.Pool({
    connectionString: postgres.url,
    max: 10,
    application_name: 'frontline-local-api',
    // A Postgres that accepts the socket but never answers becomes a 503, not a hung request.
    connectionTimeoutMillis: 10_000,
  });
  // A connection that dies (Postgres restarted or crashed) must not crash the process.
  // node-postgres emits 'error' on the client, checked out or idle; the request using it
  // fails with a 503 (server.ts) and the pool replaces it. Idle ones are reported on the
  // pool too, already logged here. While stopping (Ctrl-C also reaches Postgres directly)
  // such deaths are expected.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      if (!stopping) log(`Postgres connection lost: ${error.message}`);
    });
  });
  pool.on('error', () => undefined);
  try {
    const freshDatabase = await prepareDatabase(pool, postgres, options, log);
    functions = functionsApi(
      options.functions ?? {},
      { ...options.functionSecrets, SUPABASE_URL: api.url, SUPABASE_SERVICE_ROLE_KEY: apiKeys.serviceRoleKey },
      log,
    );
    api.serve({
      jwt,
      apiKeys,
      log,
      auth: authApi({ pool, jwt, apiKeys, issuer: `${api.url}/auth/v1`, accessTokenSeconds, limits, accessTokenHook }),
      rest: restApi({ pool, jwt, apiKeys, functions: new RpcFunctions(pool), maxRows }),
      functions,
    });
    const { anonKey, serviceRoleKey } = apiKeys;
    return {
      apiUrl: api.url,
      databaseUrl: postgres.url,
      anonKey,
      serviceRoleKey,
      jwtSecret,
      jwtSigning,
      signingJwk,
      freshDatabase,
      stop() {
        stopping ??= (async () => {
          await functions?.stop();
          await api.close();
          await pool.end();
          await postgres.stop();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await functions?.stop();
    await api.close();
    await pool.end().catch(() => undefined);
    // A cluster created by this start holds nothing worth keeping; the next start begins fresh.
    await postgres.stop({ wipe: postgres.initialised });
    throw error;
  }
}

/** Bootstrap, migrations, and the seed when the database is fresh; returns whether it was. */
async function prepareDatabase(pool: Pool, postgres: RunningPostgres, options: StackOptions, log: (line: string) => void): Promise<boolean> {
  await pool.query('select 1').catch((error: Error) => {
    throw new Error(`Postgres is not reachable at ${redact(postgres.url)}: ${error.message}`);
  });
  let fresh = postgres.initialised;
  if (options.databaseUrl && options.reset) {
    await dropAllSchemas(pool);
    fresh = true;
  }
  await bootstrap(pool);
  const migrations = await applyMigrations(pool, options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR, log);
  // An existing server counts as fresh while no migration had ever reached it.
  fresh ||= Boolean(options.databaseUrl) && migrations.previouslyApplied === 0;
  if (fresh && (options.seed ?? true)) await applySeed(pool, options.seedFile ?? DEFAULT_SEED_FILE, log);
  return fresh;
}

function existingPostgres(url: string): RunningPostgres {
  return { url, initialised: false, stop: async () => undefined };
}

function accessTokenLifetime(value: string | undefined): number {
  const seconds = Number(value ?? 3600);
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new Error(`JWT_EXPIRY must be a whole number of seconds, not "${value}"`);
  }
  return seconds;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
