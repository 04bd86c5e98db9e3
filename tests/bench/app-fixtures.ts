/**
 * The data the browser benchmarks sign in to: "App Bench", an organisation of its
 * own beside Bench Retail, so that what a member's phone holds is exactly what the
 * figure names (Bench Retail's 500 org-wide policies would reach every member of
 * it). One store per measurement, each with its own briefings:
 * - cold start: 200 briefings (a third must be acknowledged);
 * - first pull: 5,000 briefings;
 * - drain: 1,000 briefings that must be acknowledged.
 * Members are added on demand (a fresh one per run where a run must find nothing
 * acknowledged yet). Every password is BENCH_PASSWORD.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { BENCH_PASSWORD } from './generate-org';
import { progress, timed } from './measure';

export const APP_SIZE = { coldStart: 200, firstPull: 5_000, drain: 1_000 } as const;

export type AppStore = keyof typeof APP_SIZE;

export interface AppAccount {
  email: string;
  userId: string;
  memberId: string;
}

export interface AppBenchOrg {
  orgId: string;
  storeIds: Record<AppStore, string>;
  /** A new staff member of the store, who has acknowledged nothing. */
  addMember(store: AppStore): Promise<AppAccount>;
}

export async function createAppBenchOrg(pool: Pool): Promise<AppBenchOrg> {
  const { ms, result } = await timed(() => create(pool));
  progress(
    `created App Bench (${Object.entries(APP_SIZE)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')} briefings) in ${(ms / 1000).toFixed(1)} s`,
  );
  return result;
}

async function create(pool: Pool): Promise<AppBenchOrg> {
  // A tag keeps names and emails unique if the database already holds an App Bench.
  const tag = randomUUID().slice(0, 8);
  const {
    rows: [hash],
  } = await pool.query<{ h: string }>(`select extensions.crypt($1, extensions.gen_salt('bf', 4)) as h`, [BENCH_PASSWORD]);
  const {
    rows: [org],
  } = await pool.query<{ id: string }>(`insert into public.organizations (name) values ($1) returning id`, [`App Bench ${tag}`]);
  const orgId = org!.id;
  const stores = Object.keys(APP_SIZE) as AppStore[];
  const { rows: storeRows } = await pool.query<{ id: string; name: string }>(
    `insert into public.stores (org_id, name, time_zone)
     select $1, name, 'Europe/London' from unnest($2::text[]) name returning id, name`,
    [orgId, stores],
  );
  const storeIds = Object.fromEntries(storeRows.map((s) => [s.name, s.id])) as Record<AppStore, string>;

  let n = 0;
  const addAccount = async (role: 'staff' | 'hr', storeId: string | null): Promise<AppAccount> => {
    const email = `app.${role}.${++n}.${tag}@bench.test`;
    const {
      rows: [row],
    } = await pool.query<{ user_id: string; id: string }>(
      `with u as (
         insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                                 raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                                 confirmation_token, recovery_token, email_change, email_change_token_new)
         values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1, $2, now(),
                 '{"provider": "email", "providers": ["email"]}', '{}', now(), now(), '', '', '', '')
         returning id)
       insert into public.members (user_id, org_id, store_id, role, display_name, email)
       select u.id, $3, $4, $5, $6, $1 from u
       returning user_id, id`,
      [email, hash!.h, orgId, storeId, role, `App bench ${role} ${n}`],
    );
    return { email, userId: row!.user_id, memberId: row!.id };
  };

  const author = await addAccount('hr', null);
  // Published over the last days, newest first on screen; a third (all, for the
  // drain store) must be acknowledged within a week. The triggers hash, version
  // and stamp sync_seq.
  await pool.query(
    `insert into public.briefings (id, org_id, author_id, kind, title, body, priority, store_ids,
                                   requires_ack, ack_due_at, publish_at)
     select gen_random_uuid(), $1, $2, 'shift', 'Briefing ' || n || ' for ' || s.name,
            repeat('Today''s focus, deliveries and who covers which area. ', 6) || 'Item ' || n || '.',
            (array['normal', 'important', 'critical'])[1 + n % 3], array[s.id],
            s.name = 'drain' or n % 3 = 0,
            case when s.name = 'drain' or n % 3 = 0 then now() + interval '7 days' end,
            now() - interval '1 minute' * n
     from public.stores s
     cross join lateral generate_series(1, (case s.name when 'coldStart' then $3 when 'firstPull' then $4 else $5 end)::int) n
     where s.org_id = $1`,
    [orgId, author.memberId, APP_SIZE.coldStart, APP_SIZE.firstPull, APP_SIZE.drain],
  );
  await pool.query('analyze public.briefings, public.briefing_versions');

  return { orgId, storeIds, addMember: (store) => addAccount('staff', storeIds[store]) };
}
