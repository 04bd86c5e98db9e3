/**
 * Layout checks for long text: a pseudo-locale that makes every word on screen
 * about 40% longer (and accented), a check that nothing spills past the phone's
 * width or is clipped, except inside a row made to scroll sideways
 * (screenshots: support/screenshot.ts).
 */
import type { Page } from 'playwright-core';

/** Rewrites every text node in the page: each word grows by 40% (at least one letter), letters get accents. */
export async function pseudoLocalize(page: Page): Promise<void> {
  await page.evaluate(() => {
    const accents: Record<string, string> = { a: 'á', e: 'é', i: 'î', o: 'ö', u: 'ü', c: 'ç', n: 'ñ', s: 'š', A: 'Å', E: 'É', O: 'Ø', S: 'Š' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    for (const node of nodes) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style')) continue;
      node.data = node.data.replace(/[\p{L}\p{N}]+/gu, (word) => {
        const accented = [...word].map((c) => accents[c] ?? c).join('');
        return accented + 'x'.repeat(Math.max(1, Math.ceil(word.length * 0.4)));
      });
    }
  });
}

export interface Overflow {
  element: string;
  problem: string;
}

/** Elements that reach past the viewport's sides, clip their text, or make the page scroll sideways. */
export async function findOverflow(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const found: Array<{ element: string; problem: string }> = [];
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    if (document.documentElement.scrollWidth > width + 1) {
      found.push({ element: 'html', problem: `page scrolls sideways: ${document.documentElement.scrollWidth}px wide in ${width}px` });
    }
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      // Text for screen readers only is clipped to 1 px on purpose.
      if (el.classList.contains('visually-hidden')) continue;
      // A row that scrolls sideways by design (Voice's tabs) may hold more than the screen; the row itself may not.
      let inScroller = false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) {
          inScroller = true;
          break;
        }
      }
      if (inScroller) continue;
      if (rect.left < -1 || rect.right > width + 1)
        found.push({ element: describe(el), problem: `spans ${Math.round(rect.left)}..${Math.round(rect.right)}px of ${width}px` });
      const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1)
        found.push({ element: describe(el), problem: `clips its content (${el.scrollWidth}px in ${el.clientWidth}px)` });
    }
    return found;
  });
}
