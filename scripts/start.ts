/**
 * `npm start` (`npm start -- --reset` for a clean database): builds the PWA against the
 * local API, starts the local stack on the persistent database in `.data/`, and serves
 * the build from dist/ on APP_PORT.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT, runLocal } from './stack-config';
import { serveStatic } from './static-server';

await runLocal(async (stack, config) => {
  // Vite inlines VITE_* variables from the environment at build time.
  process.env.VITE_SUPABASE_URL = stack.apiUrl;
  process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;
  console.log('frontline: building the app');
  await build({ root: PROJECT_ROOT, logLevel: 'warn' });
  return serveStatic(join(PROJECT_ROOT, 'dist'), config.appPort);
});
