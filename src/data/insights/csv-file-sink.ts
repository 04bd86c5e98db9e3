/**
 * Where an exported CSV goes. On browsers with the File System Access API
 * (Chromium desktop) the person picks a file first and each chunk is written
 * to disk as it arrives; elsewhere the chunks become one Blob that is offered
 * as a download at the end.
 */
import type { CsvSink } from './audit-export';

interface SaveFilePickerOptions {
  suggestedName?: string;
  types?: { description?: string; accept: Record<string, string[]> }[];
}

declare global {
  interface Window {
    showSaveFilePicker?: (options?: SaveFilePickerOptions) => Promise<FileSystemFileHandle>;
  }
}

export type OpenSinkOutcome = { ok: true; sink: CsvSink; streamsToDisk: boolean } | { ok: false; reason: 'cancelled' | 'failed'; message: string };

/** Call straight from the click: the file picker needs the click's user activation. */
export async function openCsvFile(suggestedName: string): Promise<OpenSinkOutcome> {
  if (typeof window.showSaveFilePicker !== 'function') return { ok: true, sink: blobDownloadSink(suggestedName), streamsToDisk: false };
  try {
    const handle = await window.showSaveFilePicker({ suggestedName, types: [{ description: 'CSV', accept: { 'text/csv': ['.csv'] } }] });
    return { ok: true, sink: fileSink(await handle.createWritable()), streamsToDisk: true };
  } catch (thrown) {
    const cancelled = thrown instanceof DOMException && thrown.name === 'AbortError';
    return { ok: false, reason: cancelled ? 'cancelled' : 'failed', message: String(thrown) };
  }
}

function fileSink(writable: FileSystemWritableFileStream): CsvSink {
  return {
    write: (chunk) => writable.write(chunk),
    close: () => writable.close(),
    abort: () => writable.abort(),
  };
}

/**
 * The fallback holds the whole file in the browser's Blob storage (memory, or
 * disk-backed for large Blobs in Chromium) until the download starts: fine for
 * a tablet's export, heavy for millions of rows, which is what the picker avoids.
 */
function blobDownloadSink(fileName: string): CsvSink {
  let parts: BlobPart[] = [];
  return {
    async write(chunk) {
      parts.push(chunk);
    },
    async close() {
      const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
      parts = [];
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      // The download has taken its own reference by the next task; revoking at once can cancel it in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    async abort() {
      parts = [];
    },
  };
}
