/**
 * The integration tests' push service (support/push-service.ts) in a child process,
 * for the push fan-out figure: a real push service is another machine, and sharing
 * the sender's event loop would charge its decryption to the sender.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakeDevice } from '../integration/support/push-service';

export type ParentRequest = { type: 'devices'; count: number; keyPairs: number } | { type: 'count' } | { type: 'summary' } | { type: 'close' };

export type ChildReply =
  | { type: 'ready'; url: string }
  | { type: 'devices'; devices: FakeDevice[] }
  /** Requests accepted so far, and when the last was (ms since the epoch). */
  | { type: 'count'; accepted: number; lastAcceptedAt: number }
  /** Every request received: endpoint, status answered, and the decrypted payload's url when accepted. */
  | { type: 'summary'; deliveries: [string, number, string | null][]; lastAcceptedAt: number };

export interface RemotePushService {
  url: string;
  /** `count` devices sharing `keyPairs` key pairs (one per device would only lengthen the setup). */
  devices(count: number, keyPairs: number): Promise<FakeDevice[]>;
  /** How many requests were accepted so far, and when the last was (cheap enough to poll). */
  count(): Promise<Extract<ChildReply, { type: 'count' }>>;
  /** What arrived so far, and when the last request was accepted (ms since the epoch). */
  summary(): Promise<Extract<ChildReply, { type: 'summary' }>>;
  close(): Promise<void>;
}

export async function startRemotePushService(): Promise<RemotePushService> {
  const child = fork(fileURLToPath(new URL('./remote-push-service-child.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
  const next = <T extends ChildReply['type']>(type: T) =>
    new Promise<Extract<ChildReply, { type: T }>>((resolve, reject) => {
      const onMessage = (message: ChildReply) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<ChildReply, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`the push service process exited (${code}) before answering ${type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const send = (request: ParentRequest) => child.send(request);
  const { url } = await next('ready');
  return {
    url,
    async devices(count, keyPairs) {
      const answer = next('devices');
      send({ type: 'devices', count, keyPairs });
      return (await answer).devices;
    },
    async count() {
      const answer = next('count');
      send({ type: 'count' });
      return answer;
    },
    async summary() {
      const answer = next('summary');
      send({ type: 'summary' });
      return answer;
    },
    close: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.send({ type: 'close' } satisfies ParentRequest);
  });
}
