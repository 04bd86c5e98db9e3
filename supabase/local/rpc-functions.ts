/**
 * PostgREST's view of `public` functions: a per-process cache of each function's input
 * arguments and result shape, overload resolution by argument names, and the SQL that
 * calls one with named arguments taken from a JSON object.
 */
import pg, { type Pool } from 'pg';

export interface RpcArg {
  name: string;
  /** As format_type prints it, e.g. `integer`, `text[]`, `timestamp with time zone`. */
  type: string;
  variadic: boolean;
}

export interface RpcFunction {
  name: string;
  /** Input arguments in declaration order. */
  args: RpcArg[];
  /** How many leading arguments have no default. */
  requiredCount: number;
  result: 'void' | 'set' | 'single';
  /** PostgREST runs a POST to a stable or immutable function read-only, like any GET. */
  volatile: boolean;
  /** OUT/INOUT/TABLE argument names: the function returns rows with these columns. */
  outColumns: string[];
}

export type Resolution = { found: RpcFunction } | { found: null; overloads: RpcFunction[] };

interface ProcRow {
  returns_set: boolean;
  volatile: boolean;
  returns_void: boolean;
  defaults: number;
  names: string[];
  modes: string[];
  types: string[];
}

const PROC_QUERY = `
  select p.proretset as returns_set,
         p.provolatile = 'v' as volatile,
         p.prorettype = 'void'::regtype as returns_void,
         p.pronargdefaults::int as defaults,
         coalesce(p.proargnames, '{}') as names,
         coalesce(p.proargmodes::text[], '{}') as modes,
         array(
           select format_type(arg.type_oid, null)
           from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality as arg(type_oid, n)
           order by arg.n
         ) as types
  from pg_proc p
  where p.pronamespace = 'public'::regnamespace and p.proname = $1 and p.prokind = 'f'
  order by p.oid`;

export class RpcFunctions {
  private readonly cache = new Map<string, RpcFunction[]>();

  constructor(private readonly pool: Pool) {}

  /**
   * A cache miss re-reads the catalog: migrations or tests may have added the function since.
   * Only names that exist are kept, so the cache is bounded by the catalog, not by what
   * callers make up.
   */
  async resolve(name: string, keys: readonly string[]): Promise<Resolution> {
    const cachedMatch = this.cache.get(name)?.find((fn) => accepts(fn, keys));
    if (cachedMatch) return { found: cachedMatch };
    const { rows } = await this.pool.query<ProcRow>(PROC_QUERY, [name]);
    const overloads = rows.flatMap((row) => toRpcFunction(name, row) ?? []);
    if (overloads.length) this.cache.set(name, overloads);
    else this.cache.delete(name);
    const found = overloads.find((fn) => accepts(fn, keys));
    return found ? { found } : { found: null, overloads };
  }

  get cachedNames(): number {
    return this.cache.size;
  }

  /** Called when a cached signature turned out stale (the function was dropped or replaced). */
  forget(name: string): void {
    this.cache.delete(name);
  }
}

function accepts(fn: RpcFunction, keys: readonly string[]): boolean {
  const names = new Set(fn.args.map((arg) => arg.name));
  return keys.every((key) => names.has(key)) && fn.args.slice(0, fn.requiredCount).every((arg) => keys.includes(arg.name));
}

function toRpcFunction(name: string, row: ProcRow): RpcFunction | null {
  const args: RpcArg[] = [];
  const outColumns: string[] = [];
  row.types.forEach((type, i) => {
    const mode = row.modes[i] ?? 'i';
    const argName = row.names[i] ?? '';
    if (mode === 'i' || mode === 'b' || mode === 'v') args.push({ name: argName, type, variadic: mode === 'v' });
    if (mode === 'o' || mode === 'b' || mode === 't') outColumns.push(argName);
  });
  // Named notation cannot reach an unnamed argument.
  if (args.some((arg) => arg.name === '')) return null;
  return {
    name,
    args,
    requiredCount: args.length - row.defaults,
    result: row.returns_void ? 'void' : row.returns_set ? 'set' : 'single',
    volatile: row.volatile,
    outColumns,
  };
}

/** `public.fn(a, b)`, as PostgREST names a function in its hints. */
export function signature(name: string, argNames: readonly string[]): string {
  return `public.${name}(${argNames.join(', ')})`;
}

/**
 * `from` clause calling `fn` with the `keys` of the JSON object `argsJson` (SQL that
 * evaluates to jsonb text) as named arguments. jsonb_to_record converts each value to
 * its argument's type the way Postgres reads JSON: strings, numbers, booleans, arrays
 * (JSON arrays or `{1,2}` literals) and objects for json/jsonb arguments. Omitted
 * arguments take their defaults.
 */
function callSource(fn: RpcFunction, keys: readonly string[], argsJson: string): string {
  const ident = pg.escapeIdentifier;
  const args = fn.args.filter((arg) => keys.includes(arg.name));
  const call = `public.${ident(fn.name)}(${args.map((arg) => `${ident(arg.name)} => ${arg.variadic ? 'variadic ' : ''}_a.${ident(arg.name)}`).join(', ')})`;
  // Names the CSV header of a one-column `returns table (x ...)` x rather than _r.
  const alias = fn.outColumns.length ? `_r(${fn.outColumns.map(ident).join(', ')})` : '_r';
  if (args.length === 0) return `${call} as ${alias}`;
  const record = args.map((arg) => `${ident(arg.name)} ${arg.type}`).join(', ');
  return `jsonb_to_record(${argsJson}::jsonb) as _a(${record}), lateral ${call} as ${alias}`;
}

/**
 * PostgREST's max-rows: a set-returning function's rows are cut at the limit (null: no
 * limit); a single value, a json array however long included, is never cut.
 */
function limit(maxRows: number | null): string {
  return maxRows === null ? '' : ` limit ${maxRows}`;
}

/** One row, one text column: the result as JSON text (unused for void). Takes `$1` = args JSON. */
export function jsonCallQuery(fn: RpcFunction, keys: readonly string[], maxRows: number | null): string {
  const source = callSource(fn, keys, '$1');
  if (fn.result === 'void') return `select null from ${source}`;
  // `_r` is the value of a plain-typed result and the whole row of a composite one. But
  // Postgres treats a one-column `returns table (x ...)` as plain; a subquery's row keeps x.
  if (fn.result === 'set') {
    const [rows, value] = fn.outColumns.length ? ['_r.*', '_s'] : ['_r', '_s._r'];
    return `select coalesce(json_agg(${value}), '[]')::text from (select ${rows} from ${source}${limit(maxRows)}) as _s`;
  }
  const [from, value] = fn.outColumns.length ? [`(select _r.* from ${source}) as _s`, '_s'] : [source, '_r'];
  return `select to_json(${value})::text from ${from}`;
}

/** COPY takes no parameters, so the arguments are inlined as one escaped JSON literal. */
export function csvCopyQuery(fn: RpcFunction, keys: readonly string[], argsJson: string, maxRows: number | null): string {
  const source = callSource(fn, keys, pg.escapeLiteral(argsJson));
  return `copy (select _r.* from ${source}${limit(maxRows)}) to stdout with (format csv, header true)`;
}
