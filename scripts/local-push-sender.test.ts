import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localVapidKeys } from './local-push-sender';

describe('localVapidKeys', () => {
  it('makes a P-256 key pair on first start, keeps it owner-only and returns the same keys after', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'frontline-vapid-')), 'data');
    const first = await localVapidKeys(dir);
    expect(first.created).toBe(true);
    // An uncompressed P-256 point (65 bytes) and a 32-byte private key, base64url.
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(first.privateKey, 'base64url')).toHaveLength(32);
    expect((await stat(join(dir, 'vapid.json'))).mode & 0o777).toBe(0o600);

    const second = await localVapidKeys(dir);
    expect(second).toEqual({ ...first, created: false });
    expect(JSON.parse(await readFile(join(dir, 'vapid.json'), 'utf8'))).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey });
  });
});
