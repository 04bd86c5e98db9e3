/**
 * The server's clock as seen from a phone whose own clock may be minutes or
 * days off: each pull answer carries server_time, the engine keeps the offset
 * in the sync meta, and the app decides what is live, due or overdue from
 * "device now + offset". Pure.
 */

/** Server time minus this phone's time (ms), taking the server's answer to stand at the middle of the round trip. */
export function clockOffsetMs(serverTime: string, sentAt: number, receivedAt: number): number | null {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? Math.round(server - (sentAt + receivedAt) / 2) : null;
}

/** Now as the server counts it; with no offset learned yet, the device clock. */
export function serverNow(deviceNow: number, offsetMs: number | null | undefined): Date {
  return new Date(deviceNow + (offsetMs ?? 0));
}
