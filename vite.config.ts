import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { appHeadersFile, precompress } from './scripts/vite-plugins.js';

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    // The API origin the app calls goes into the Content-Security-Policy of dist/_headers.
    appHeadersFile(loadEnv(mode, fileURLToPath(new URL('.', import.meta.url)), 'VITE_').VITE_SUPABASE_URL),
    precompress(),
    // The service worker (src/sw.ts) precaches the app shell so the app starts with no
    // network; the page registers it itself (src/app/pwa.ts) and applies an update only
    // when the user says so.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      injectManifest: {
        // Every built chunk, including the lazily loaded screens, so none is missing offline.
        // The icons and the manifest are added by the plugin (includeAssets, manifest icons).
        globPatterns: ['**/*.{js,css,html}'],
      },
      manifest: {
        id: '/',
        name: 'Frontline',
        short_name: 'Frontline',
        description: 'Shift briefings, values and micro-training for frontline staff, on your phone, online or off.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b3d2e',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  // No source maps: a static host would serve them to anyone. `SOURCEMAP=hidden npm run
  // build` writes them, unreferenced, for an error tracker; keep them off the host.
  build: { target: 'es2022', sourcemap: process.env.SOURCEMAP === 'hidden' ? 'hidden' : false },
  preview: { host: '127.0.0.1', port: 4173 },
  server: { host: '127.0.0.1', port: 4173 },
}));
