/**
 * People an e2e test can move and deactivate without touching the demo accounts other
 * files sign in as: a fresh login and member in Demo Retail, moved and deactivated in
 * SQL as the admin calls would, plus briefings to any store.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { DEMO_PASSWORD, SEED } from './demo-db';

export const RIVERSIDE = '5a000000-0000-4000-8000-000000000002';

export interface Person {
  email: string;
  userId: string;
  memberId: string;
}

/** One connection per test file; close() it in afterAll. */
export class PeopleDb {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string = inject('e2e').databaseUrl) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  }

  /** A staff member of Downtown's sales floor who can sign in with the demo password. */
  async createPerson(label: string, storeId: string = SEED.downtown): Promise<Person> {
    const userId = randomUUID();
    const email = `${label}-${userId.slice(0, 8)}@test.invalid`;
    await this.pool.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
         raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change, email_change_token_new)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
         extensions.crypt($3, extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}', '{}', now(), now(), '', '', '', '')`,
      [userId, email, DEMO_PASSWORD],
    );
    await this.pool.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
       values ($1::text, $1::uuid, jsonb_build_object('sub', $1::text, 'email', $2::text), 'email', now(), now(), now())`,
      [userId, email],
    );
    const { rows } = await this.pool.query<{ id: string }>(
      `insert into public.members (user_id, org_id, store_id, department_id, role, display_name, email)
       values ($1, $2, $3, $4, 'staff', $5, $6) returning id`,
      [userId, SEED.org, storeId, SEED.salesFloor, `E2E ${label}`, email],
    );
    return { email, userId, memberId: rows[0]!.id };
  }

  /** A briefing from head office to one store, live since a minute ago. */
  async briefingTo(storeId: string, title: string): Promise<string> {
    const id = randomUUID();
    await this.pool.query(
      `insert into public.briefings (id, org_id, author_id, title, body, store_ids, requires_ack, publish_at)
       values ($1, $2, (select id from public.members where email = 'hr@demo.test'), $3, $4, array[$5::uuid], true, now() - interval '1 minute')`,
      [id, SEED.org, title, `Body of ${title}.`, storeId],
    );
    return id;
  }

  async moveTo(memberId: string, storeId: string): Promise<void> {
    await this.pool.query('update public.members set store_id = $2 where id = $1', [memberId, storeId]);
  }

  async deactivate(memberId: string): Promise<void> {
    await this.pool.query('update public.members set active = false where id = $1', [memberId]);
  }

  async acks(memberId: string, briefingId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('select count(*)::int as n from public.acknowledgements where member_id = $1 and briefing_id = $2', [
      memberId,
      briefingId,
    ]);
    return rows[0]!.n;
  }

  async sessions(userId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('select count(*)::int as n from auth.sessions where user_id = $1', [userId]);
    return rows[0]!.n;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
