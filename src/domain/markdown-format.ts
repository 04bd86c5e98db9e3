/**
 * The compose form's Bold, List and Link buttons: each turns the body and the
 * selection in it into a new body and selection, writing only the safe
 * markdown subset markdown.ts renders. Pure, so the buttons and their tests agree.
 */
import { safeLinkUrl } from './markdown';

export interface TextEdit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

const BOLD = '**';
const ITEM = '- ';

/**
 * Bold around the selection (spaces at its edges stay outside, or the markers
 * would not be read as bold); an empty selection gets empty markers with the
 * caret between them. A selection already bold is made plain again.
 */
export function toggleBold(text: string, start: number, end: number): TextEdit {
  const [from, to] = start <= end ? [start, end] : [end, start];
  const before = text.slice(0, from);
  const after = text.slice(to);
  if (before.endsWith(BOLD) && after.startsWith(BOLD) && to > from) {
    return {
      text: before.slice(0, -BOLD.length) + text.slice(from, to) + after.slice(BOLD.length),
      selectionStart: from - BOLD.length,
      selectionEnd: to - BOLD.length,
    };
  }
  const selected = text.slice(from, to);
  const lead = selected.length - selected.trimStart().length;
  const inner = selected.trim();
  const trail = selected.length - lead - inner.length;
  const innerStart = from + lead + BOLD.length;
  return {
    text: `${before}${selected.slice(0, lead)}${BOLD}${inner}${BOLD}${selected.slice(selected.length - trail)}${after}`,
    selectionStart: innerStart,
    selectionEnd: innerStart + inner.length,
  };
}

/**
 * Every line the selection touches becomes a list item ("- "); when they all
 * are already, they become plain lines again. The selection then covers those lines.
 */
export function toggleList(text: string, start: number, end: number): TextEdit {
  const [from, to] = start <= end ? [start, end] : [end, start];
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const nextBreak = text.indexOf('\n', to > from && text[to - 1] === '\n' ? to - 1 : to);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const filled = lines.filter((line) => line.trim().length > 0);
  const allItems = filled.length > 0 && filled.every((line) => line.startsWith(ITEM));
  const changed = allItems
    ? lines.map((line) => (line.startsWith(ITEM) ? line.slice(ITEM.length) : line))
    : lines.map((line) => (line.trim().length === 0 && lines.length > 1 ? line : line.startsWith(ITEM) ? line : ITEM + line));
  const block = changed.join('\n');
  const single = lines.length === 1 && from === to;
  // One empty line: the caret goes after the new marker, ready for the item's words.
  const caret = single ? lineStart + block.length - lines[0]!.length + (from - lineStart) : null;
  return {
    text: text.slice(0, lineStart) + block + text.slice(lineEnd),
    selectionStart: caret ?? lineStart,
    selectionEnd: caret ?? lineStart + block.length,
  };
}

/**
 * A link to url around the selected words (or the address itself when none
 * are selected); null when the address is not one a briefing may link to
 * (http, https or mailto), since the reader would only see its literal source.
 */
export function insertLink(text: string, start: number, end: number, url: string): TextEdit | null {
  const href = safeLinkUrl(withScheme(url));
  if (!href) return null;
  const [from, to] = start <= end ? [start, end] : [end, start];
  const label = text
    .slice(from, to)
    .replace(/[[\]\n]/g, ' ')
    .trim();
  const link = `[${label || href}](${href})`;
  return { text: text.slice(0, from) + link + text.slice(to), selectionStart: from + link.length, selectionEnd: from + link.length };
}

/** "shop.example.com/rota" typed on a phone means the web page; an address with "@" and no scheme means mail. */
function withScheme(url: string): string {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(trimmed)) return `mailto:${trimmed}`;
  return trimmed ? `https://${trimmed}` : trimmed;
}
