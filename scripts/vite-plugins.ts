/**
 * Build steps of vite.config.ts for serving the PWA: the `_headers` file with its
 * security policy (./app-headers.ts) and precompressed copies of every text file, so a
 * server or host sends brotli or gzip without compressing on each request.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { DEFAULT_API_URL, headerRules, headersFile } from './app-headers.js';

export function appHeadersFile(apiUrl: string | undefined): Plugin {
  return {
    name: 'frontline:headers-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(headerRules(apiUrl || DEFAULT_API_URL)) });
    },
  };
}

/** What compresses well; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt']);
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'frontline:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After vite-plugin-pwa's closeBundle has written sw.js.
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await Promise.all((await filesUnder(outDir)).map(compressFile));
      },
    },
  };
}

async function compressFile(file: string): Promise<void> {
  if (!COMPRESSIBLE.has(extname(file)) || (await stat(file)).size < MIN_BYTES) return;
  const content = await readFile(file);
  const [br, gz] = await Promise.all([
    promisify(brotliCompress)(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }),
    promisify(gzip)(content, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([
    br.length < content.length ? writeFile(`${file}.br`, br) : undefined,
    gz.length < content.length ? writeFile(`${file}.gz`, gz) : undefined,
  ]);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
