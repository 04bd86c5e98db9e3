/**
 * The safe markdown subset of briefing bodies, as a small tree the UI renders
 * with elements only. Allowed: paragraphs, headings (#, ##, ###), unordered
 * (-, *, +) and ordered (1. or 1)) lists, **bold**, *italic*, [links](url) to
 * http:, https: and mailto: only, and line breaks (a newline inside a block).
 * Everything else is text: raw HTML stays literal, a link to any other kind of
 * URL stays its literal source, and a backslash escapes a marker (\*).
 * No HTML string is ever produced, so nothing here can run script.
 */

export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  | { type: 'link'; href: string; children: MdInline[] }
  | { type: 'break' };

export interface MdListItem {
  type: 'list_item';
  children: MdInline[];
}

export type MdBlock =
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'heading'; level: 1 | 2 | 3; children: MdInline[] }
  | { type: 'list'; ordered: boolean; start: number; items: MdListItem[] };

export type MdNode = MdBlock | MdListItem | MdInline;

export const ALLOWED_NODE_TYPES: ReadonlySet<MdNode['type']> = new Set(['paragraph', 'heading', 'list', 'list_item', 'text', 'strong', 'em', 'link', 'break']);

const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** Nesting of bold/italic/links beyond this stays literal: keeps parsing linear-ish on hostile input. */
const MAX_INLINE_DEPTH = 6;

/** The longest link target looked for (with its surrounding spaces); longer ones stay text. */
const MAX_URL_SOURCE = 2100;

/**
 * The URL a link may point to, or null. Only an absolute http(s) or mailto URL
 * written plainly (no spaces, control characters or entity tricks) passes; the
 * result is the URL parser's own serialisation, so its scheme is certain.
 */
