import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOWED_NODE_TYPES, type MdBlock, markdownLines, markdownText, parseInline, parseMarkdown, safeLinkUrl, walkMarkdown } from './markdown';

/** Pieces authors (and attackers) type: markers, HTML, URL schemes, entities, odd whitespace. */
const TOKENS = [
  '**',
  '*',
  '[',
  ']',
  '(',
  ')',
  '](',
  '# ',
  '## ',
  '### ',
  '#### ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '\n',
  '\n\n',
  '\r\n',
  '\\',
  ' ',
  '  ',
  '\t',
  'javascript:',
  'JaVaScRiPt:',
  ' javascript:',
  'java\tscript:',
  'java\nscript:',
  'data:text/html,',
  'vbscript:',
  'file:///etc/passwd',
  '//evil.test',
  'http://x.test',
  'https://a.test/p?q=1',
  'HTTPS://B.TEST',
  'mailto:a@b.test',
  'http:',
  'https:/',
  'mailto:',
  '<script>',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:x">',
  '&#106;',
  '&#x6A;',
  '&colon;',
  '&lt;',
  '%0a',
  '\u0000',
  '\u200b',
  '\u00a0',
  'alert(1)',
  'x',
  'Fire doors',
  'é',
  '🙂',
];

const markdownish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(markdownish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

const SHAPES: Record<string, readonly string[]> = {
  paragraph: ['type', 'children'],
  heading: ['type', 'level', 'children'],
  list: ['type', 'ordered', 'start', 'items'],
  list_item: ['type', 'children'],
  text: ['type', 'text'],
  strong: ['type', 'children'],
  em: ['type', 'children'],
  link: ['type', 'href', 'children'],
  break: ['type'],
};

function links(blocks: readonly MdBlock[]): string[] {
  return [...walkMarkdown(blocks)].flatMap((node) => (node.type === 'link' ? [node.href] : []));
}

function isSafeHref(href: string): boolean {
  const url = new URL(href);
  return ['http:', 'https:', 'mailto:'].includes(url.protocol) && /^(https?:\/\/|mailto:)/.test(href) && safeLinkUrl(href) === href;
}

describe('parseMarkdown: properties', () => {
  it('only ever builds allowed nodes, with only their own fields', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        for (const node of walkMarkdown(parseMarkdown(source))) {
          expect(ALLOWED_NODE_TYPES.has(node.type)).toBe(true);
          expect(Object.keys(node).sort()).toEqual([...SHAPES[node.type]!].sort());
          if (node.type === 'heading') expect([1, 2, 3]).toContain(node.level);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('every link points to an http, https or mailto URL', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        for (const href of links(parseMarkdown(source))) expect(isSafeHref(href)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every "<" of link-free input as text: HTML is never interpreted or dropped', () => {
    const linkFree = anyText.map((s) => s.replace(/\[/g, ''));
    fc.assert(
      fc.property(linkFree, (source) => {
        const count = (s: string) => s.split('<').length - 1;
        expect(count(markdownText(parseMarkdown(source)))).toBe(count(source));
      }),
      { numRuns: 1000 },
    );
  });

  it('text without markers comes back unchanged, line by line', () => {
    const plain = fc.stringMatching(/^[A-Za-z0-9 ,;:'"<>=/&%!?]{1,60}$/).filter((s) => s.trim() === s);
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1, maxLength: 5 }), (lines) => {
        expect(markdownText(parseMarkdown(lines.join('\n')))).toBe(lines.join('\n'));
      }),
    );
  });

  it('parses hostile input of the largest allowed body (20,000 characters) quickly', () => {
    const hostile = ['*'.repeat(20_000), '[('.repeat(10_000), '**a '.repeat(5_000), `${'['.repeat(19_999)}]`, '[x]('.repeat(5_000), '*a'.repeat(10_000)];
    for (const source of hostile) {
      const started = performance.now();
      parseMarkdown(source);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});

describe('parseMarkdown: the subset', () => {
  it('headings, paragraphs with line breaks, and lists', () => {
    expect(parseMarkdown('# Doors\n## Why\n### Now\n#### Not a heading\nline one\nline two\n\n- a\n- b\n\n3. c\n4) d')).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Doors' }] },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Why' }] },
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'Now' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '#### Not a heading' },
          { type: 'break' },
          { type: 'text', text: 'line one' },
          { type: 'break' },
          { type: 'text', text: 'line two' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          { type: 'list_item', children: [{ type: 'text', text: 'a' }] },
          { type: 'list_item', children: [{ type: 'text', text: 'b' }] },
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [
          { type: 'list_item', children: [{ type: 'text', text: 'c' }] },
          { type: 'list_item', children: [{ type: 'text', text: 'd' }] },
        ],
      },
    ]);
  });

  it('bold, italic and links, nested', () => {
    expect(parseInline('**Fire** doors *must* stay **clear, *always***. See [the **policy**](https://intranet.test/fire).')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'Fire' }] },
      { type: 'text', text: ' doors ' },
      { type: 'em', children: [{ type: 'text', text: 'must' }] },
      { type: 'text', text: ' stay ' },
      {
        type: 'strong',
        children: [
          { type: 'text', text: 'clear, ' },
          { type: 'em', children: [{ type: 'text', text: 'always' }] },
        ],
      },
      { type: 'text', text: '. See ' },
      {
        type: 'link',
        href: 'https://intranet.test/fire',
        children: [
          { type: 'text', text: 'the ' },
          { type: 'strong', children: [{ type: 'text', text: 'policy' }] },
        ],
      },
      { type: 'text', text: '.' },
    ]);
  });

  it('unclosed or spaced markers, escapes and "* * *" stay text', () => {
    expect(markdownText(parseMarkdown('2 * 3 * 4 and **open and * lone'))).toBe('2 * 3 * 4 and **open and * lone');
    expect(parseInline('\\*not italic\\* \\[x](http://a.test)')).toEqual([{ type: 'text', text: '*not italic* [x](http://a.test)' }]);
    expect(parseMarkdown('* * *')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '* * *' }] }]);
  });

  it('a link inside a link keeps only its text', () => {
    expect(parseInline('[a [b](https://b.test)](https://a.test)')).toEqual([
      { type: 'text', text: '[a ' },
      { type: 'link', href: 'https://b.test/', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: '](https://a.test)' },
    ]);
  });

  it('mailto and URLs with balanced parentheses', () => {
    expect(links(parseMarkdown('[HR](mailto:hr@demo.test) [wiki](https://en.wikipedia.test/wiki/Fire_(door))'))).toEqual([
      'mailto:hr@demo.test',
      'https://en.wikipedia.test/wiki/Fire_(door)',
    ]);
  });
});

