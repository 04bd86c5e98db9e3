/**
 * A briefing's version in the reader's language (issue 13, point 7), tried as
 * the attacker: staff cannot write a translation, a phone cannot claim someone
 * read a language the version has no text in, a changed original never carries
 * a stale translation into its new version, and HR's audit CSV (the app's own
 * paged export) says which language each acknowledgement was read in, with
 * formulas neutralised.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CsvSink, exportAuditCsv } from '../../src/data/insights/audit-export';
import { supabaseOnlineApi } from '../../src/data/online-api';
import { AUDIT_EXPORT_COLUMNS, type Mutation } from '../../src/data/supabase/types';
import { decodeCsvCell } from '../../src/domain/csv-cell';
import { parseCsv } from '../support/csv';
import { briefingVersion, createMember, createOrg, mutation, publishBriefing, pullBriefings, push, sql, type TestMember } from './support/fixtures';

const SPANISH = { language: 'es' as const, title: 'Cierra el congelador', body: 'Revisa el **cierre**.' };

function ackIn(briefingId: string, v: { version: number; content_hash: string }, language?: string): Mutation {
  return mutation('ack', {
    briefing_id: briefingId,
    version: v.version,
    content_hash: v.content_hash,
    acked_at: new Date().toISOString(),
    ...(language === undefined ? {} : { language }),
  } as Extract<Mutation, { type: 'ack' }>['payload']);
}

function briefingEdit(briefingId: string, fields: Record<string, unknown>): Mutation {
  return mutation('briefing', { action: 'edit', briefing_id: briefingId, ...fields } as Extract<Mutation, { type: 'briefing' }>['payload']);
}

describe('briefing translations', () => {
  let org: Awaited<ReturnType<typeof createOrg>>;
  let hr: TestMember;
  let manager: TestMember;
  let staff: TestMember;

  beforeAll(async () => {
    org = await createOrg();
    [hr, manager, staff] = await Promise.all([
      createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
      createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
      createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
    ]);
  });

  it("a manager's Spanish version is saved with the version and reaches the staff phone", async () => {
    const id = await publishBriefing(manager.client, { title: 'Close the freezer', body: 'Check the seal.', store_ids: [org.storeId], translation: SPANISH });
    const [version] = await sql(
      'select version, language, translation_language, translation_title, translation_body from public.briefing_versions where briefing_id = $1',
      [id],
    );
    expect(version).toEqual({ version: 1, language: 'en', translation_language: 'es', translation_title: SPANISH.title, translation_body: SPANISH.body });
    const pulled = (await pullBriefings(staff.client)).find((b) => b.id === id);
    expect(pulled).toMatchObject({ version: 1, language: 'en', translation: SPANISH });
  });

  it('staff cannot write a translation: not through sync_push, not through the table', async () => {
    const id = await publishBriefing(manager.client, { title: 'Mop the aisle', body: 'Aisle 4.', store_ids: [org.storeId] });
    const [result] = await push(staff.client, [briefingEdit(id, { title: 'Mop the aisle', body: 'Aisle 4.', store_ids: [org.storeId], translation: SPANISH })]);
    expect(result).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const direct = await staff.client
      .from('briefings')
      .update({ translation_language: 'es', translation_title: 'x', translation_body: 'y' })
      .eq('id', id)
      .select();
    expect(direct.error).not.toBeNull();
    // Nobody signed in may write the table itself: sync_push is the only way in, and it refuses staff.
    expect(await sql(`select has_table_privilege('authenticated', 'public.briefings', 'UPDATE') as can`)).toEqual([{ can: false }]);
    expect(await sql('select translation_language from public.briefings where id = $1', [id])).toEqual([{ translation_language: null }]);
  });

  it('refuses a translation in the original language or an unsupported one', async () => {
    const id = randomUUID();
    const results = await push(manager.client, [
      mutation('briefing', {
        action: 'publish',
        briefing_id: id,
        title: 'T',
        body: 'B',
        store_ids: [org.storeId],
        translation: { ...SPANISH, language: 'en' },
      }),
      mutation('briefing', {
        action: 'publish',
        briefing_id: randomUUID(),
        title: 'T',
        body: 'B',
        store_ids: [org.storeId],
        translation: { ...SPANISH, language: 'fr' },
      } as unknown as Extract<Mutation, { type: 'briefing' }>['payload']),
    ]);
    expect(results.map((r) => r.code)).toEqual(['invalid_language', 'invalid_language']);
    expect(await sql('select 1 from public.briefings where id = $1', [id])).toEqual([]);
  });

  it('an ack claiming a language the version has no text in is refused language_unavailable; one it has is recorded', async () => {
    const plainId = await publishBriefing(manager.client, { title: 'Plain', body: 'English only.', store_ids: [org.storeId] });
    const plain = await briefingVersion(plainId);
    const translatedId = await publishBriefing(manager.client, { title: 'Translated', body: 'Both.', store_ids: [org.storeId], translation: SPANISH });
    const translated = await briefingVersion(translatedId);
    const results = await push(staff.client, [ackIn(plainId, plain, 'es'), ackIn(plainId, plain, 'fr'), ackIn(translatedId, translated, 'es')]);
    expect(results.map((r) => r.code ?? r.status)).toEqual(['language_unavailable', 'language_unavailable', 'applied']);
    expect(results[0]!.message).toMatch(/no text in es/);
    expect(
      await sql('select language from public.acknowledgements where member_id = $1 and briefing_id = any($2)', [staff.memberId, [plainId, translatedId]]),
    ).toEqual([{ language: 'es' }]);
    // A phone from before translations names no language: the original is what it showed.
    const [older] = await push(staff.client, [ackIn(plainId, plain)]);
    expect(older?.status).toBe('applied');
    expect(await sql('select language from public.acknowledgements where member_id = $1 and briefing_id = $2', [staff.memberId, plainId])).toEqual([
      { language: 'en' },
    ]);
  });

  it('the translation is part of the version: changing it makes a new version, and a changed original never keeps a stale one', async () => {
    const id = await publishBriefing(manager.client, { title: 'Close the freezer', body: 'Check the seal.', store_ids: [org.storeId], translation: SPANISH });
    const v1 = await briefingVersion(id);
    const same = { title: 'Close the freezer', body: 'Check the seal.', store_ids: [org.storeId], requires_ack: true };
    // Only the Spanish changes: a new version (those who read the old Spanish are asked again).
    expect((await push(manager.client, [briefingEdit(id, { ...same, translation: { ...SPANISH, body: 'Revisa la goma.' } })]))[0]?.status).toBe('applied');
    const v2 = await briefingVersion(id);
    expect(v2.version).toBe(2);
    expect(v2.content_hash).not.toBe(v1.content_hash);
    // Saved unchanged by a phone that does not know translations: nothing changes, the Spanish stays.
    expect((await push(manager.client, [briefingEdit(id, same)]))[0]?.status).toBe('applied');
    expect(await sql('select version, translation_body from public.briefings where id = $1', [id])).toEqual([
      { version: 2, translation_body: 'Revisa la goma.' },
    ]);
    // The same phone changes the English: the Spanish no longer says the same, so the new version has none.
    expect((await push(manager.client, [briefingEdit(id, { ...same, body: 'Check the seal twice.' })]))[0]?.status).toBe('applied');
    expect(await sql('select version, translation_language from public.briefings where id = $1', [id])).toEqual([{ version: 3, translation_language: null }]);
    const [ack] = await push(staff.client, [ackIn(id, await briefingVersion(id), 'es')]);
    expect(ack?.code).toBe('language_unavailable');
    // Version 2 still has its Spanish: an acknowledgement of it in Spanish stands.
    expect((await push(staff.client, [ackIn(id, v2, 'es')]))[0]?.status).toBe('applied');
  });

  it("HR's audit CSV shows the language of each acknowledgement, formulas neutralised", async () => {
    const formula = '=HYPERLINK("http://evil.example/","Open")';
    const id = await publishBriefing(manager.client, {
      title: formula,
      body: 'Read me.',
      store_ids: [org.storeId],
      translation: { ...SPANISH, title: '+Spanish formula' },
    });
    const reader = await createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId });
    expect((await push(reader.client, [ackIn(id, await briefingVersion(id), 'es')]))[0]?.status).toBe('applied');

    const parts: Uint8Array[] = [];
    const sink: CsvSink = {
      async write(chunk) {
        parts.push(chunk);
      },
      async close() {},
      async abort() {},
    };
    const outcome = await exportAuditCsv({
      api: supabaseOnlineApi(hr.client),
      range: {},
      sink,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    expect(outcome.ok).toBe(true);
    const [header, ...rows] = parseCsv(Buffer.concat(parts).toString('utf8'));
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    expect(header).toContain('language');
    const col = (name: (typeof AUDIT_EXPORT_COLUMNS)[number]) => header!.indexOf(name);
    const mine = rows.filter((r) => r[col('employee_email')] === reader.email);
    expect(mine.map((r) => [r[col('briefing')], r[col('language')]])).toEqual([[`'${formula}`, 'es']]);
    expect(decodeCsvCell(mine[0]![col('briefing')]!)).toBe(formula);
    // Earlier acknowledgements of this organisation: each says its language.
    expect(rows.every((r) => ['en', 'es'].includes(r[col('language')]!))).toBe(true);
    for (const r of rows) for (const value of r) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });
});