export function safeLinkUrl(raw: string): string | null {
  const candidate = raw.trim();
  // Browsers drop tabs and newlines inside URLs and trim controls: refuse them rather than guess.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern exists to refuse URLs with C0/C1 control characters.
  if (candidate.length === 0 || candidate.length > 2048 || /[\s\u0000-\u001f\u007f-\u009f<>"`]/.test(candidate)) return null;
  if (!/^(?:https?:\/\/|mailto:)/i.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname.length === 0) return null;
  return url.href;
}

// ---- blocks ----

const HEADING = /^ {0,3}(#{1,3})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const THEMATIC_STAR = /^ {0,3}(?:\*[ \t]*){3,}$/;

type LineKind =
  | { kind: 'blank' }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'item'; ordered: boolean; number: number; text: string }
  | { kind: 'text'; text: string; indented: boolean };

function classify(line: string): LineKind {
  if (line.trim().length === 0) return { kind: 'blank' };
  const heading = HEADING.exec(line);
  if (heading?.[2]) return { kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: heading[2] };
  if (!THEMATIC_STAR.test(line)) {
    const bullet = BULLET.exec(line);
    if (bullet) return { kind: 'item', ordered: false, number: 1, text: bullet[1]! };
  }
  const ordered = ORDERED.exec(line);
  if (ordered) return { kind: 'item', ordered: true, number: Number(ordered[1]), text: ordered[2]! };
  return { kind: 'text', text: line.trim(), indented: /^[ \t]/.test(line) };
}

/** Parses author text into the allowed tree. Total: any string gives a tree, never an error. */
export function parseMarkdown(source: string): MdBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let paragraph: string[] | null = null;
  let list: { ordered: boolean; start: number; items: string[][] } | null = null;

  const flushParagraph = () => {
    if (paragraph) blocks.push({ type: 'paragraph', children: inlineLines(paragraph) });
    paragraph = null;
  };
  const flushList = () => {
    if (list) {
      blocks.push({
        type: 'list',
        ordered: list.ordered,
        start: list.start,
        items: list.items.map((item) => ({ type: 'list_item', children: inlineLines(item) })),
      });
    }
    list = null;
  };

  for (const line of lines) {
    const kind = classify(line);
    if (kind.kind === 'blank') {
      flushParagraph();
      flushList();
    } else if (kind.kind === 'heading') {
      flushParagraph();
      flushList();
      blocks.push({ type: 'heading', level: kind.level, children: parseInline(kind.text) });
    } else if (kind.kind === 'item') {
      flushParagraph();
      const current: { ordered: boolean; start: number; items: string[][] } | null = list;
      if (current && current.ordered === kind.ordered) {
        current.items.push([kind.text]);
      } else {
        flushList();
        list = { ordered: kind.ordered, start: kind.number, items: [[kind.text]] };
      }
    } else {
      const current: { items: string[][] } | null = list;
      if (current && kind.indented) {
        // An indented line under a list item continues that item.
        current.items[current.items.length - 1]!.push(kind.text);
      } else {
        flushList();
        paragraph ??= [];
        paragraph.push(kind.text);
      }
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Lines of one block: each line's inlines, joined by line breaks. */
function inlineLines(lines: readonly string[]): MdInline[] {
  const out: MdInline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    for (const node of parseInline(line)) pushInline(out, node);
  });
  return out;
}

// ---- inlines ----

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!<>]/;

/** Parses one line of inline markup. */
export function parseInline(text: string): MdInline[] {
  return new InlineParser(text).parse(0, text.length, 0);
}

/**
 * A left-to-right scanner. Where each marker could close is worked out once per
 * line (from the right), so even hostile input (thousands of unclosed markers)
 * parses in linear time.
 */
class InlineParser {
  /** escaped[k]: s[k] follows an escaping backslash. */
  private readonly escaped: Uint8Array;
  /** The next index ≥ k where `**` may close bold (after a non-space), or Infinity. */
  private readonly nextStrong: Float64Array;
  /** The next index ≥ k where a lone `*` may close italic, or Infinity. */
  private readonly nextEm: Float64Array;
  /** The next index ≥ k of an unescaped `[` / `]`, or Infinity. */
  private readonly nextOpen: Float64Array;
  private readonly nextClose: Float64Array;

  constructor(private readonly s: string) {
    const n = s.length;
    this.escaped = new Uint8Array(n + 1);
    for (let k = 0; k < n; k++) {
      if (s[k] === '\\' && !this.escaped[k] && k + 1 < n && ESCAPABLE.test(s[k + 1]!)) this.escaped[k + 1] = 1;
    }
    const star = (k: number) => s[k] === '*' && !this.escaped[k];
    const space = (k: number) => k < 0 || k >= n || /\s/.test(s[k]!);
    this.nextStrong = new Float64Array(n + 2).fill(Infinity);
    this.nextEm = new Float64Array(n + 2).fill(Infinity);
    this.nextOpen = new Float64Array(n + 2).fill(Infinity);
    this.nextClose = new Float64Array(n + 2).fill(Infinity);
    for (let k = n - 1; k >= 0; k--) {
      this.nextStrong[k] = star(k) && star(k + 1) && !space(k - 1) ? k : this.nextStrong[k + 1]!;
      this.nextEm[k] = star(k) && !star(k - 1) && !star(k + 1) && !space(k - 1) && s[k - 1] !== '*' ? k : this.nextEm[k + 1]!;
      this.nextOpen[k] = s[k] === '[' && !this.escaped[k] ? k : this.nextOpen[k + 1]!;
      this.nextClose[k] = s[k] === ']' && !this.escaped[k] ? k : this.nextClose[k + 1]!;
    }
  }

  parse(from: number, to: number, depth: number): MdInline[] {
    const { s } = this;
    const out: MdInline[] = [];
    let text = '';
    const flush = () => {
      if (text) pushInline(out, { type: 'text', text });
      text = '';
    };
    let i = from;
    while (i < to) {
      const c = s[i]!;
      if (c === '\\' && this.escaped[i + 1] && i + 1 < to) {
        text += s[i + 1];
        i += 2;
        continue;
      }
      if (depth < MAX_INLINE_DEPTH) {
        if (c === '*' && s[i + 1] === '*' && i + 2 < to && !/\s/.test(s[i + 2]!)) {
          // Content is never empty: the closer comes after at least one character.
          let close = this.nextStrong[i + 3] ?? Infinity;
          // In a run of stars the closer is its last two: "**a *b***" is bold "a *b*".
          while (close + 2 < to && s[close + 2] === '*' && !this.escaped[close + 2]) close++;
          if (close + 1 < to) {
            flush();
            out.push({ type: 'strong', children: this.parse(i + 2, close, depth + 1) });
            i = close + 2;
            continue;
          }
        } else if (c === '*' && i + 1 < to && !/[\s*]/.test(s[i + 1]!)) {
          let close = this.nextEm[i + 2] ?? Infinity;
          // A star that ends this range closes italic even when more stars follow outside it ("**a *b***").
          if (close >= to && to - 1 >= i + 2 && this.emCloser(to - 1)) close = to - 1;
          if (close < to) {
            flush();
            out.push({ type: 'em', children: this.parse(i + 1, close, depth + 1) });
            i = close + 1;
            continue;
          }
        } else if (c === '[') {
          const link = this.findLink(i, to);
          if (link) {
            const href = safeLinkUrl(s.slice(link.urlFrom, link.urlTo));
            if (href !== null) {
              flush();
              out.push({ type: 'link', href, children: this.parse(i + 1, link.textTo, depth + 1) });
            } else {
              text += s.slice(i, link.end); // not a URL we allow: its source, as text
            }
            i = link.end;
            continue;
          }
        }
      }
      text += c;
      i += 1;
    }
    flush();
    return out;
  }

  private emCloser(k: number): boolean {
    const { s } = this;
    return s[k] === '*' && !this.escaped[k] && s[k - 1] !== '*' && !/\s/.test(s[k - 1]!);
  }

  /**
   * `[text](url)`: the text holds no other bracket (so links never nest: in
   * "[a [b](u)](v)" only b is a link); the URL may hold balanced parentheses.
   */
  private findLink(open: number, to: number): { textTo: number; urlFrom: number; urlTo: number; end: number } | null {
    const { s } = this;
    const textTo = this.nextClose[open + 1] ?? Infinity;
    if (textTo + 1 >= to || s[textTo + 1] !== '(' || (this.nextOpen[open + 1] ?? Infinity) < textTo) return null;
    const limit = Math.min(to, textTo + 2 + MAX_URL_SOURCE);
    let parens = 0;
    for (let k = textTo + 2; k < limit; k++) {
      if (s[k] === '(') parens++;
      else if (s[k] === ')') {
        if (parens === 0) return { textTo, urlFrom: textTo + 2, urlTo: k, end: k + 1 };
        parens--;
      }
    }
    return null;
  }
}

/** Appends, merging neighbouring text nodes. */
function pushInline(out: MdInline[], node: MdInline): void {
  const last = out[out.length - 1];
  if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + node.text };
  else out.push(node);
}

