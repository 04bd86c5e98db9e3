/**
 * Account's "Send a test notification": asks the server to push this device once
 * (src/data/push/on-server.ts) and keeps what that came to until the next press.
 */
import { useState } from 'react';
import { sendTestPush, type TestPushResult } from '../../data/push/on-server';
import { browserPushPlatform } from '../../data/push/subscription';
import { useSession } from '../session-context';
import { useOnline } from '../use-online';

/** null before the first press. */
export type PushTestView = TestPushResult | { status: 'sending' } | null;

export interface PushTest {
  view: PushTestView;
  /** false while the online API has not loaded yet (offline, pressing says so at once). */
  ready: boolean;
  send(): void;
  reset(): void;
}

export function usePushTest(): PushTest {
  const { api } = useSession();
  const online = useOnline();
  const [view, setView] = useState<PushTestView>(null);
  return {
    view,
    ready: !online || api !== null,
    send() {
      // The services may never load offline: say so rather than wait for them.
      if (!online) return setView({ status: 'offline' });
      if (!api) return;
      setView({ status: 'sending' });
      void sendTestPush(browserPushPlatform(), api).then(setView);
    },
    reset: () => setView(null),
  };
}
