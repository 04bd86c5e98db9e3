/**
 * The HTTP headers the built PWA is served with, written once as a `_headers` file
 * (the format Netlify and Cloudflare Pages read) into every build by vite.config.ts.
 * scripts/static-server.ts serves a build by that same file, so the local server and a
 * static host cannot disagree.
 *
 * The policy allows what the app needs and nothing else: its own scripts, styles,
 * images, web manifest and service worker, and network calls to itself and to the
 * Supabase API it was built against. No inline script, no framing, no plugins.
 */

/** The production default of src/app/supabase-client.ts when VITE_SUPABASE_URL is unset. */
export const DEFAULT_API_URL = 'http://127.0.0.1:54321';

export function contentSecurityPolicy(apiUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self' ${new URL(apiUrl).origin}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface HeaderRule {
  /** A path, `*` matching any run of characters, as in `_headers`. */
  pattern: string;
  headers: Record<string, string>;
}

export function headerRules(apiUrl: string): HeaderRule[] {
  return [
    {
      pattern: '/*',
      headers: {
        'Content-Security-Policy': contentSecurityPolicy(apiUrl),
        // For browsers that predate frame-ancestors.
        'X-Frame-Options': 'DENY',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
      },
    },
    // Vite names these by content hash; a new version is a new name. Everything else keeps
    // the hosts' default (and the local server's) revalidation, so index.html and sw.js
    // are checked on every visit and a new version is noticed.
    { pattern: '/assets/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
  ];
}

export function headersFile(rules: readonly HeaderRule[]): string {
  return `${rules.map(({ pattern, headers }) => [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')).join('\n')}\n`;
}

/** The rules of a `_headers` file: a path line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: "${line.trim()}" is not under a path or has no colon`);
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** Every rule matching `pathname` applies, as on the static hosts. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const pattern = new RegExp(`^${rule.pattern.split('*').map(escapeRegExp).join('.*')}$`);
    if (pattern.test(pathname)) Object.assign(headers, rule.headers);
  }
  return headers;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
