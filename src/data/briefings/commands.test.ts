import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { commandContext } from '../testing/command-context';
import { acknowledgeBriefing } from './commands';

const t = commandContext();
const briefing = { id: 'b0000000-0000-4000-8000-000000000001', version: 3, content_hash: 'f'.repeat(64) };

it('acknowledge writes the local ack and its outbox entry together, naming version and hash', async () => {
  const result = await acknowledgeBriefing(t.ctx(), briefing);
  expect(result.ok).toBe(true);
  const [entry] = await t.db().outbox.toArray();
  const [ack] = await t.db().acks.toArray();
  expect(entry).toMatchObject({ type: 'ack', state: 'waiting', payload: { briefing_id: briefing.id, version: 3, content_hash: briefing.content_hash } });
  expect(ack).toMatchObject({ id: entry!.id, local_state: 'pending', version: 3 });
  expect(t.writes()).toBe(1);
});

it('acknowledge records the language on screen: the translation read, or the original by default', async () => {
  const spanishOriginal = { ...briefing, id: 'b0000000-0000-4000-8000-000000000002', language: 'es' as const };
  await acknowledgeBriefing(t.ctx(), briefing, 'es');
  await acknowledgeBriefing(t.ctx(), spanishOriginal);
  const entries = await t.db().outbox.toArray();
  expect(entries.map((e) => (e.payload as { language?: string }).language)).toEqual(['es', 'es']);
  const acks = await t.db().acks.toArray();
  expect(acks.find((a) => a.briefing_id === briefing.id)?.language).toBe('es');
  await acknowledgeBriefing(t.ctx(), { ...briefing, id: 'b0000000-0000-4000-8000-000000000003' });
  expect((await t.db().outbox.toArray()).at(-1)?.payload).toMatchObject({ language: 'en' });
});
