/**
 * An OnlineApi for unit tests: answers each call with what `answer` returns
 * for its name and records the names called.
 */
import type { OnlineApi } from '../online-api';
import type { RpcOutcome } from '../supabase/rpc';
import type { RpcName } from '../supabase/types';

export function fakeOnlineApi(answer: (name: RpcName, args: unknown) => RpcOutcome<unknown>): OnlineApi & { calls: RpcName[] } {
  const calls: RpcName[] = [];
  return {
    calls,
    call: (async (name: RpcName, args: unknown) => {
      calls.push(name);
      return answer(name, args);
    }) as OnlineApi['call'],
  };
}
