/**
 * Activation codes by email (#12 item 3), through the local stack over HTTP and tried as
 * the attacker: the send-activation function acting with the caller's own JWT (staff and
 * anonymous callers refused, a manager kept to their stores' staff, activated people
 * given nothing), the mail catcher receiving the messages, the emailed code activating
 * through the activate function while the earlier one stops, and the admin log holding
 * 'activation_code_emailed' without the code.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { FAILING_MAIL_DOMAIN } from '../../supabase/local/mail-catcher';
import { createMember, createOrg, env, sql, type TestMember } from './support/fixtures';

interface Sent {
  status: number;
  body: { ok: boolean; error?: string; detail?: string; people?: { member_id: string; status: string }[]; counts?: Record<string, number> };
  text: string;
}

interface CaughtEmail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

let org: { orgId: string; storeId: string; departmentId: string };
let storeB: string;
let hr: TestMember;
let managerA: TestMember;
let managerB: TestMember;
let staffA: TestMember;

async function newcomer(storeId: string, opts: { email?: string | null; locale?: 'en' | 'es'; role?: string } = {}) {
  const employeeId = `M${randomUUID().slice(0, 8)}`;
  const email = opts.email === undefined ? `${employeeId.toLowerCase()}@example.test` : opts.email;
  const [row] = await sql<{ id: string }>(
    `insert into public.members (org_id, store_id, role, display_name, employee_id, email, locale) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [org.orgId, storeId, opts.role ?? 'staff', `New ${employeeId}`, employeeId, email, opts.locale ?? 'en'],
  );
  return { id: row!.id, employeeId, email };
}

async function tokenOf(member: TestMember): Promise<string> {
  const { data } = await member.client.auth.getSession();
  if (!data.session) throw new Error('no session');
  return data.session.access_token;
}

async function send(caller: TestMember | string | null, body: Record<string, unknown>): Promise<Sent> {
  const headers: Record<string, string> = { 'content-type': 'application/json', apikey: env.anonKey };
  if (caller) headers.authorization = `Bearer ${typeof caller === 'string' ? caller : await tokenOf(caller)}`;
  const response = await fetch(`${env.apiUrl}/functions/v1/send-activation`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Sent['body'], text };
}

async function mailTo(address: string): Promise<CaughtEmail[]> {
  const response = await fetch(`${env.apiUrl}/functions/v1/mail-catcher?to=${encodeURIComponent(address)}`);
  return ((await response.json()) as { emails: CaughtEmail[] }).emails;
}

async function openCodes(memberId: string): Promise<number> {
  const [row] = await sql<{ n: number }>('select count(*)::int as n from private.activation_codes where member_id = $1', [memberId]);
  return row!.n;
}

async function activate(body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${env.apiUrl}/functions/v1/activate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', apikey: env.anonKey },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function codeIn(mail: CaughtEmail): string {
  const match = /\/activate\?code=([A-Z0-9-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no activation link in: ${mail.text}`);
  return match[1];
}

beforeAll(async () => {
  org = await createOrg();
  [{ id: storeB }] = (await sql<{ id: string }>(
    `insert into public.stores (org_id, name, code, time_zone) values ($1, 'Quay', 'QY', 'Europe/London') returning id`,
    [org.orgId],
  )) as [{ id: string }];
  [hr, managerA, managerB, staffA] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
    createMember({ orgId: org.orgId, storeId: storeB, departmentId: null, role: 'manager', manages: [storeB] }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
  ]);
});

describe('send-activation as the attacker', () => {
  it('refuses staff, anonymous callers and forged tokens, issuing and sending nothing', async () => {
    const person = await newcomer(org.storeId);
    const asStaff = await send(staffA, { member_ids: [person.id] });
    expect([asStaff.status, asStaff.body]).toEqual([403, { ok: false, error: 'forbidden', detail: 'forbidden' }]);
    const asStaffStore = await send(staffA, { store_id: org.storeId });
    expect(asStaffStore.status).toBe(403);
    const anonymous = await send(null, { member_ids: [person.id] });
    expect([anonymous.status, anonymous.body]).toEqual([401, { ok: false, error: 'unauthorized' }]);
    const forged = await send('not.a.jwt', { member_ids: [person.id] });
    expect([forged.status, forged.body]).toEqual([401, { ok: false, error: 'unauthorized' }]);
    // The project's public key as the bearer is no session either.
    const anonBearer = await send(env.anonKey, { member_ids: [person.id] });
    expect([anonBearer.status, anonBearer.body]).toEqual([401, { ok: false, error: 'unauthorized' }]);
    expect(await openCodes(person.id)).toBe(0);
    expect(await mailTo(person.email!)).toEqual([]);
  });

  it('has a mail catcher that, like the provider, takes messages only with its key', async () => {
    const message = { from: 'x@example.test', to: ['y@example.test'], subject: 's', text: 't' };
    const post = (authorization?: string) =>
      fetch(`${env.apiUrl}/functions/v1/mail-catcher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(message),
      });
    expect((await post()).status).toBe(401);
    expect((await post(`Bearer ${env.anonKey}`)).status).toBe(401);
    expect(await mailTo('y@example.test')).toEqual([]);
  });

  it("keeps a manager of store A away from store B's people", async () => {
    const inB = await newcomer(storeB);
    const managerInA = await newcomer(org.storeId, { role: 'manager' });
    const other = await createOrg();
    const [{ id: elsewhere }] = (await sql<{ id: string }>(
      `insert into public.members (org_id, store_id, role, display_name, employee_id, email) values ($1, $2, 'staff', 'Far', $3, $4) returning id`,
      [other.orgId, other.storeId, `F${randomUUID().slice(0, 6)}`, `far-${randomUUID().slice(0, 6)}@example.test`],
    )) as [{ id: string }];
    const byId = await send(managerA, { member_ids: [inB.id, managerInA.id, elsewhere, randomUUID(), managerA.memberId] });
    expect(byId.status).toBe(200);
    expect(new Set(byId.body.people?.map((p) => p.status))).toEqual(new Set(['out_of_scope']));
    expect(byId.body.counts).toMatchObject({ sent: 0, out_of_scope: 5 });
    const byStore = await send(managerA, { store_id: storeB });
    expect([byStore.status, byStore.body]).toEqual([403, { ok: false, error: 'forbidden', detail: 'store_not_managed' }]);
    for (const id of [inB.id, managerInA.id, elsewhere]) expect(await openCodes(id)).toBe(0);
    expect(await mailTo(inB.email!)).toEqual([]);
    // The same person is reachable by their own store's manager.
    const own = await send(managerB, { member_ids: [inB.id] });
    expect(own.body.people).toEqual([{ member_id: inB.id, status: 'sent' }]);
    expect(await mailTo(inB.email!)).toHaveLength(1);
  });

  it('gives an already activated person no new code and no email', async () => {
    const activated = await createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null });
    const sent = await send(hr, { member_ids: [activated.memberId] });
    expect(sent.body.people).toEqual([{ member_id: activated.memberId, status: 'already_active' }]);
    expect(await openCodes(activated.memberId)).toBe(0);
    expect(await mailTo(activated.email)).toEqual([]);
  });

  it('sends a code that activates, stops the earlier one, and logs the email without the code', async () => {
    const person = await newcomer(org.storeId);
    const { data: earlier, error } = await hr.client.rpc('issue_activation_code', { p_member_id: person.id });
    expect(error).toBeNull();
    const sent = await send(hr, { member_ids: [person.id] });
    expect(sent.body).toEqual({
      ok: true,
      people: [{ member_id: person.id, status: 'sent' }],
      counts: { sent: 1, no_email: 0, already_active: 0, out_of_scope: 0, no_employee_id: 0, failed: 0 },
    });
    const [mail, ...more] = await mailTo(person.email!);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Your Frontline activation code');
    expect(mail!.text).toContain(person.employeeId);
    const code = codeIn(mail!);
    expect(mail!.html).toContain(code);
    expect(sent.text).not.toContain(code);

    const old = await activate({ employee_id: person.employeeId, code: (earlier as { code: string }).code, password: 'correct horse 1' });
    expect(old).toEqual({ status: 400, body: { ok: false, error: 'invalid_code' } });
    const done = await activate({ employee_id: person.employeeId, code, password: 'correct horse 1' });
    expect(done).toEqual({ status: 200, body: { ok: true, email: person.email, first_activation: true } });

    const log = await sql<{ action: string; actor: string; entry: string }>(
      `select action, actor_member_id::text as actor, row_to_json(a)::text as entry from private.admin_audit a where target_member_id = $1 order by id`,
      [person.id],
    );
    expect(log.map((l) => l.action)).toEqual(['activation_code_issued', 'activation_code_issued', 'activation_code_emailed', 'person_activated']);
    expect(log[2]!.actor).toBe(hr.memberId);
    expect(log[2]!.entry).toContain(person.email!);
    for (const entry of log) expect(entry.entry).not.toContain(code.replaceAll('-', '').slice(0, 8));
    // HR's log (the app's contract) reads the entry.
    const seen = await callRpc(hr.client, 'admin_audit_log', { p_filters: { member_id: person.id, action: 'activation_code_emailed' } });
    expect(seen.ok && seen.data.entries.map((e) => [e.action, e.after])).toEqual([
      ['activation_code_emailed', { email: person.email, expires_at: expect.any(String) }],
    ]);
    // Once used, sending again finds them activated.
    expect((await send(hr, { member_ids: [person.id] })).body.people).toEqual([{ member_id: person.id, status: 'already_active' }]);
  });

  it('emails a store: the people with an email, each in their language, and says who has none', async () => {
    const [{ id: storeC }] = (await sql<{ id: string }>(
      `insert into public.stores (org_id, name, code, time_zone) values ($1, 'Pier', 'PR', 'Europe/London') returning id`,
      [org.orgId],
    )) as [{ id: string }];
    const managerC = await createMember({ orgId: org.orgId, storeId: storeC, departmentId: null, role: 'manager', manages: [storeC] });
    const english = await newcomer(storeC);
    const spanish = await newcomer(storeC, { locale: 'es' });
    const noEmail = await newcomer(storeC, { email: null });
    const activated = await createMember({ orgId: org.orgId, storeId: storeC, departmentId: null });

    const { data: preview } = await managerC.client.rpc('activation_email_preview', { p_store_id: storeC });
    expect(preview).toEqual({
      people: expect.arrayContaining([
        { member_id: english.id, status: 'ready' },
        { member_id: spanish.id, status: 'ready' },
        { member_id: noEmail.id, status: 'no_email' },
      ]),
    });
    expect((preview as { people: unknown[] }).people).toHaveLength(3);
    expect(await openCodes(english.id)).toBe(0);

    const sent = await send(managerC, { store_id: storeC });
    expect(sent.body.counts).toEqual({ sent: 2, no_email: 1, already_active: 0, out_of_scope: 0, no_employee_id: 0, failed: 0 });
    expect(sent.body.people?.map((p) => p.member_id)).not.toContain(activated.memberId);
    expect((await mailTo(spanish.email!))[0]?.subject).toBe('Tu código de activación de Frontline');
    expect((await mailTo(english.email!))[0]?.subject).toBe('Your Frontline activation code');
    expect(await openCodes(noEmail.id)).toBe(0);
    expect(await mailTo(activated.email)).toEqual([]);
  });

  it('reports a message the provider refused as failed and logs no email for it', async () => {
    const person = await newcomer(org.storeId, { email: `p-${randomUUID().slice(0, 6)}@${FAILING_MAIL_DOMAIN}` });
    const sent = await send(managerA, { member_ids: [person.id] });
    expect(sent.body.people).toEqual([{ member_id: person.id, status: 'failed' }]);
    const actions = await sql<{ action: string }>('select action from private.admin_audit where target_member_id = $1 order by id', [person.id]);
    expect(actions.map((a) => a.action)).toEqual(['activation_code_issued']);
    // Called directly, recording logs only codes this caller issued for email: not a
    // code shown on screen, nor another caller's.
    const shown = await newcomer(org.storeId);
    await hr.client.rpc('issue_activation_code', { p_member_id: shown.id });
    expect(await hr.client.rpc('record_activation_emails', { p_member_ids: [shown.id, person.id] })).toMatchObject({ data: 0, error: null });
    expect(await staffA.client.rpc('record_activation_emails', { p_member_ids: [person.id] })).toMatchObject({ error: { code: '42501' } });
  });
});
