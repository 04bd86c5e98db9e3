/**
 * The child side of remote-push-service.ts: the integration tests' push service in a
 * process of its own, answering the bench over IPC.
 */
import { performance } from 'node:perf_hooks';
import { type FakeDevice, startPushService } from '../integration/support/push-service';
import type { ChildReply, ParentRequest } from './remote-push-service';

const service = await startPushService();
let lastAcceptedAt = 0;
let accepted = 0;
service.onDelivery = (d) => {
  if (d.status < 200 || d.status >= 300) return;
  accepted += 1;
  lastAcceptedAt = performance.timeOrigin + performance.now();
};

const reply = (message: ChildReply) => process.send?.(message);

process.on('message', (request: ParentRequest) => {
  if (request.type === 'devices') {
    const pairs = Array.from({ length: Math.min(request.keyPairs, request.count) }, () => service.device());
    const devices: FakeDevice[] = Array.from({ length: request.count }, (_, i) => service.device(pairs[i % pairs.length]));
    reply({ type: 'devices', devices });
  } else if (request.type === 'count') {
    reply({ type: 'count', accepted, lastAcceptedAt });
  } else if (request.type === 'summary') {
    const deliveries = service.deliveries.map((d): [string, number, string | null] => {
      const url = d.status === 201 ? ((JSON.parse(d.plaintext) as { url?: string }).url ?? null) : null;
      return [d.endpoint, d.status, url];
    });
    reply({ type: 'summary', deliveries, lastAcceptedAt });
  } else {
    void service.close().then(() => process.exit(0));
  }
});
reply({ type: 'ready', url: service.url });
