import type { Locator, Page } from 'playwright-core';

/** The wide layout's side navigation (≥ 1024 px): groups of links, the current one marked, the signed-in person below. */
export class SideNavPage {
  readonly nav: Locator;
  readonly bar: Locator;

  constructor(private readonly page: Page) {
    this.nav = page.locator('nav.sidenav');
    this.bar = page.locator('nav.tabbar');
  }

  /** The visible "Main" navigation: the side navigation when wide, the bar on a phone. */
  landmark(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  /** Each group's name and its links' words, in order, as a screen reader lists them. */
  async groups(): Promise<Array<{ group: string; links: string[] }>> {
    const lists = this.landmark().getByRole('list');
    const out: Array<{ group: string; links: string[] }> = [];
    for (const list of await lists.all()) {
      const id = await list.getAttribute('aria-labelledby');
      // textContent: the headings are upper-cased by CSS only.
      const group = id ? await this.page.locator(`#${id}`).textContent() : await list.getAttribute('aria-label');
      out.push({ group: (group ?? '').trim(), links: (await list.getByRole('link').allInnerTexts()).map((s) => s.trim()) });
    }
    return out;
  }

  link(name: string): Locator {
    return this.landmark().getByRole('link', { name, exact: true });
  }

  /** The words of the link marked aria-current="page", or null. */
  async current(): Promise<string | null> {
    const marked = this.nav.locator('a[aria-current="page"]');
    return (await marked.count()) === 1 ? (await marked.innerText()).trim() : null;
  }

  async path(): Promise<string> {
    return new URL(this.page.url()).pathname;
  }

  /** The signed-in person as the navigation shows them (name, then role and store). */
  async person(): Promise<string> {
    return (await this.nav.locator('.sidenav__me').innerText()).replace(/\s+/g, ' ').trim();
  }
}
