/**
 * A stand-in for a browser push service (FCM, Mozilla autopush, Apple): plain HTTP on
 * 127.0.0.1, one endpoint per fake device. It receives the sender's real requests,
 * decrypts each body (RFC 8291 aes128gcm, `http_ece`) with the device's own private key
 * and auth secret as a browser would, records what arrived with its Web Push headers,
 * and answers what the test told it to (201 unless told otherwise).
 */
import { createECDH, type ECDH, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';

export interface FakeDevice {
  endpoint: string;
  /** The subscription's public key (65-byte uncompressed P-256), base64url, as PushSubscription.toJSON() gives it. */
  p256dh: string;
  auth: string;
}

export interface Delivery {
  endpoint: string;
  /** The decrypted body, exactly as the device would read it. */
  plaintext: string;
  ttl: string | undefined;
  topic: string | undefined;
  urgency: string | undefined;
  contentEncoding: string | undefined;
  authorization: string | undefined;
  /** The status this service answered. */
  status: number;
}

export interface Answer {
  status: number;
  retryAfter?: string;
}

export interface PushService {
  url: string;
  /**
   * A new device (endpoint) with its own key pair and auth secret, or with those of
   * `sharing` (a device this service made): the bench registers tens of thousands of
   * devices and generating a key pair for each would dominate its setup.
   */
  device(sharing?: FakeDevice): FakeDevice;
  /** The next answers for this endpoint, in order; after them, 201. */
  answer(endpoint: string, ...answers: Answer[]): void;
  /** Every request received, accepted or not, in arrival order. */
  deliveries: Delivery[];
  /** Called after each request is answered (a test can stop the sender there). */
  onDelivery?: (delivery: Delivery) => void;
  close(): Promise<void>;
}

interface DeviceKeys {
  ecdh: ECDH;
  auth: string;
}

export async function startPushService(): Promise<PushService> {
  const keys = new Map<string, DeviceKeys>();
  const answers = new Map<string, Answer[]>();
  const deliveries: Delivery[] = [];
  let url = '';

  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const endpoint = `${url}${request.url ?? ''}`;
      const device = keys.get(endpoint);
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      };
      let plaintext = '';
      let status = device ? 201 : 404;
      if (device && request.method === 'POST') {
        try {
          plaintext = ece.decrypt(body, { version: 'aes128gcm', privateKey: device.ecdh, authSecret: device.auth }).toString('utf8');
        } catch (error) {
          // A push service cannot read the body either, but a browser would drop it: record it as undecryptable.
          plaintext = `<undecryptable: ${(error as Error).message}>`;
          status = 400;
        }
        const told = answers.get(endpoint)?.shift();
        if (told && status === 201) status = told.status;
        if (told?.retryAfter) response.setHeader('Retry-After', told.retryAfter);
      }
      const delivery: Delivery = {
        endpoint,
        plaintext,
        ttl: header('ttl'),
        topic: header('topic'),
        urgency: header('urgency'),
        contentEncoding: header('content-encoding'),
        authorization: header('authorization'),
        status,
      };
      deliveries.push(delivery);
      response.writeHead(status).end();
      service.onDelivery?.(delivery);
    })();
  });
  // A real push service takes thousands of connections at once; Node's default backlog
  // (511) would reset some of the bench's fan-out before they are accepted.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const service: PushService = {
    url,
    deliveries,
    device(sharing) {
      const shared = sharing && keys.get(sharing.endpoint);
      if (shared) {
        const endpoint = `${url}/push/${randomUUID()}`;
        keys.set(endpoint, shared);
        return { endpoint, p256dh: sharing.p256dh, auth: sharing.auth };
      }
      const ecdh = createECDH('prime256v1');
      const p256dh = ecdh.generateKeys().toString('base64url');
      const auth = randomBytes(16).toString('base64url');
      const endpoint = `${url}/push/${randomUUID()}`;
      keys.set(endpoint, { ecdh, auth });
      return { endpoint, p256dh, auth };
    },
    answer(endpoint, ...next) {
      answers.set(endpoint, [...(answers.get(endpoint) ?? []), ...next]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return service;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
