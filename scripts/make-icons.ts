/**
 * Regenerates the app icons from one SVG mark (a bold "F" on the theme green):
 * public/favicon.svg, public/apple-touch-icon.png (180) and public/icons/{icon-192,
 * icon-512, maskable-512}.png, rendered with the system Chromium. The PNGs are
 * committed; run `npx tsx scripts/make-icons.ts` after changing the mark.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureChromium } from './ensure-chromium';

const PUBLIC_DIR = fileURLToPath(new URL('../public', import.meta.url));
const THEME_GREEN = '#0b3d2e';
const ACCENT = '#f4c542';

/**
 * The mark on a 512-unit canvas. `scale` shrinks the glyph around the centre: a
 * maskable icon must keep everything inside the central 80% circle (radius 204.8),
 * so it draws the glyph smaller on a full-bleed square; the plain icon uses rounded corners.
 */
function markSvg({ maskable }: { maskable: boolean }): string {
  const scale = maskable ? 0.72 : 1;
  const background = maskable ? `<rect width="512" height="512" fill="${THEME_GREEN}"/>` : `<rect width="512" height="512" rx="112" fill="${THEME_GREEN}"/>`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">',
    background,
    `<g transform="translate(256 256) scale(${scale}) translate(-256 -256)">`,
    // The "F": a stem, a top bar and a shorter middle bar, with a small accent underline.
    '<path fill="#ffffff" d="M160 104h208v64H232v56h112v64H232v120h-72z"/>',
    `<rect x="160" y="392" width="200" height="24" rx="12" fill="${ACCENT}"/>`,
    '</g>',
    '</svg>',
  ].join('');
}

const PNGS: readonly { file: string; size: number; maskable: boolean }[] = [
  { file: 'icons/icon-192.png', size: 192, maskable: false },
  { file: 'icons/icon-512.png', size: 512, maskable: false },
  { file: 'icons/maskable-512.png', size: 512, maskable: true },
  // iOS draws its own rounded mask over a full square, so it gets the full-bleed variant.
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

async function main(): Promise<void> {
  await mkdir(join(PUBLIC_DIR, 'icons'), { recursive: true });
  await writeFile(join(PUBLIC_DIR, 'favicon.svg'), `${markSvg({ maskable: false })}\n`);
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    for (const { file, size, maskable } of PNGS) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const svg = markSvg({ maskable }).replace('width="512" height="512"', `width="${size}" height="${size}"`);
      await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
      await page.screenshot({ path: join(PUBLIC_DIR, file), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`wrote public/${file} (${size}x${size})`);
    }
  } finally {
    await browser.close();
  }
  console.log('wrote public/favicon.svg');
}

await main();
