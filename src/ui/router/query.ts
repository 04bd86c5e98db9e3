/**
 * The address's query string as plain values: `?days=7&store=abc` is
 * { days: '7', store: 'abc' }. Pure, so screens' filters and their tests share it.
 * What a screen accepts from a query is the screen's to check: this only reads and writes.
 */
export type Query = Readonly<Record<string, string>>;

/** Changes to a query: a value sets the key, null or '' removes it. */
export type QueryChanges = Readonly<Record<string, string | null | undefined>>;

/** The values of a search string (with or without its '?'); an empty value is no value, and the first of a repeated key wins. */
export function parseQuery(search: string): Query {
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    if (value !== '' && !(key in query)) query[key] = value;
  }
  return query;
}

/** `query` with `changes` applied, as a search string ('' when nothing is left, else '?…'). */
export function searchWith(query: Query, changes: QueryChanges): string {
  const next = new URLSearchParams();
  const merged: Record<string, string | null | undefined> = { ...query, ...changes };
  for (const [key, value] of Object.entries(merged)) {
    if (value !== null && value !== undefined && value !== '') next.set(key, value);
  }
  const text = next.toString();
  return text ? `?${text}` : '';
}

/** A path with these values as its query: `withQuery('/reports', { days: '7' })` is '/reports?days=7'. */
export function withQuery(path: string, values: QueryChanges): string {
  return path + searchWith({}, values);
}
