/**
 * The roster file's column set (#12 item 2), pure: which header names mean
 * which field, a parsed record as the row the server takes, employee IDs used
 * twice in a file, and the result report's CSV. The parsing itself (papaparse)
 * lives with the import screen; this module knows nothing of it.
 */
import { encodeCsvCell } from './csv-cell';

export const ROSTER_FIELDS = [
  'employee_id',
  'display_name',
  'first_name',
  'last_name',
  'email',
  'phone',
  'store_code',
  'department',
  'role',
  'language',
  'manages_store_codes',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Other spellings HR systems export, after normalising (lower case, no spaces, - or _). */
const ALIASES: Record<string, RosterField> = {
  employeeid: 'employee_id',
  employeenumber: 'employee_id',
  id: 'employee_id',
  displayname: 'display_name',
  name: 'display_name',
  fullname: 'display_name',
  firstname: 'first_name',
  givenname: 'first_name',
  lastname: 'last_name',
  surname: 'last_name',
  familyname: 'last_name',
  email: 'email',
  emailaddress: 'email',
  phone: 'phone',
  mobile: 'phone',
  phonenumber: 'phone',
  storecode: 'store_code',
  store: 'store_code',
  department: 'department',
  role: 'role',
  language: 'language',
  locale: 'language',
  managesstorecodes: 'manages_store_codes',
  managesstores: 'manages_store_codes',
};

/** The field a header names, or null for a column the import ignores. */
export function rosterField(header: string): RosterField | null {
  const key = header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  return ALIASES[key] ?? null;
}

/** What a file's header says: the field of each column, and whether the one required column is there. */
export function rosterHeader(headers: readonly string[]): { fields: (RosterField | null)[]; missing: RosterField[] } {
  const fields = headers.map(rosterField);
  const missing: RosterField[] = fields.includes('employee_id') ? [] : ['employee_id'];
  return { fields, missing };
}

/** A file row as roster_dry_run takes it: a key absent keeps that field of the person, an empty one clears it. */
// A type, not an interface: the RPC's jsonb argument needs its implicit index signature.
export type RosterRow = {
  /** The row's number in the file (the header is row 1, the first person row 2). */
  row: number;
  employee_id: string;
  display_name?: string;
  email?: string;
  phone?: string;
  store_code?: string;
  department?: string;
  role?: string;
  language?: string;
  manages_store_codes?: string;
};

/**
 * One parsed record (cells in column order) as a row; `line` is its number in the
 * file as a spreadsheet counts (header = 1). A column the file lacks stays absent,
 * so that field of an existing person is kept; first + last name make display_name
 * when there is no display_name column.
 */
export function rosterRow(fields: readonly (RosterField | null)[], cells: readonly string[], line: number): RosterRow {
  const out: RosterRow = { row: line, employee_id: '' };
  const value: Partial<Record<RosterField, string>> = {};
  fields.forEach((field, i) => {
    if (field && value[field] === undefined) value[field] = (cells[i] ?? '').trim();
  });
  out.employee_id = value.employee_id ?? '';
  if (value.display_name !== undefined) out.display_name = value.display_name;
  else if (value.first_name !== undefined || value.last_name !== undefined) {
    out.display_name = [value.first_name, value.last_name].filter((part) => part).join(' ');
  }
  for (const key of ['email', 'phone', 'store_code', 'department', 'role', 'language', 'manages_store_codes'] as const) {
    const v = value[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Is the record all empty cells (a trailing blank line a spreadsheet wrote)? */
export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Employee IDs (ignoring case) a file uses more than once: row number -> the row
 * that used it first. Fed row by row, across every batch, so a duplicate 40,000
 * rows apart is found as well as one in the same batch.
 */
export class DuplicateIdFinder {
  private readonly first = new Map<string, number>();
  readonly duplicates = new Map<number, number>();

  add(row: Pick<RosterRow, 'row' | 'employee_id'>): boolean {
    const key = row.employee_id.trim().toLowerCase();
    if (key === '') return false;
    const seen = this.first.get(key);
    if (seen === undefined) {
      this.first.set(key, row.row);
      return false;
    }
    this.duplicates.set(row.row, seen);
    return true;
  }
}

export function findDuplicateIds(rows: readonly Pick<RosterRow, 'row' | 'employee_id'>[]): Map<number, number> {
  const finder = new DuplicateIdFinder();
  for (const row of rows) finder.add(row);
  return finder.duplicates;
}

export interface RosterReportLine {
  row: number;
  employee_id: string;
  /** added, changed, unchanged, problem, not_applied (its batch was refused). */
  outcome: string;
  problem?: string;
}

function csvField(text: string): string {
  const cell = encodeCsvCell(text);
  return /[",\r\n;]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The result report: a header and one line per row, cells formula-neutralised. */
export function rosterReportCsv(lines: readonly RosterReportLine[]): string {
  const out = ['row,employee_id,outcome,problem'];
  for (const line of lines) {
    out.push([String(line.row), csvField(line.employee_id), line.outcome, csvField(line.problem ?? '')].join(','));
  }
  return `${out.join('\r\n')}\r\n`;
}
