/**
 * TypeScript types of the database as the API sees it, read from the catalog of a
 * database with every migration applied: each function in schema public that
 * `authenticated` may execute (named arguments, optional when they have a default,
 * and the return type) and each public table's row. The shape is the one
 * `supabase gen types typescript` writes: `Database['public']['Functions'][name]['Args' | 'Returns']`
 * and `Database['public']['Tables'][name]['Row']`. Deterministic (sorted by name),
 * so the committed file can be compared with a fresh one.
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** Where the generated types are committed. */
export const DB_TYPES_FILE = fileURLToPath(new URL('../src/data/supabase/database.types.ts', import.meta.url));

interface PgType {
  oid: number;
  typname: string;
  typtype: string;
  typelem: number;
  typbasetype: number;
  typcategory: string;
  typrelid: number;
}

interface PgFunction {
  name: string;
  arg_names: string[] | null;
  arg_modes: string[] | null;
  arg_types: number[];
  input_count: number;
  default_count: number;
  return_type: number;
  returns_set: boolean;
  strict: boolean;
}

interface PgColumn {
  relid: number;
  relname: string;
  attname: string;
  atttypid: number;
  nullable: boolean;
  /** A table (else a composite type a function may return). */
  is_table: boolean;
}

const SCALARS: Record<string, string> = {
  bool: 'boolean',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  numeric: 'number',
  oid: 'number',
  json: 'Json',
  jsonb: 'Json',
  void: 'undefined',
};
// Every other base type (uuid, text, timestamptz, date, time, interval, inet...) travels as a JSON string.
const STRING = 'string';

async function readCatalog(client: pg.Client) {
  const types = (
    await client.query<PgType>(`select oid::int, typname, typtype, typelem::int, typbasetype::int, typcategory, typrelid::int from pg_catalog.pg_type`)
  ).rows;
  const enums = (
    await client.query<{ enumtypid: number; labels: string[] }>(
      `select enumtypid::int, array_agg(enumlabel::text order by enumsortorder) as labels from pg_catalog.pg_enum group by enumtypid`,
    )
  ).rows;
  const functions = (
    await client.query<PgFunction>(
      `select p.proname as name, p.proargnames as arg_names, p.proargmodes::text[] as arg_modes,
            coalesce(p.proallargtypes, p.proargtypes::oid[])::int[] as arg_types,
            p.pronargs::int as input_count, p.pronargdefaults::int as default_count,
            p.prorettype::int as return_type, p.proretset as returns_set, p.proisstrict as strict
     from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.prokind = 'f'
       and has_function_privilege('authenticated', p.oid, 'EXECUTE')
     order by p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)`,
    )
  ).rows;
  const columns = (
    await client.query<PgColumn>(
      `select c.oid::int as relid, c.relname, a.attname, a.atttypid::int, not a.attnotnull as nullable, c.relkind in ('r', 'p') as is_table
     from pg_catalog.pg_class c
     join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where n.nspname = 'public' and c.relkind in ('r', 'p', 'c')
     order by c.relname, a.attnum`,
    )
  ).rows;
  return { types: new Map(types.map((t) => [t.oid, t])), enums: new Map(enums.map((e) => [e.enumtypid, e.labels])), functions, columns };
}

type Catalog = Awaited<ReturnType<typeof readCatalog>>;

function arrayOf(type: string): string {
  return type.startsWith('{') || /^\w+(\[\])*$/.test(type) ? `${type}[]` : `(${type})[]`;
}

function tsType(catalog: Catalog, oid: number, indent = ''): string {
  const type = catalog.types.get(oid);
  if (!type) return 'unknown';
  if (type.typtype === 'd') return tsType(catalog, type.typbasetype, indent);
  if (type.typtype === 'e')
    return catalog.enums
      .get(oid)!
      .map((label) => JSON.stringify(label))
      .join(' | ');
  if (type.typcategory === 'A' && type.typelem !== 0) return arrayOf(tsType(catalog, type.typelem, indent));
  if (type.typtype === 'c') return objectType(catalog, type.typrelid, indent);
  if (type.typtype === 'p' && type.typname !== 'void') return 'unknown';
  return SCALARS[type.typname] ?? STRING;
}

