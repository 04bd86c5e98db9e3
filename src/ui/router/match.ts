/**
 * Address patterns: '/learn/:lessonId' matches '/learn/abc' with
 * { lessonId: 'abc' }. Pure, so the screen table and its tests share it.
 */
export type Params = Readonly<Record<string, string>>;

/** The params a path fills in a pattern, or null when it does not fit (a trailing slash is ignored). */
export function matchPath(pattern: string, path: string): Params | null {
  const want = segments(pattern);
  const got = segments(path);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const part = want[i]!;
    let value: string;
    try {
      value = decodeURIComponent(got[i]!);
    } catch {
      return null;
    }
    if (part.startsWith(':')) params[part.slice(1)] = value;
    else if (part !== value) return null;
  }
  return params;
}

function segments(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}
