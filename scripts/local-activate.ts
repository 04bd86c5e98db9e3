/**
 * The activate Edge Function (supabase/functions/activate/handler.ts, as deployed) for
 * the local stack to serve at /functions/v1/activate, calling the stack's own REST and
 * Auth admin endpoints as it calls hosted Supabase's.
 */
import { ACTIVATE_NAME, activate } from '../supabase/functions/activate/handler';
import type { LocalFunction } from '../supabase/local/functions-api';
import { nodeFunctionDeps } from './local-function-deps';

export const activateFunction: LocalFunction = (runtime) => activate({ ...runtime, ...nodeFunctionDeps });

/** Every function the local stack serves for the app, by name. */
export const ACTIVATE_FUNCTIONS = { [ACTIVATE_NAME]: activateFunction };
