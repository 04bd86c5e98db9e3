/**
 * A type test, run by the typecheck: the hand-written RPC arguments (RpcArgs in
 * types.ts) agree with the database's own signatures (database.types.ts, generated
 * from the live schema by `npm run gen:types`). Every RPC the app calls is a function
 * `authenticated` may execute, with the same argument names, and whatever the app
 * passes is a type Postgres takes there (a required argument stays required).
 */
import type { Database } from './database.types';
import type { RpcArgs, RpcName } from './types';

type Functions = Database['public']['Functions'];
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** The argument names; none for `Record<string, never>`. */
type Names<T> = string extends keyof T ? never : keyof T;
type Agrees<N extends RpcName> = N extends keyof Functions
  ? [Equal<Names<RpcArgs[N]>, Names<Functions[N]['Args']>>, RpcArgs[N] extends Functions[N]['Args'] ? true : false] extends [true, true]
    ? true
    : false
  : false;

type Disagreeing = { [N in RpcName]: Agrees<N> extends true ? never : N }[RpcName];
/** A failure names an RPC that disagrees: "Type '"set_my_locale"' does not satisfy the constraint 'never'". */
type NoneOf<T extends never> = T;
export type RpcArgsAgreeWithDatabase = NoneOf<Disagreeing>;