/** Every node of a tree, depth first (for checks and tests). */
export function* walkMarkdown(blocks: readonly MdBlock[]): Generator<MdNode> {
  function* inline(nodes: readonly MdInline[]): Generator<MdNode> {
    for (const node of nodes) {
      yield node;
      if (node.type === 'strong' || node.type === 'em' || node.type === 'link') yield* inline(node.children);
    }
  }
  for (const block of blocks) {
    yield block;
    if (block.type === 'list') {
      for (const item of block.items) {
        yield item;
        yield* inline(item.children);
      }
    } else {
      yield* inline(block.children);
    }
  }
}

function inlineText(nodes: readonly MdInline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'break' ? '\n' : inlineText(n.children))).join('');
}

/** The plain text a tree shows (breaks as newlines), e.g. for search or a preview. */
export function markdownText(blocks: readonly MdBlock[]): string {
  return blocks.map((b) => (b.type === 'list' ? b.items.map((item) => inlineText(item.children)).join('\n') : inlineText(b.children))).join('\n\n');
}

/**
 * The lines a reader sees, without markdown's symbols: one per line of a
 * paragraph or heading, one per list item with its bullet (or number), so
 * "what changed" can compare the text as read rather than as typed.
 */
export function markdownLines(blocks: readonly MdBlock[]): string[] {
  const lines = (text: string) => text.split('\n').map((line) => line.trim());
  return blocks.flatMap((b) =>
    b.type === 'list'
      ? b.items.map((item, i) => `${b.ordered ? `${b.start + i}.` : '•'} ${lines(inlineText(item.children)).join(' ')}`)
      : lines(inlineText(b.children)),
  );
}
