/**
 * The sync contract as the engine relies on it, written once and run against
 * every server that claims it: the fake the engine's unit tests use
 * (fake-server.contract.test.ts) and the real sync_pull/sync_push through
 * supabase-js (tests/integration/sync-contract.test.ts). A behaviour the fake
 * gets wrong fails here before an engine test can pass on it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RpcOutcome } from '../../supabase/rpc';
import type { Briefing, BriefingTranslation, Mutation, SyncPullResult } from '../../supabase/types';
import type { SyncApi } from '../engine';

/** Who a briefing is addressed to, seen from the member under test. */
export type Audience = 'my store' | 'everyone' | 'another store';

/** One member's server, freshly made for each test: nothing else is visible to them. */
export interface ServerUnderTest {
  /** The member's sync API (signed in). */
  api: SyncApi;
  memberId: string;
  /** The server's clock now, in ms. */
  now(): number;
  /** Publishes `count` briefings (by someone else) and returns their ids in publish order. */
  addBriefings(count: number, audience: Audience): Promise<string[]>;
  /** A new title and body, or a translation added or changed: a new version. */
  editBriefing(id: string, text: { title: string; body: string; translation?: BriefingTranslation | null }): Promise<void>;
  retractBriefing(id: string): Promise<void>;
  /** Moves the member to another store of the organisation. */
  moveToAnotherStore(): Promise<void>;
  /** Deactivates the member: their account is closed. */
  closeAccount(): Promise<void>;
}

