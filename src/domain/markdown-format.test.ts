import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown';
import { insertLink, toggleBold, toggleList } from './markdown-format';

/** "before [selected] after" → the text and its selection. */
function sel(marked: string): [string, number, number] {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return [marked.replace('[', '').replace(']', ''), start, end];
}

describe('toggleBold', () => {
  it('wraps the selected words and keeps them selected, rendering as bold', () => {
    const edit = toggleBold(...sel('Clear [bay 2] first'));
    expect(edit).toEqual({ text: 'Clear **bay 2** first', selectionStart: 8, selectionEnd: 13 });
    expect(parseMarkdown(edit.text)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Clear ' },
          { type: 'strong', children: [{ type: 'text', text: 'bay 2' }] },
          { type: 'text', text: ' first' },
        ],
      },
    ]);
  });

  it('keeps spaces at the edges of the selection outside the markers (a double tap selects the trailing space)', () => {
    expect(toggleBold(...sel('Clear [bay ]now')).text).toBe('Clear **bay** now');
  });

  it('with nothing selected, puts the caret between empty markers', () => {
    expect(toggleBold('Go ', 3, 3)).toEqual({ text: 'Go ****', selectionStart: 5, selectionEnd: 5 });
  });

  it('makes bold words plain again', () => {
    const bold = toggleBold(...sel('Clear [bay 2] first'));
    expect(toggleBold(bold.text, bold.selectionStart, bold.selectionEnd)).toEqual({ text: 'Clear bay 2 first', selectionStart: 6, selectionEnd: 11 });
  });
});

describe('toggleList', () => {
  it('turns every selected line into a list item', () => {
    const edit = toggleList(...sel('Before opening:\n[Clear bay 2\nPallets away]\nThanks'));
    expect(edit.text).toBe('Before opening:\n- Clear bay 2\n- Pallets away\nThanks');
    expect(parseMarkdown(edit.text).map((b) => b.type)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe('- Clear bay 2\n- Pallets away');
  });

  it('on an empty line, starts an item with the caret after its marker', () => {
    expect(toggleList('Today:\n', 7, 7)).toEqual({ text: 'Today:\n- ', selectionStart: 9, selectionEnd: 9 });
  });

  it('with the caret inside a line, makes that line an item', () => {
    expect(toggleList('Clear bay 2', 4, 4).text).toBe('- Clear bay 2');
  });

  it('turns a list back into lines, leaving blank lines alone', () => {
    expect(toggleList('- a\n\n- b', 0, 8).text).toBe('a\n\nb');
  });
});

describe('insertLink', () => {
  it('links the selected words to the address', () => {
    const edit = insertLink(...sel('See [the rota] today'), 'https://shop.example.com/rota');
    expect(edit?.text).toBe('See [the rota](https://shop.example.com/rota) today');
    expect(parseMarkdown(edit!.text)[0]).toMatchObject({
      children: [{ type: 'text' }, { type: 'link', href: 'https://shop.example.com/rota' }, { type: 'text' }],
    });
  });

  it('with nothing selected, the address is the link text; an address typed without https:// means the web page', () => {
    expect(insertLink('Rota: ', 6, 6, 'shop.example.com/rota')?.text).toBe('Rota: [https://shop.example.com/rota](https://shop.example.com/rota)');
    expect(insertLink('', 0, 0, 'hr@example.com')?.text).toBe('[mailto:hr@example.com](mailto:hr@example.com)');
  });

  it('refuses an address a briefing may not link to', () => {
    expect(insertLink('x', 0, 1, 'javascript:alert(1)')).toBeNull();
    expect(insertLink('x', 0, 1, '')).toBeNull();
    expect(insertLink('x', 0, 1, 'not an address')).toBeNull();
  });

  it('keeps brackets in the selected words from breaking the link', () => {
    expect(insertLink('see [this] now', 0, 10, 'https://a.example')?.text).toBe('[see  this](https://a.example/) now');
  });
});
