import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { readMeta } from '../data/db';
import { serverNow } from '../data/sync/server-clock';
import { useSession } from './session-context';

/** Coarse, so a few milliseconds of network jitter at each sync do not re-plan every screen. */
const OFFSET_STEP_MS = 10_000;

/**
 * The current time as the server counts it (this phone's clock corrected by
 * the offset learned at the last sync, kept offline too), renewed every
 * minute: for screens whose grouping depends on the clock (live, due, overdue).
 */
export function useMinuteClock(): Date {
  const { db } = useSession();
  const offset = useLiveQuery(async () => Math.round(((await readMeta(db)).clock_offset_ms ?? 0) / OFFSET_STEP_MS) * OFFSET_STEP_MS, [db]);
  const [deviceNow, setDeviceNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setDeviceNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return useMemo(() => serverNow(deviceNow, offset), [deviceNow, offset]);
}
