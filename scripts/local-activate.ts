/**
 * The activation Edge Functions (supabase/functions/activate and send-activation, as
 * deployed) for the local stack to serve at /functions/v1/<name>, calling the stack's
 * own REST and Auth admin endpoints as they call hosted Supabase's, and the local mail
 * catcher send-activation posts to unless MAIL_API_URL points elsewhere.
 */
import { ACTIVATE_NAME, activate } from '../supabase/functions/activate/handler';
import { SEND_ACTIVATION_NAME, sendActivation } from '../supabase/functions/send-activation/handler';
import type { FunctionRuntime, LocalFunction } from '../supabase/local/functions-api';
import { LOCAL_MAIL_KEY, MAIL_CATCHER_NAME, mailCatcher } from '../supabase/local/mail-catcher';
import { nodeFunctionDeps } from './local-function-deps';

export const activateFunction: LocalFunction = (runtime) => activate({ ...runtime, ...nodeFunctionDeps });

/** npm start's app at its default port. */
const LOCAL_APP_URL = 'http://localhost:4173';

/** The sender of the demo emails the catcher keeps. */
export const LOCAL_MAIL_FROM = 'Frontline <no-reply@frontline.localhost>';

/** The function's settings, the catcher's unless the stack was given MAIL_API_URL (then all MAIL_* are its). */
function localMailEnv(runtime: FunctionRuntime): (name: string) => string | undefined {
  if (runtime.env('MAIL_API_URL')) return runtime.env;
  const local: Record<string, string | undefined> = {
    MAIL_API_URL: mailCatcherUrl(runtime.env('SUPABASE_URL') ?? ''),
    MAIL_API_KEY: LOCAL_MAIL_KEY,
    MAIL_FROM: LOCAL_MAIL_FROM,
  };
  return (name) => (name in local ? local[name] : runtime.env(name));
}

export const sendActivationFunction: LocalFunction = (runtime) =>
  sendActivation({
    ...runtime,
    ...nodeFunctionDeps,
    env: localMailEnv(runtime),
    // Locally the app may be on any port (npm start, npm run dev, a test's build): the
    // link goes back to the page that asked (else npm start's app), unless APP_URL says otherwise.
    appUrlFallback: (request) => request.headers.get('origin') ?? LOCAL_APP_URL,
  });

/** The mail settings `npm start` hands the function when the environment has them (a real provider instead of the catcher). */
export function mailSecretsFrom(env: NodeJS.ProcessEnv): Record<string, string> {
  const names = ['MAIL_API_URL', 'MAIL_API_KEY', 'MAIL_FROM', 'APP_URL'] as const;
  return Object.fromEntries(names.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
}

/** Where the catcher lists the demo emails of a stack at apiUrl. */
export function mailCatcherUrl(apiUrl: string): string {
  return `${apiUrl}/functions/v1/${MAIL_CATCHER_NAME}`;
}

/** Every function the local stack serves for activation, by name. */
export const ACTIVATE_FUNCTIONS = {
  [ACTIVATE_NAME]: activateFunction,
  [SEND_ACTIVATION_NAME]: sendActivationFunction,
  [MAIL_CATCHER_NAME]: mailCatcher,
};
