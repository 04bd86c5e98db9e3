import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

const ALLOWED_TAGS = new Set(['div', 'p', 'h3', 'h4', 'h5', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'br']);
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'target', 'start']);

/** Every tag and attribute React wrote; text is escaped by React, so "<" in the markup always opens a real element. */
function elements(html: string): Array<{ tag: string; attributes: Array<[string, string]> }> {
  return [...html.matchAll(/<([a-z0-9]+)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/g)].map((m) => ({
    tag: m[1]!,
    attributes: [...m[2]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!] as [string, string]),
  }));
}

const TOKENS = [
  '**',
  '*',
  '[',
  '](',
  ')',
  '# ',
  '## ',
  '- ',
  '1. ',
  '\n',
  '\n\n',
  ' ',
  'x',
  'javascript:',
  'JaVaScRiPt:',
  'data:',
  'https://a.test/',
  'mailto:a@b.test',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"',
  "'",
  '&#106;',
  '" onmouseover="alert(1)',
];

describe('<Markdown>', () => {
  it('renders only allowed elements and attributes, and only safe link URLs, for any input', () => {
    const source = fc.oneof(
      fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((p) => p.join('')),
      fc.string({ maxLength: 120 }),
    );
    fc.assert(
      fc.property(source, (text) => {
        const html = renderToStaticMarkup(<Markdown source={text} />);
        for (const { tag, attributes } of elements(html)) {
          expect(ALLOWED_TAGS.has(tag)).toBe(true);
          for (const [name, value] of attributes) {
            expect(ALLOWED_ATTRIBUTES.has(name)).toBe(true);
            if (name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/);
          }
        }
        // Nothing else looks like markup: every "<" React wrote starts one of the elements above.
        expect(html.split('<').length - 1).toBe(elements(html).length + (html.match(/<\//g)?.length ?? 0));
      }),
      { numRuns: 1000 },
    );
  });

  it('shows HTML and script as text and opens links safely', () => {
    const html = renderToStaticMarkup(
      <Markdown
        source={
          '# Today\n<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n- **bold** and [policy](https://intranet.test/p)\n- [x](javascript:alert(1))'
        }
      />,
    );
    expect(html).toBe(
      '<div><h3>Today</h3><p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>' +
        '<ul><li><strong>bold</strong> and <a href="https://intranet.test/p" rel="noopener noreferrer" target="_blank">policy</a></li>' +
        '<li>[x](javascript:alert(1))</li></ul></div>',
    );
  });

  it('maps "#" to the heading level it is given', () => {
    expect(renderToStaticMarkup(<Markdown source={'# a\n## b\n### c'} headingLevel={2} />)).toBe('<div><h2>a</h2><h3>b</h3><h4>c</h4></div>');
  });
});

describe('the app as a whole', () => {
  it('never sets HTML from a string (author text reaches the page only through <Markdown>)', () => {
    const src = new URL('..', import.meta.url).pathname;
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
    const offenders = files.filter((f) =>
      /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(join(src, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
