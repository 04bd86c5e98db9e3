import type { BrowserContext, Route } from 'playwright-core';

export interface RequestGate {
  /** How many matching requests are being held. */
  held(): number;
  /** Lets every held and later request through, and removes the route. */
  open(): Promise<void>;
}

/**
 * Holds matching requests of `context` until open(), so a test can look at the
 * state just before they go out (e.g. "still waiting") without racing them.
 */
export async function holdRequests(context: BrowserContext, url: RegExp): Promise<RequestGate> {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = 0;
  const inFlight = new Set<Promise<void>>();
  const handler = (route: Route) => {
    held++;
    const passing = opened.then(() => route.continue());
    inFlight.add(passing);
    return passing.finally(() => inFlight.delete(passing));
  };
  await context.route(url, handler);
  return {
    held: () => held,
    async open() {
      release();
      // Unrouting hands requests still in a handler on to the network itself, so let them go first.
      await Promise.all(inFlight);
      await context.unroute(url, handler);
    },
  };
}
