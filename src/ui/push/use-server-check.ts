/**
 * Account's "On" must hold on the server too: whenever this device reads on (at first,
 * and after each action) and the phone is online, confirmOnServer checks that the
 * server lists it for this person and silently saves it again if not. null while it
 * has not been (or cannot be) asked.
 */
import { useEffect, useState } from 'react';
import { confirmOnServer, type ServerCheck } from '../../data/push/on-server';
import { browserPushPlatform } from '../../data/push/subscription';
import { useSession } from '../session-context';
import { useOnline } from '../use-online';
import type { DevicePush } from './use-device-push';

export function useServerCheck(push: Pick<DevicePush, 'state' | 'busy'>): ServerCheck | null {
  const { api } = useSession();
  const online = useOnline();
  const [check, setCheck] = useState<ServerCheck | null>(null);
  const asking = push.state === 'on' && !push.busy && api !== null && online;
  useEffect(() => {
    setCheck(null);
    if (!asking || !api) return;
    let current = true;
    void confirmOnServer(browserPushPlatform(), api).then((answer) => current && setCheck(answer));
    return () => {
      current = false;
    };
  }, [asking, api]);
  return check;
}
