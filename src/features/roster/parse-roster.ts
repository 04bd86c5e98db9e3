/**
 * Reads a roster CSV with papaparse, streamed in chunks (a 50,000-row file
 * never sits in memory as one string when it comes from a File), reporting
 * progress as it goes. Handles a BOM, `,` or `;` (or tab) as the delimiter,
 * quoted fields with commas, quotes and line breaks, and CRLF. Rows are
 * numbered as a spreadsheet numbers them: the header is row 1. This module
 * loads with the import screen only, never in the first download.
 */
import Papa from 'papaparse';
import { DuplicateIdFinder, isBlankRecord, type RosterField, type RosterRow, rosterHeader, rosterRow } from '../../domain/roster-columns';

export interface ParseProgress {
  /** 0..1 of the input read. */
  fraction: number;
  rows: number;
}

export type ParsedRoster =
  | {
      ok: true;
      rows: RosterRow[];
      /** Row number -> the earlier row with the same employee ID (ignoring case). */
      duplicates: Map<number, number>;
      delimiter: string;
      /** Columns the import reads, in the file's order. */
      columns: RosterField[];
    }
  | { ok: false; code: 'empty' | 'missing_column' | 'unreadable'; column?: RosterField };

export const PARSE_CHUNK_BYTES = 256 * 1024;

export function parseRoster(input: File | string, onProgress?: (progress: ParseProgress) => void): Promise<ParsedRoster> {
  const total = typeof input === 'string' ? input.length : input.size;
  return new Promise((resolve) => {
    let fields: (RosterField | null)[] | null = null;
    let line = 0;
    let read = 0;
    let delimiter = ',';
    const rows: RosterRow[] = [];
    const finder = new DuplicateIdFinder();
    let failed: ParsedRoster | null = null;
    Papa.parse<string[]>(input as never, {
      header: false,
      skipEmptyLines: false,
      delimitersToGuess: [',', ';', '\t'],
      chunkSize: PARSE_CHUNK_BYTES,
      chunk(results, parser) {
        delimiter = results.meta.delimiter || delimiter;
        read += results.meta.cursor;
        for (const cells of results.data) {
          line += 1;
          if (fields === null) {
            const header = rosterHeader(cells);
            if (header.missing.length > 0) {
              failed = { ok: false, code: 'missing_column', column: header.missing[0] };
              parser.abort();
              return;
            }
            fields = header.fields;
            continue;
          }
          if (isBlankRecord(cells)) continue;
          const row = rosterRow(fields, cells, line);
          finder.add(row);
          rows.push(row);
        }
        onProgress?.({ fraction: total === 0 ? 1 : Math.min(1, read / total), rows: rows.length });
      },
      complete() {
        if (failed) return resolve(failed);
        if (fields === null) return resolve({ ok: false, code: 'empty' });
        onProgress?.({ fraction: 1, rows: rows.length });
        const columns = [...new Set(fields.filter((f): f is RosterField => f !== null))];
        resolve({ ok: true, rows, duplicates: finder.duplicates, delimiter, columns });
      },
      error() {
        resolve({ ok: false, code: 'unreadable' });
      },
    });
  });
}
