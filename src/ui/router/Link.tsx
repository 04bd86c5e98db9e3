import type { MouseEvent, ReactNode } from 'react';
import { back, go, HOME, openTab } from './history';

/**
 * A real link (it can be copied, opened in a new tab), followed in place on a plain tap.
 * A `tab` link opens its place as the bar's tabs do (replacing the tab above Today); `current` marks it for screen readers.
 * A `parent` link is the screen's way back: to the entry it was opened from when that is `to`, with its query and scroll.
 */
export function Link({
  to,
  className,
  tab,
  parent,
  current,
  children,
}: {
  to: string;
  className?: string;
  tab?: boolean;
  parent?: boolean;
  current?: boolean;
  children: ReactNode;
}) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    // Today is the base of the history, never an entry above it.
    if (tab || to === HOME) openTab(to);
    else if (parent) back(to);
    else go(to);
  };
  return (
    <a href={to} className={className} aria-current={current ? 'page' : undefined} onClick={follow}>
      {children}
    </a>
  );
}