function ok<T>(outcome: RpcOutcome<T>): T {
  if (!outcome.ok) throw new Error(`call failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

async function pullPages(api: SyncApi, cursor = 0, limit = 500): Promise<SyncPullResult[]> {
  const pages: SyncPullResult[] = [];
  for (let next = cursor; ; ) {
    const page = ok(await api.pull(next, limit));
    pages.push(page);
    if (!page.has_more || page.reset) return pages;
    next = page.cursor;
  }
}

/** Pulls everything from `cursor`: the rows and where the phone stands afterwards. */
async function catchUp(api: SyncApi, cursor = 0): Promise<{ briefings: Briefing[]; pages: SyncPullResult[]; cursor: number }> {
  const pages = await pullPages(api, cursor);
  return { briefings: pages.flatMap((p) => p.briefings), pages, cursor: pages.at(-1)!.cursor };
}

function rowCount(page: SyncPullResult): number {
  return page.briefings.length + page.value_cards.length + page.lessons.length + page.pulses.length + page.acks.length;
}

function ack(briefing: Pick<Briefing, 'id' | 'version' | 'content_hash'>, id: string = randomUUID(), language?: 'en' | 'es'): Mutation {
  return {
    id,
    type: 'ack',
    created_at: new Date().toISOString(),
    payload: {
      briefing_id: briefing.id,
      version: briefing.version,
      content_hash: briefing.content_hash,
      acked_at: new Date().toISOString(),
      ...(language ? { language } : {}),
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function describeSyncContract(name: string, makeServer: () => Promise<ServerUnderTest>): void {
  describe(`sync contract: ${name}`, () => {
    describe('sync_pull', () => {
      it('pages by cursor in sync_seq order, says has_more, counts the first sync as total on the first page only', async () => {
        const server = await makeServer();
        const ids = await server.addBriefings(5, 'my store');
        const pages = await pullPages(server.api, 0, 2);
        expect(pages.map(rowCount)).toEqual([2, 2, 1]);
        expect(pages.map((p) => p.has_more)).toEqual([true, true, false]);
        expect(pages.map((p) => p.total ?? null)).toEqual([5, null, null]);
        const rows = pages.flatMap((p) => p.briefings);
        expect(rows.map((b) => b.id)).toEqual(ids);
        const seqs = rows.map((b) => b.sync_seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(new Set(seqs).size).toBe(5);
        const cursors = pages.map((p) => p.cursor);
        expect(cursors[0]).toBe(rows[1]!.sync_seq);
        expect(cursors[1]).toBe(rows[3]!.sync_seq);
        expect(cursors[2]).toBeGreaterThanOrEqual(rows[4]!.sync_seq);
        for (const page of pages) expect(page.me.member_id).toBe(server.memberId);
      });

      it('from the last cursor brings nothing until something changes, then only that', async () => {
        const server = await makeServer();
        await server.addBriefings(2, 'my store');
        const first = await catchUp(server.api);
        const quiet = await catchUp(server.api, first.cursor);
        expect(quiet.pages.map(rowCount)).toEqual([0]);
        expect(quiet.pages[0]!.removed).toEqual([]);
        expect(quiet.cursor).toBeGreaterThanOrEqual(first.cursor);
        const [fresh] = await server.addBriefings(1, 'everyone');
        const next = await catchUp(server.api, quiet.cursor);
        expect(next.briefings.map((b) => b.id)).toEqual([fresh]);
        expect(next.pages[0]!.total ?? null).toBeNull();
      });

      it('never sends a briefing addressed to another store', async () => {
        const server = await makeServer();
        const mine = await server.addBriefings(1, 'my store');
        await server.addBriefings(2, 'another store');
        const everyone = await server.addBriefings(1, 'everyone');
        const { briefings, pages } = await catchUp(server.api);
        expect(briefings.map((b) => b.id)).toEqual([...mine, ...everyone]);
        expect(pages[0]!.total).toBe(2);
      });

      it('tells the server time on every answer', async () => {
        const server = await makeServer();
        await server.addBriefings(1, 'my store');
        const { pages } = await catchUp(server.api);
        for (const page of pages) {
          expect(page.server_time).toBeDefined();
          expect(Math.abs(Date.parse(page.server_time!) - server.now())).toBeLessThan(60_000);
        }
      });

      it('hashes title and body as SHA-256 of title, newline, body; narrow_audience is true when fewer than 5 can read it', async () => {
        const server = await makeServer();
        await server.addBriefings(2, 'my store');
        const { briefings } = await catchUp(server.api);
        for (const b of briefings) {
          expect(b.content_hash).toBe(sha256(`${b.title}\n${b.body}`));
          expect(b.version).toBe(1);
          expect(b.previous ?? null).toBeNull();
          expect(b.narrow_audience).toBe(true);
        }
      });

      it('sends an edited briefing again at its new version with the text it replaced as previous', async () => {
        const server = await makeServer();
        const [id] = await server.addBriefings(1, 'my store');
        const first = await catchUp(server.api);
        const before = first.briefings[0]!;
        await server.editBriefing(id!, { title: 'Fire exits moved', body: 'Use the back door.' });
        const next = await catchUp(server.api, first.cursor);
        expect(next.briefings).toHaveLength(1);
        const after = next.briefings[0]!;
        expect(after).toMatchObject({ id, version: 2, title: 'Fire exits moved', body: 'Use the back door.' });
        expect(after.content_hash).toBe(sha256('Fire exits moved\nUse the back door.'));
        expect(after.previous).toEqual({ version: 1, title: before.title, body: before.body, translation: null });
        expect(after.sync_seq).toBeGreaterThan(before.sync_seq);
      });

      it('sends a translation with its briefing as part of a new version, hashed with both texts', async () => {
        const server = await makeServer();
        const [id] = await server.addBriefings(1, 'my store');
        const first = await catchUp(server.api);
        expect(first.briefings[0]).toMatchObject({ language: 'en', translation: null });
        const translation = { language: 'es' as const, title: 'Salidas movidas', body: 'Usa la puerta trasera.' };
        await server.editBriefing(id!, { title: 'Exits moved', body: 'Use the back door.', translation });
        const [after] = (await catchUp(server.api, first.cursor)).briefings;
        expect(after).toMatchObject({ id, version: 2, language: 'en', translation });
        expect(after!.content_hash).toBe(sha256('Exits moved\nUse the back door.\n\x1fes\nSalidas movidas\nUsa la puerta trasera.'));
        // The next version's previous carries this one's translation, for "what changed" in the reader's language.
        await server.editBriefing(id!, { title: 'Exits moved', body: 'Use the back door.', translation: { ...translation, body: 'Usa la puerta de atrás.' } });
        const [third] = (await catchUp(server.api, first.cursor)).briefings;
        expect(third!.previous).toEqual({ version: 2, title: 'Exits moved', body: 'Use the back door.', translation });
      });

      it('lists a retracted briefing in removed for a phone that held it, and no longer sends it', async () => {
        const server = await makeServer();
        const [gone, kept] = await server.addBriefings(2, 'my store');
        const first = await catchUp(server.api);
        await server.retractBriefing(gone!);
        const next = await catchUp(server.api, first.cursor);
        expect(next.pages.flatMap((p) => p.removed)).toEqual([gone]);
        expect(next.briefings).toEqual([]);
        expect((await catchUp(server.api)).briefings.map((b) => b.id)).toEqual([kept]);
      });

      it('after a move to another store answers reset: no rows, cursor 0, has_more, and removed = what only the old store could see', async () => {
        const server = await makeServer();
        const storeOnly = await server.addBriefings(2, 'my store');
        const [everyone] = await server.addBriefings(1, 'everyone');
        const first = await catchUp(server.api);
        const oldStore = first.pages[0]!.me.store?.id;
        await server.moveToAnotherStore();
        const reset = ok(await server.api.pull(first.cursor, 500));
        expect(reset).toMatchObject({ reset: true, cursor: 0, has_more: true });
        expect(rowCount(reset)).toBe(0);
        expect([...reset.removed].sort()).toEqual([...storeOnly].sort());
        expect(reset.server_time).toBeDefined();
        expect(reset.me.store?.id).toBeDefined();
        expect(reset.me.store?.id).not.toBe(oldStore);
        const again = await catchUp(server.api, reset.cursor);
        expect(again.briefings.map((b) => b.id)).toEqual([everyone]);
        expect(again.pages[0]!.reset ?? false).toBe(false);
        expect(again.pages[0]!.total).toBe(1);
      });

      it("a move's reset also drops what was retracted for the old store while the phone was away", async () => {
        const server = await makeServer();
        const [gone, kept] = await server.addBriefings(2, 'my store');
        const first = await catchUp(server.api);
        await server.retractBriefing(gone!);
        await server.moveToAnotherStore();
        const reset = ok(await server.api.pull(first.cursor, 500));
        expect(reset.reset).toBe(true);
        expect([...reset.removed].sort()).toEqual([gone, kept].sort());
      });
    });

    describe('a closed account', () => {
      it('is refused the pull with 403 member_inactive; its push applies acks of versions older than the closing and rejects the rest account_closed', async () => {
        const server = await makeServer();
        await server.addBriefings(1, 'my store');
        const [shown] = (await catchUp(server.api)).briefings;
        await server.closeAccount();
        const [later] = await server.addBriefings(1, 'my store');

        const pulled = await server.api.pull(0, 500);
        expect(!pulled.ok && pulled.error).toMatchObject({ kind: 'http', status: 403, code: '42501', details: 'member_inactive' });

        const early = ack(shown!);
        const kudos: Mutation = {
          id: randomUUID(),
          type: 'kudos',
          created_at: new Date().toISOString(),
          payload: { to_member_id: shown!.author_id, message: 'Thanks for everything' },
        };
        const tooLate = ack({ id: later!, version: 1, content_hash: sha256('Not shown\nto this phone') });
        const results = ok(await server.api.push([early, tooLate, kudos])).results;
        expect(results.map((r) => [r.id, r.status, r.code ?? null])).toEqual([
          [early.id, 'applied', null],
          [tooLate.id, 'rejected', 'account_closed'],
          [kudos.id, 'rejected', 'account_closed'],
        ]);
        expect(ok(await server.api.push([early])).results).toEqual([{ id: early.id, status: 'duplicate' }]);
      });
    });

    describe('sync_push', () => {
      it('applies an ack once: the same id again is duplicate, a second ack of the same version is duplicate, and the pull brings it back', async () => {
        const server = await makeServer();
        await server.addBriefings(1, 'my store');
        const first = await catchUp(server.api);
        const briefing = first.briefings[0]!;
        const mutation = ack(briefing);
        expect(ok(await server.api.push([mutation])).results).toEqual([{ id: mutation.id, status: 'applied' }]);
        expect(ok(await server.api.push([mutation])).results).toEqual([{ id: mutation.id, status: 'duplicate' }]);
        const again = ack(briefing);
        expect(ok(await server.api.push([again])).results).toEqual([{ id: again.id, status: 'duplicate' }]);
        const next = await catchUp(server.api, first.cursor);
        const acks = next.pages.flatMap((p) => p.acks);
        expect(acks).toEqual([
          expect.objectContaining({
            id: mutation.id,
            briefing_id: briefing.id,
            version: 1,
            content_hash: briefing.content_hash,
          }),
        ]);
      });

      it('records the language an ack was read in, refusing one the version has no text in with language_unavailable', async () => {
        const server = await makeServer();
        const [id] = await server.addBriefings(1, 'my store');
        const first = await catchUp(server.api);
        const plain = first.briefings[0]!;
        // Version 1 has English only: a claim of Spanish is refused, whatever the phone says.
        const claim = ack(plain, randomUUID(), 'es');
        expect(ok(await server.api.push([claim])).results).toEqual([
          { id: claim.id, status: 'rejected', code: 'language_unavailable', message: expect.any(String) },
        ]);
        await server.editBriefing(id!, { title: plain.title, body: plain.body, translation: { language: 'es', title: 'T', body: 'B' } });
        const next = await catchUp(server.api, first.cursor);
        const translated = next.briefings[0]!;
        const read = ack(translated, randomUUID(), 'es');
        expect(ok(await server.api.push([read])).results).toEqual([{ id: read.id, status: 'applied' }]);
        // A phone from before translations names none: the original is what it showed.
        const older = ack(plain);
        expect(ok(await server.api.push([older])).results).toEqual([{ id: older.id, status: 'applied' }]);
        const acks = (await catchUp(server.api, next.cursor)).pages.flatMap((p) => p.acks);
        expect(acks.map((a) => [a.version, a.language])).toEqual([
          [2, 'es'],
          [1, 'en'],
        ]);
      });

      it('a replayed batch changes nothing', async () => {
        const server = await makeServer();
        await server.addBriefings(2, 'my store');
        const first = await catchUp(server.api);
        const batch = first.briefings.map((b) => ack(b));
        expect(ok(await server.api.push(batch)).results.map((r) => r.status)).toEqual(['applied', 'applied']);
        const afterFirst = await catchUp(server.api, first.cursor);
        expect(afterFirst.pages.flatMap((p) => p.acks)).toHaveLength(2);
        expect(ok(await server.api.push(batch)).results).toEqual(batch.map((m) => ({ id: m.id, status: 'duplicate' })));
        const afterReplay = await catchUp(server.api, afterFirst.cursor);
        expect(afterReplay.pages.map(rowCount)).toEqual([0]);
        expect((await catchUp(server.api)).pages.flatMap((p) => p.acks)).toHaveLength(2);
      });

      it('judges each item alone with a stable code, and applies the rest of the batch', async () => {
        const server = await makeServer();
        const [, retracted] = await server.addBriefings(2, 'my store');
        const { briefings } = await catchUp(server.api);
        const [good, toRetract] = briefings;
        await server.retractBriefing(retracted!);
        // Addressed elsewhere looks exactly like not existing, so ids leak nothing.
        const elsewhere = { id: (await server.addBriefings(1, 'another store'))[0]!, version: 1, content_hash: good!.content_hash };
        const unknownType = { ...ack(good!), type: 'teleport' } as unknown as Mutation;
        const batch = [
          ack({ id: randomUUID(), version: 1, content_hash: good!.content_hash }),
          ack({ ...good!, content_hash: sha256('something else') }),
          ack({ ...good!, version: 7 }),
          ack(toRetract!),
          ack(elsewhere),
          unknownType,
          ack(good!),
        ];
        const { results } = ok(await server.api.push(batch));
        expect(results.map((r) => r.id)).toEqual(batch.map((m) => m.id));
        expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
          'unknown_briefing',
          'hash_mismatch',
          'unknown_version',
          'briefing_retracted',
          'unknown_briefing',
          'unknown_type',
          'applied',
        ]);
        for (const r of results.slice(0, -1)) expect(r.message).toEqual(expect.any(String));
      });

      it('a rejected id is not spent: sent again once it is right, it is judged afresh', async () => {
        const server = await makeServer();
        await server.addBriefings(1, 'my store');
        const [briefing] = (await catchUp(server.api)).briefings;
        const id = randomUUID();
        const wrong = ack({ ...briefing!, content_hash: sha256('stale') }, id);
        expect(ok(await server.api.push([wrong])).results[0]).toMatchObject({ status: 'rejected', code: 'hash_mismatch' });
        expect(ok(await server.api.push([ack(briefing!, id)])).results[0]).toEqual({ id, status: 'applied' });
      });

      it('takes 500 items in one call and refuses 501 whole with 400 batch_too_large', async () => {
        const server = await makeServer();
        await server.addBriefings(1, 'my store');
        const first = await catchUp(server.api);
        const briefing = first.briefings[0]!;
        const tooMany = Array.from({ length: 501 }, () => ack(briefing));
        const refused = await server.api.push(tooMany);
        expect(refused.ok).toBe(false);
        expect(!refused.ok && refused.error).toMatchObject({ kind: 'http', status: 400, code: '22023', details: 'batch_too_large' });
        expect((await catchUp(server.api, first.cursor)).pages.flatMap((p) => p.acks)).toEqual([]);
        const { results } = ok(await server.api.push(tooMany.slice(0, 500)));
        expect(results).toHaveLength(500);
        expect(results.filter((r) => r.status === 'applied').map((r) => r.id)).toEqual([tooMany[0]!.id]);
        expect(results.slice(1).every((r) => r.status === 'duplicate')).toBe(true);
      });

      it('refuses a batch it cannot read (a NUL) whole with 400, applying none of it', async () => {
        const server = await makeServer();
        await server.addBriefings(1, 'my store');
        const [briefing] = (await catchUp(server.api)).briefings;
        const readable = ack(briefing!);
        const unreadable: Mutation = {
          id: randomUUID(),
          type: 'kudos',
          created_at: new Date().toISOString(),
          payload: { to_member_id: briefing!.author_id, message: 'Great\u0000job' },
        };
        const refused = await server.api.push([readable, unreadable]);
        expect(refused.ok).toBe(false);
        expect(!refused.ok && refused.error).toMatchObject({ kind: 'http', status: 400, code: '22P05' });
        expect(ok(await server.api.push([readable])).results).toEqual([{ id: readable.id, status: 'applied' }]);
      });
    });

    it('refreshSession refreshes a live session, and calls go on working', async () => {
      const server = await makeServer();
      await server.addBriefings(1, 'my store');
      expect(await server.api.refreshSession()).toBe('refreshed');
      expect((await catchUp(server.api)).briefings).toHaveLength(1);
    });
  });
}