function objectType(catalog: Catalog, relid: number, indent: string): string {
  const fields = catalog.columns
    .filter((c) => c.relid === relid)
    .map((c) => `${indent}  ${c.attname}: ${tsType(catalog, c.atttypid, `${indent}  `)}${c.nullable ? ' | null' : ''};`);
  return `{\n${fields.join('\n')}\n${indent}}`;
}

function functionType(catalog: Catalog, fn: PgFunction, indent: string): { args: string; returns: string } {
  const modes = fn.arg_modes ?? fn.arg_types.map(() => 'i');
  const names = fn.arg_names ?? [];
  const inputs = fn.arg_types
    .map((oid, i) => ({ oid, name: names[i] ?? '', mode: modes[i]! }))
    .filter((arg) => arg.mode === 'i' || arg.mode === 'b' || arg.mode === 'v');
  const outputs = fn.arg_types
    .map((oid, i) => ({ oid, name: names[i] ?? '', mode: modes[i]! }))
    .filter((arg) => arg.mode === 'o' || arg.mode === 'b' || arg.mode === 't');
  // Postgres passes null to a function that is not STRICT, so such an argument takes null as well.
  const nullable = fn.strict ? '' : ' | null';
  const args =
    inputs.length === 0
      ? 'Record<string, never>'
      : `{\n${inputs
          .map((arg, i) => {
            const optional = i >= fn.input_count - fn.default_count ? '?' : '';
            return `${indent}  ${arg.name}${optional}: ${tsType(catalog, arg.oid, `${indent}  `)}${nullable};`;
          })
          .join('\n')}\n${indent}}`;
  const row =
    outputs.length > 0
      ? `{\n${outputs.map((out) => `${indent}  ${out.name}: ${tsType(catalog, out.oid, `${indent}  `)} | null;`).join('\n')}\n${indent}}`
      : tsType(catalog, fn.return_type, indent);
  const returns = fn.returns_set ? arrayOf(row) : row;
  return { args, returns };
}

function render(catalog: Catalog): string {
  const tables = new Map(catalog.columns.filter((c) => c.is_table).map((c) => [c.relname, c.relid]));
  const tableLines = [...tables.entries()].map(([relname, relid]) => `      ${relname}: {\n        Row: ${objectType(catalog, relid, '        ')};\n      };`);
  const byName = new Map<string, Array<{ args: string; returns: string }>>();
  for (const fn of catalog.functions) {
    byName.set(fn.name, [...(byName.get(fn.name) ?? []), functionType(catalog, fn, '        ')]);
  }
  // An overloaded name takes any of its signatures, as supabase gen types writes it.
  const functionLines = [...byName.entries()].map(([name, overloads]) =>
    [
      `      ${name}: {`,
      `        Args: ${overloads.map((o) => o.args).join(' | ')};`,
      `        Returns: ${[...new Set(overloads.map((o) => o.returns))].join(' | ')};`,
      '      };',
    ].join('\n'),
  );
  return [
    '// Generated by `npm run gen:types` (scripts/gen-db-types.ts) from a database with every',
    '// migration applied. Do not edit: change the migration and regenerate.',
    '',
    'export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];',
    '',
    'export type Database = {',
    '  public: {',
    '    Tables: {',
    ...tableLines,
    '    };',
    '    Functions: {',
    ...functionLines,
    '    };',
    '  };',
    '};',
    '',
  ].join('\n');
}

/** The TypeScript source of src/data/supabase/database.types.ts for the database at `databaseUrl`. */
export async function generateDbTypes(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return render(await readCatalog(client));
  } finally {
    await client.end();
  }
}
