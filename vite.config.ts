import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
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
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1', port: 4173 },
  server: { host: '127.0.0.1', port: 4173 },
});