describe('parseMarkdown: attacks render as text', () => {
  const cases: Array<[string, string]> = [
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['<a href="javascript:alert(1)">x</a>', '<a href="javascript:alert(1)">x</a>'],
    ['[x](javascript:alert(1))', '[x](javascript:alert(1))'],
    ['[x](JaVaScRiPt:alert(1))', '[x](JaVaScRiPt:alert(1))'],
    ['[x]( javascript:alert(1))', '[x]( javascript:alert(1))'],
    ['[x](java\tscript:alert(1))', '[x](java\tscript:alert(1))'],
    ['[x](\u0001javascript:alert(1))', '[x](\u0001javascript:alert(1))'],
    ['[x](data:text/html,<script>alert(1)</script>)', '[x](data:text/html,<script>alert(1)</script>)'],
    ['[x](vbscript:msgbox(1))', '[x](vbscript:msgbox(1))'],
    ['[x](&#106;avascript:alert(1))', '[x](&#106;avascript:alert(1))'],
    ['[x](&#x6A;avascript&colon;alert(1))', '[x](&#x6A;avascript&colon;alert(1))'],
    ['[x](javascript&#58;alert(1))', '[x](javascript&#58;alert(1))'],
    ['[x](//evil.test/a)', '[x](//evil.test/a)'],
    ['[x](/relative)', '[x](/relative)'],
    ['[x](https:evil.test)', '[x](https:evil.test)'],
    ['[x](http://)', '[x](http://)'],
    ['[x](http://a.test onmouseover=alert(1))', '[x](http://a.test onmouseover=alert(1))'],
    ['[x](http://a.test"onmouseover="alert(1))', '[x](http://a.test"onmouseover="alert(1))'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['**<script>alert(1)</script>**', '<script>alert(1)</script>'],
  ];

  it.each(cases)('%j', (source, text) => {
    const blocks = parseMarkdown(source);
    expect(links(blocks)).toEqual([]);
    expect(markdownText(blocks)).toBe(text);
  });

  it('a safe link keeps a safe URL even next to an unsafe one', () => {
    const blocks = parseMarkdown('[bad](javascript:alert(1)) [good](https://ok.test/)');
    expect(links(blocks)).toEqual(['https://ok.test/']);
    expect(markdownText(blocks)).toBe('[bad](javascript:alert(1)) good');
  });
});

describe('safeLinkUrl', () => {
  it.each([
    ['https://a.test/x?y=1#z', 'https://a.test/x?y=1#z'],
    ['  HTTP://A.test  ', 'http://a.test/'],
    ['mailto:hr@demo.test', 'mailto:hr@demo.test'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['\u0000javascript:alert(1)', null],
    ['https://a.test/<script>', null],
    ['ftp://a.test', null],
    ['data:text/html,x', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(safeLinkUrl(raw)).toBe(expected);
  });
});

describe('markdownLines', () => {
  it('gives the lines a reader sees, with no markdown symbols left', () => {
    const source = '# Closing\n\n**Lock** the *back* door.\nThen [the alarm](https://example.com).\n\n- Count the *till*\n- Sign\n\n3. Third\n4. Fourth';
    expect(markdownLines(parseMarkdown(source))).toEqual([
      'Closing',
      'Lock the back door.',
      'Then the alarm.',
      '• Count the till',
      '• Sign',
      '3. Third',
      '4. Fourth',
    ]);
  });

  it('shows no emphasis or link syntax for well-formed text, whatever its layout', () => {
    const part = fc.constantFrom('word', '**bold**', '*em*', '[l](https://a.test)');
    const separator = fc.constantFrom(' ', '\n', '\n\n', '\n- ', '\n1. ');
    fc.assert(
      fc.property(fc.array(fc.tuple(part, separator), { maxLength: 30 }), (pairs) => {
        const source = pairs.map(([p, sep]) => p + sep).join('');
        for (const line of markdownLines(parseMarkdown(source))) expect(line).not.toMatch(/\*|\]\(/);
      }),
    );
  });
});
