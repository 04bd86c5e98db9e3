import { describe, expect, it } from 'vitest';
import { findDuplicateIds, rosterReportCsv } from '../../domain/roster-columns';
import { type ParseProgress, parseRoster } from './parse-roster';

async function parsed(text: string) {
  const out = await parseRoster(text);
  if (!out.ok) throw new Error(out.code);
  return out;
}

describe('parseRoster', () => {
  it('drops a BOM, reads CRLF and quoted fields with commas, quotes and line breaks', async () => {
    const text = '\uFEFFEmployee ID,First name,Last name,Email,Store code\r\nE1,"Ana, Jr","O""Neil",ana@x.test,DTN\r\nE2,"Two\r\nLines",B,,RVS\r\n';
    const out = await parsed(text);
    expect(out.rows).toEqual([
      { row: 2, employee_id: 'E1', display_name: 'Ana, Jr O"Neil', email: 'ana@x.test', store_code: 'DTN' },
      { row: 3, employee_id: 'E2', display_name: 'Two\r\nLines B', email: '', store_code: 'RVS' },
    ]);
    expect(out.columns).toEqual(['employee_id', 'first_name', 'last_name', 'email', 'store_code']);
  });

  it('takes ; as the delimiter, keeps absent columns absent and skips blank lines', async () => {
    const out = await parsed('employee_id;display_name;role\nE1;Ana;manager\n;;\nE2;Ben;\n');
    expect(out.delimiter).toBe(';');
    expect(out.rows).toEqual([
      { row: 2, employee_id: 'E1', display_name: 'Ana', role: 'manager' },
      { row: 4, employee_id: 'E2', display_name: 'Ben', role: '' },
    ]);
  });

  it('refuses a file without an employee_id column, and an empty one', async () => {
    expect(await parseRoster('name,email\nAna,a@x.test\n')).toEqual({ ok: false, code: 'missing_column', column: 'employee_id' });
    expect(await parseRoster('')).toEqual({ ok: false, code: 'empty' });
  });

  it('reports progress chunk by chunk up to the whole file', async () => {
    const lines = ['employee_id,display_name'];
    for (let i = 0; i < 20_000; i++) lines.push(`E${i},Person number ${i}`);
    const seen: ParseProgress[] = [];
    const out = await parseRoster(lines.join('\n'), (p) => seen.push(p));
    expect(out.ok && out.rows.length).toBe(20_000);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.map((p) => p.fraction)).toEqual([...seen.map((p) => p.fraction)].sort((a, b) => a - b));
    expect(seen[0]!.fraction).toBeLessThan(1);
    expect(seen.at(-1)).toEqual({ fraction: 1, rows: 20_000 });
  });

  it('finds an employee ID used twice, ignoring case, however far apart', async () => {
    const lines = ['employee_id,display_name'];
    for (let i = 0; i < 5000; i++) lines.push(`E${i},P${i}`);
    lines.push('e17,Again');
    const out = await parsed(lines.join('\n'));
    expect([...out.duplicates]).toEqual([[5002, 19]]);
    expect([
      ...findDuplicateIds([
        { row: 2, employee_id: 'A' },
        { row: 3, employee_id: ' a ' },
        { row: 4, employee_id: '' },
        { row: 5, employee_id: '' },
      ]),
    ]).toEqual([[3, 2]]);
  });
});

describe('the result report', () => {
  it('neutralises formulas and quotes what needs it', () => {
    expect(
      rosterReportCsv([
        { row: 2, employee_id: '=HYPERLINK("x")', outcome: 'problem', problem: 'unknown_store' },
        { row: 3, employee_id: 'E,1', outcome: 'added' },
      ]),
    ).toBe('row,employee_id,outcome,problem\r\n2,"\'=HYPERLINK(""x"")",problem,unknown_store\r\n3,"E,1",added,\r\n');
  });
});
