/**
 * Why a lazily loaded screen did not open. Offline (or the server unreachable) the fix is
 * to connect and try again; but an old tab whose build was replaced by a deploy asks for
 * files the server no longer has (404), and only an update helps there.
 */
export type ScreenFailure = 'offline' | 'outdated';

/** The module a failed dynamic import names: Chromium and Firefox put its URL in the message. */
export function failedModuleUrl(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  return /(https?:\/\/\S+?\.m?js)\b/.exec(message)?.[1] ?? null;
}

type Fetch = (url: string, init: RequestInit) => Promise<Pick<Response, 'status'>>;

export async function diagnoseScreenFailure(error: unknown, online: boolean, fetchFn: Fetch): Promise<ScreenFailure> {
  const url = failedModuleUrl(error);
  if (!online || !url) return 'offline';
  try {
    const response = await fetchFn(url, { method: 'HEAD', cache: 'no-store' });
    return response.status === 404 || response.status === 410 ? 'outdated' : 'offline';
  } catch {
    return 'offline';
  }
}
