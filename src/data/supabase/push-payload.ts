/**
 * What a Web Push message carries, shared by the service worker that shows it and
 * the sender that writes it. A push leaves our hands for the push service and the
 * lock screen, so it carries no more than a title, a store name and an address:
 * never a briefing's text. `lang` is the member's UI language as the sender knows
 * it; without it the worker falls back to the browser's.
 */
import * as z from 'zod/mini';

/** `test`: the one a person asks for on Account (send_test_push); the worker words it itself. */
export const PUSH_KINDS = ['briefing', 'reminder', 'reply', 'digest', 'test'] as const;

export const PushPayload = z.object({
  v: z.literal(1),
  kind: z.enum(PUSH_KINDS),
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  store: z.optional(z.string().check(z.maxLength(120))),
  url: z.string().check(z.maxLength(500)),
  tag: z.string().check(z.minLength(1), z.maxLength(120)),
  count: z.optional(z.int().check(z.minimum(1))),
  lang: z.optional(z.enum(['en', 'es'])),
});
export type PushPayload = z.infer<typeof PushPayload>;

/** The payload, or null for anything that is not one (a malformed push is dropped, never shown raw). */
export function parsePushPayload(raw: unknown): PushPayload | null {
  const parsed = PushPayload.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export const FALLBACK_PATH = '/today';

/**
 * The in-app path a notification opens: same origin, http(s), as path + query + hash;
 * anything else (another site, `javascript:`, `//evil.example`) becomes /today.
 */
export function appPath(url: unknown, origin: string): string {
  if (typeof url !== 'string') return FALLBACK_PATH;
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return FALLBACK_PATH;
  }
  if (parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) return FALLBACK_PATH;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
