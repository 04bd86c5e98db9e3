/**
 * This device's notification state for the screens, and the actions that change
 * it (src/data/push/subscription.ts). The push words register here: every push
 * component imports this module, and it loads only with them.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  browserPushPlatform,
  type DevicePushState,
  devicePushState,
  type TurnOffResult,
  type TurnOnResult,
  turnOff,
  turnOn,
} from '../../data/push/subscription';
import { registerMessages } from '../i18n/i18n';
import pushMessages from '../i18n/sections/push';
import { useSession } from '../session-context';
import { needsHomeScreen } from './platform';

registerMessages(pushMessages);

export type PushView = DevicePushState | 'needs_install';
export type PushNotice = TurnOnResult | TurnOffResult;

export interface DevicePush {
  /** null while it is read. */
  state: PushView | null;
  busy: boolean;
  /** What the last action came to, until the next one. */
  notice: PushNotice | null;
  turnOn(): void;
  turnOff(): void;
}

async function readView(): Promise<PushView> {
  const state = await devicePushState(browserPushPlatform());
  return state !== 'not_configured' && state !== 'on' && needsHomeScreen() ? 'needs_install' : state;
}

export function useDevicePush(): DevicePush {
  const { api } = useSession();
  const [state, setState] = useState<PushView | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<PushNotice | null>(null);

  useEffect(() => {
    let current = true;
    void readView().then((view) => current && setState(view));
    return () => {
      current = false;
    };
  }, []);

  const act = useCallback(
    (action: (online: NonNullable<typeof api>) => Promise<PushNotice>) => {
      if (!api) return;
      setBusy(true);
      setNotice(null);
      void action(api)
        .then(setNotice)
        .then(readView)
        .then(setState)
        .finally(() => setBusy(false));
    },
    [api],
  );

  return {
    state,
    busy: busy || !api,
    notice,
    turnOn: () => act((online) => turnOn(browserPushPlatform(), online)),
    turnOff: () => act((online) => turnOff(browserPushPlatform(), online)),
  };
}

/** "Not now" on Today's card, kept on this phone per person. */
const laterKey = (userId: string) => `frontline-push-later:${userId}`;
export const saidNotNow = (userId: string) => localStorage.getItem(laterKey(userId)) !== null;
export const rememberNotNow = (userId: string) => localStorage.setItem(laterKey(userId), new Date().toISOString());
