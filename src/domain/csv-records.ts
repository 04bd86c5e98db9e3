/**
 * Counts CSV records (RFC 4180: quoted fields may hold commas, doubled quotes
 * and line breaks) as bytes arrive, in chunks split anywhere. Works on raw
 * UTF-8 bytes: quote, comma and newline are ASCII, and UTF-8 never uses ASCII
 * bytes inside a multi-byte character, so no decoding is needed.
 */

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export interface CsvRecordCounter {
  /** Feeds the next chunk; answers the records completed so far (a record completes at its line break). */
  push(chunk: Uint8Array): number;
  /** Records in everything fed, counting a last record that has no line break after it. */
  finish(): number;
}

export function csvRecordCounter(): CsvRecordCounter {
  let complete = 0;
  let inQuotes = false;
  // Whether the record being read has any byte yet, so a trailing line break adds no phantom record.
  let started = false;
  return {
    push(chunk) {
      for (const byte of chunk) {
        // A doubled quote inside a quoted field toggles twice, which leaves the state as it was.
        if (byte === QUOTE) inQuotes = !inQuotes;
        if (byte === NEWLINE && !inQuotes) {
          complete += 1;
          started = false;
        } else if (byte !== CARRIAGE_RETURN || inQuotes) {
          started = true;
        }
      }
      return complete;
    },
    finish() {
      return complete + (started ? 1 : 0);
    },
  };
}

/** Data rows in a CSV whose first record is its header. */
export function dataRows(records: number): number {
  return Math.max(0, records - 1);
}
