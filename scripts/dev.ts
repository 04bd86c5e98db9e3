/**
 * `npm run dev`: the local stack on the persistent database in `.data/`, with Vite's
 * dev server (hot reload) on APP_PORT instead of a build.
 */
import { createServer } from 'vite';
import { PROJECT_ROOT, runLocal } from './stack-config';

await runLocal(async (stack, config) => {
  process.env.VITE_SUPABASE_URL = stack.apiUrl;
  process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;
  const server = await createServer({
    root: PROJECT_ROOT,
    server: { host: '127.0.0.1', port: config.appPort, strictPort: true },
  });
  await server.listen();
  return { url: `http://127.0.0.1:${config.appPort}`, close: () => server.close() };
});
