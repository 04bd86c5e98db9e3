/**
 * The store roster and the kudos wall on this phone, as store_roster and
 * store_kudos last answered: the colleague picker and the wall work offline
 * from these. A refresh replaces the server's rows in one transaction but
 * keeps every kudos this phone has not had confirmed (pending or refused), so
 * a thank-you never vanishes before the server has it. A failed call keeps the
 * copy the phone has.
 */
import type { FrontlineDb, LocalKudos } from '../db';
import type { OnlineApi, RefreshOutcome } from '../online-api';

/** How many kudos the wall keeps (store_kudos takes 1..500). */
export const WALL_SIZE = 100;

export async function refreshStoreRoster(db: FrontlineDb, api: OnlineApi): Promise<RefreshOutcome> {
  const outcome = await api.call('store_roster', {});
  if (!outcome.ok) return outcome;
  await db.transaction('rw', db.roster, async () => {
    await db.roster.clear();
    await db.roster.bulkPut(outcome.data);
  });
  return { ok: true };
}

export async function refreshKudosWall(db: FrontlineDb, api: OnlineApi): Promise<RefreshOutcome> {
  // A kudos confirmed while the call is out may be missing from its answer: it counts as unconfirmed here.
  const unconfirmedBefore = new Set(await db.kudos.filter((k) => k.local_state !== undefined).primaryKeys());
  const outcome = await api.call('store_kudos', { p_limit: WALL_SIZE });
  if (!outcome.ok) return outcome;
  const fromServer = new Set(outcome.data.map((k) => k.id));
  await db.transaction('rw', db.kudos, async () => {
    // The server's copy wins once it has the kudos; until then the local one stays.
    const unconfirmed = (await db.kudos.filter((k) => k.local_state !== undefined || unconfirmedBefore.has(k.id)).toArray()).filter(
      (k) => !fromServer.has(k.id),
    );
    await db.kudos.clear();
    await db.kudos.bulkPut([...outcome.data, ...unconfirmed] satisfies LocalKudos[]);
  });
  return { ok: true };
}
