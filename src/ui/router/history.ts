/**
 * The place in the app is the address, kept with the History API so the
 * phone's back button, a reload and a link all work as in a native app.
 * Each of our history entries carries `depth` (how many of our entries lie
 * above the Today base), `from` (the path it was opened from), the scroll
 * position it was left at, and an optional note for the screen (e.g. "Lesson
 * saved"). Tabs sit one above Today and replace each other; sub-screens push.
 * A screen's filters live in the query string (`useQuery`, `setQuery`): changing
 * them replaces the entry, so typing does not pile up history, and a reload,
 * back or a shared link finds the same view.
 */
import { useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { parseQuery, type Query, type QueryChanges, searchWith } from './query';

export const HOME = '/today';

interface Entry {
  depth: number;
  from?: string;
  scroll?: number;
  note?: string;
}

const listeners = new Set<() => void>();
/** Applied when the traversal started by history.go/back lands (it is asynchronous). */
let onLanded: (() => void) | null = null;

function entry(): Entry {
  const state: unknown = history.state;
  return typeof state === 'object' && state !== null && typeof (state as Entry).depth === 'number' ? (state as Entry) : { depth: 0 };
}

function notify(): void {
  for (const listener of listeners) listener();
}

function landed(): void {
  const after = onLanded;
  onLanded = null;
  after?.();
  notify();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', landed);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', landed);
  };
}

function currentPath(): string {
  return location.pathname;
}

/** The current path; re-renders on every move, ours or the browser's. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

function currentSearch(): string {
  return location.search;
}

/** The address's query values; re-renders when they change, by `setQuery` or by moving in history. */
export function useQuery(): Query {
  const search = useSyncExternalStore(subscribe, currentSearch);
  return useMemo(() => parseQuery(search), [search]);
}

/** Changes query values in place (null removes one): the entry is replaced, never added, and keeps its state. */
export function setQuery(changes: QueryChanges): void {
  const search = searchWith(parseQuery(location.search), changes);
  if (search === location.search) return;
  history.replaceState(history.state, '', location.pathname + search + location.hash);
  notify();
}

/** The path part of an address that may carry a query. */
function pathOf(address: string): string {
  const at = address.search(/[?#]/);
  return at === -1 ? address : address.slice(0, at);
}

/** The note the screen was opened with, if any. */
export function currentNote(): string | undefined {
  return entry().note;
}

/**
 * Called when the signed-in shell opens: a deep link gets Today below it, so back from
 * it stays in the app once; '/' becomes Today. A reload keeps its entries as they were.
 */
export function settleHistory(): void {
  history.scrollRestoration = 'manual';
  if (typeof (history.state as Entry | null)?.depth === 'number') return;
  const path = location.pathname;
  const address = path + location.search;
  history.replaceState({ depth: 0 } satisfies Entry, '', HOME);
  if (path !== '/' && path !== HOME) history.pushState({ depth: 1, from: HOME } satisfies Entry, '', address);
}

/** After sign-out the next person starts at Today, not at the last one's place. */
export function resetHistory(): void {
  history.replaceState(null, '', HOME);
}

function rememberScroll(): void {
  history.replaceState({ ...entry(), scroll: window.scrollY } satisfies Entry, '');
}

/** Opens a path (it may carry a query): a sub-screen pushes an entry (back returns here); `replace` swaps this one. */
export function go(path: string, options: { replace?: boolean; note?: string } = {}): void {
  if (path === location.pathname + location.search && options.note === undefined) return;
  const here = entry();
  if (options.replace) {
    history.replaceState({ depth: here.depth, from: here.from, note: options.note } satisfies Entry, '', path);
  } else {
    rememberScroll();
    history.pushState({ depth: here.depth + 1, from: location.pathname + location.search, note: options.note } satisfies Entry, '', path);
  }
  window.scrollTo(0, 0);
  landed();
}

/**
 * A screen's own "back": returns to where this one was opened from when that is `parent`
 * (whatever its query), so its scroll and filters come back too; a screen opened by a link
 * goes to `parent` in its place.
 */
export function back(parent: string, note?: string): void {
  const here = entry();
  if (here.depth > 0 && here.from !== undefined && pathOf(here.from) === parent) {
    if (note !== undefined) onLanded = () => history.replaceState({ ...entry(), note } satisfies Entry, '');
    history.back();
  } else {
    go(parent, { replace: true, note });
  }
}

/** A tab: Today is the base; any other tab sits right above it, so back from a tab is Today, then out of the app. */
export function openTab(path: string): void {
  const { depth } = entry();
  if (path === HOME) {
    if (depth > 0) history.go(-depth);
    else go(HOME, { replace: true });
    return;
  }
  if (depth <= 1) {
    go(path, { replace: depth === 1 });
    return;
  }
  onLanded = () => {
    history.replaceState({ depth: 1, from: HOME } satisfies Entry, '', path);
    window.scrollTo(0, 0);
  };
  history.go(-(depth - 1));
}

/** Puts the page back where it was left when this entry is returned to, once `ready` (its content is drawn). */
export function useRestoredScroll(ready: boolean): void {
  const restored = useRef(false);
  useLayoutEffect(() => {
    if (!ready || restored.current) return;
    restored.current = true;
    const { scroll } = entry();
    if (scroll) window.scrollTo(0, scroll);
  }, [ready]);
}
