/**
 * A mail provider for the local stack: the Resend-compatible API send-activation posts
 * to (POST {from, to, subject, text, html} with Authorization: Bearer <key>), keeping
 * the messages in memory instead of delivering them. Served beside the functions at
 * /functions/v1/mail-catcher; GET lists what was "sent" (newest last, ?to= one
 * recipient), so a developer reads demo emails there and tests read what left.
 * A recipient at the reserved domain mail-fails.invalid is refused with a 500, to try
 * the provider failing end to end. Nothing here runs when hosted.
 */
import type { LocalFunction } from './functions-api';

export const MAIL_CATCHER_NAME = 'mail-catcher';
/** The key send-activation is given locally; the catcher refuses any other. */
export const LOCAL_MAIL_KEY = 'local-mail-catcher-key';
/** Recipients at this domain make the catcher answer as a failing provider would. */
export const FAILING_MAIL_DOMAIN = 'mail-fails.invalid';
/** Older messages are dropped beyond this many. */
const KEEP = 500;

export interface CaughtEmail {
  id: string;
  at: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function readMessage(body: unknown): Omit<CaughtEmail, 'id' | 'at'> | null {
  if (typeof body !== 'object' || body === null) return null;
  const { from, to, subject, text, html } = body as Record<string, unknown>;
  const recipients = typeof to === 'string' ? [to] : to;
  if (typeof from !== 'string' || !from || typeof subject !== 'string') return null;
  if (!Array.isArray(recipients) || recipients.length === 0 || !recipients.every((r) => typeof r === 'string' && r.includes('@'))) return null;
  if ((text !== undefined && typeof text !== 'string') || (html !== undefined && typeof html !== 'string')) return null;
  if (text === undefined && html === undefined) return null;
  return { from, to: recipients as string[], subject, text: (text as string | undefined) ?? '', html: (html as string | undefined) ?? '' };
}

/** A catcher with its own mailbox, made once per stack. */
export const mailCatcher: LocalFunction = () => {
  const mailbox: CaughtEmail[] = [];
  let sequence = 0;
  return async (request) => {
    const url = new URL(request.url);
    if (request.method === 'GET') {
      const to = url.searchParams.get('to')?.toLowerCase();
      return json(200, { emails: to ? mailbox.filter((m) => m.to.some((r) => r.toLowerCase() === to)) : mailbox });
    }
    if (request.method !== 'POST') return json(405, { name: 'method_not_allowed', message: 'GET or POST' });
    if (request.headers.get('authorization') !== `Bearer ${LOCAL_MAIL_KEY}`) {
      return json(401, { name: 'missing_api_key', message: 'Missing or wrong API key in the authorization header' });
    }
    const message = readMessage(await request.json().catch(() => null));
    if (!message) return json(422, { name: 'validation_error', message: 'from, to, subject and text or html are required' });
    if (message.to.some((r) => r.toLowerCase().endsWith(`@${FAILING_MAIL_DOMAIN}`))) {
      return json(500, { name: 'internal_server_error', message: 'This recipient always fails (local mail catcher)' });
    }
    sequence += 1;
    const email: CaughtEmail = { id: `local-${sequence}`, at: new Date().toISOString(), ...message };
    mailbox.push(email);
    if (mailbox.length > KEEP) mailbox.splice(0, mailbox.length - KEEP);
    return json(200, { id: email.id });
  };
};
