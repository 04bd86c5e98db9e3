import type { MouseEvent, ReactNode } from 'react';
import { go, HOME, openTab } from './history';

/** A real link (it can be copied, opened in a new tab), followed in place on a plain tap. */
export function Link({ to, className, children }: { to: string; className?: string; children: ReactNode }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    // Today is the base of the history, never an entry above it.
    if (to === HOME) openTab(HOME);
    else go(to);
  };
  return (
    <a href={to} className={className} onClick={follow}>
      {children}
    </a>
  );
}
