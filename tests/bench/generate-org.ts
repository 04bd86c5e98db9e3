/**
 * Generates "Bench Retail", the organisation the benchmarks measure against:
 * 2,000 stores in a dozen time zones, 6 departments, 50,000 members (one manager
 * per store, 5 HR, the rest staff), 2,000 briefings (500 org-wide policies that
 * need acknowledging, 1,500 store shift briefings) and 1,000,000 acknowledgements
 * (every member acknowledged 20 of the policies), each with its sync_push ledger
 * entry. Set-based SQL as the database
 * owner, so the real triggers hash, version and stamp sync_seq on every row.
 *
 * Every account's password is BENCH_PASSWORD (one precomputed bcrypt hash).
 * Known accounts: staff.1@bench.test (store 1, which has a shift briefing),
 * hr.1@bench.test. Running it against a database that already holds Bench Retail
 * reuses what is there.
 */
import type { Pool, PoolClient } from 'pg';
import { progress, timed } from './measure';

export const BENCH_ORG_NAME = 'Bench Retail';
export const BENCH_PASSWORD = 'bench-password';

export const SIZE = {
  stores: 2_000,
  departments: 6,
  members: 50_000,
  hr: 5,
  policies: 500,
  shiftBriefings: 1_500,
  acksPerMember: 20,
} as const;

export interface BenchAccount {
  email: string;
  userId: string;
  memberId: string;
}

export interface BenchOrg {
  orgId: string;
  staff: BenchAccount;
  hr: BenchAccount;
  /** The org-wide policies in publishing order, version 1. */
  policies: { id: string; version: number; contentHash: string }[];
}

/** Deterministic RFC 4122 (v4-shaped) UUID for the n-th generated thing of a kind. */
const uuidOf = (kind: string, n: string) => `overlay(overlay(md5('bench:${kind}:' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;

const TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
];
const DEPARTMENTS = ['Sales floor', 'Checkout', 'Stockroom', 'Customer service', 'Fresh food', 'Click and collect'];
const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Riley',
  'Jordan',
  'Taylor',
  'Morgan',
  'Casey',
  'Jamie',
  'Avery',
  'Quinn',
  'Noor',
  'Mateo',
  'Aisha',
  'Lena',
  'Kenji',
  'Priya',
  'Omar',
  'Sofia',
  'Liam',
  'Maya',
];
const LAST_NAMES = [
  'Kim',
  'Patel',
  'Chen',
  'Garcia',
  'Smith',
  'Nguyen',
  'Okafor',
  'Rossi',
  'Müller',
  'Silva',
  'Haddad',
  'Novak',
  'Tanaka',
  'Cohen',
  'Dubois',
  'Kowalski',
  'Lopez',
  'Ahmed',
  'Jensen',
  'Brown',
];

const sqlTextArray = (values: readonly string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

export async function generateBenchOrg(pool: Pool): Promise<BenchOrg> {
  const client = await pool.connect();
  try {
    const existing = await client.query<{ id: string }>('select id from public.organizations where name = $1', [BENCH_ORG_NAME]);
    if (existing.rows[0]) {
      progress(`${BENCH_ORG_NAME} already exists: reusing it`);
    } else {
      const { ms } = await timed(() => generate(client));
      progress(`generated ${BENCH_ORG_NAME} in ${(ms / 1000).toFixed(1)} s`);
    }
    return await describe(client);
  } finally {
    client.release();
  }
}

async function generate(client: PoolClient): Promise<void> {
  const org = uuidOf('org', "'1'");
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const { ms } = await timed(() => client.query(sql, params));
    progress(`  ${label} (${(ms / 1000).toFixed(1)} s)`);
  };
  const inTransaction = async (work: () => Promise<void>) => {
    await client.query('begin');
    try {
      await work();
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  };
  progress(
    `generating ${BENCH_ORG_NAME}: ${SIZE.stores} stores, ${SIZE.members} members, ` +
      `${SIZE.policies + SIZE.shiftBriefings} briefings, ${SIZE.members * SIZE.acksPerMember} acknowledgements`,
  );

  // One bcrypt hash for everyone: crypt() 50,000 times would dominate the run.
  const {
    rows: [hash],
  } = await client.query<{ h: string }>(`select extensions.crypt($1, extensions.gen_salt('bf', 4)) as h`, [BENCH_PASSWORD]);

  await inTransaction(async () => {
    await step(
      'organisation, stores, departments',
      `
      insert into public.organizations (id, name) values (${org}, '${BENCH_ORG_NAME}');
      insert into public.stores (id, org_id, name, code, time_zone)
      select ${uuidOf('store', 'n')}, ${org}, 'Store ' || lpad(n::text, 4, '0'), 'S' || lpad(n::text, 4, '0'),
             (${sqlTextArray(TIME_ZONES)})[1 + n % ${TIME_ZONES.length}]
      from generate_series(1, ${SIZE.stores}) n;
      insert into public.departments (id, org_id, name)
      select ${uuidOf('department', 'n')}, ${org}, (${sqlTextArray(DEPARTMENTS)})[n]
      from generate_series(1, ${SIZE.departments}) n;`,
    );

    // Members 1..2000 manage store n; the next 5 are HR (no store); the rest are
    // staff spread over every store and department.
    await step(
      'people',
      `
      create temp table bench_people on commit drop as
      select n,
             ${uuidOf('user', 'n')} as user_id,
             ${uuidOf('member', 'n')} as member_id,
             case when n <= ${SIZE.stores} then 'manager' when n <= ${SIZE.stores + SIZE.hr} then 'hr' else 'staff' end as role,
             case when n <= ${SIZE.stores} then 'manager.' || n
                  when n <= ${SIZE.stores + SIZE.hr} then 'hr.' || (n - ${SIZE.stores})
                  else 'staff.' || (n - ${SIZE.stores + SIZE.hr}) end || '@bench.test' as email,
             (${sqlTextArray(FIRST_NAMES)})[1 + n % ${FIRST_NAMES.length}] || ' '
               || (${sqlTextArray(LAST_NAMES)})[1 + (n / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}] || ' ' || n as display_name,
             case when n <= ${SIZE.stores} then n
                  when n <= ${SIZE.stores + SIZE.hr} then null
                  else 1 + (n - ${SIZE.stores + SIZE.hr + 1}) % ${SIZE.stores} end as store_n,
             case when n <= ${SIZE.stores + SIZE.hr} then null
                  else 1 + (n - ${SIZE.stores + SIZE.hr + 1}) % ${SIZE.departments} end as department_n
      from generate_series(1, ${SIZE.members}) n`,
    );
    await step(
      'auth users',
      `
      insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                              raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                              confirmation_token, recovery_token, email_change, email_change_token_new)
      select '00000000-0000-0000-0000-000000000000', p.user_id, 'authenticated', 'authenticated', p.email, $1, now(),
             '{"provider": "email", "providers": ["email"]}', jsonb_build_object('display_name', p.display_name), now(), now(),
             '', '', '', ''
      from bench_people p`,
      [hash!.h],
    );
    await step(
      'auth identities',
      `
      insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
      select p.user_id::text, p.user_id, jsonb_build_object('sub', p.user_id::text, 'email', p.email, 'email_verified', true),
             'email', now(), now(), now()
      from bench_people p`,
    );
    await step(
      'members and store managers',
      `
      insert into public.members (id, user_id, org_id, store_id, department_id, role, display_name, email, locale, employee_id)
      select p.member_id, p.user_id, ${org},
             case when p.store_n is not null then ${uuidOf('store', 'p.store_n')} end,
             case when p.department_n is not null then ${uuidOf('department', 'p.department_n')} end,
             p.role, p.display_name, p.email, case when p.n % 5 = 0 then 'es' else 'en' end, 'B' || lpad(p.n::text, 6, '0')
      from bench_people p order by p.n;
      insert into public.store_managers (store_id, member_id)
      select ${uuidOf('store', 'p.store_n')}, p.member_id from bench_people p where p.role = 'manager';`,
    );

    // Every 4th briefing is an org-wide policy (written by HR), so a phone's first
    // page has to step over store briefings addressed to other stores.
    await step(
      'briefings',
      `
      insert into public.briefings (id, org_id, author_id, kind, title, body, priority, store_ids, department_ids,
                                    shift_date, shift_start, shift_end, requires_ack, ack_due_at, publish_at, expires_at)
      select ${uuidOf('briefing', 'n')}, ${org},
             case when policy then ${uuidOf('member', `(${SIZE.stores} + 1 + n % ${SIZE.hr})`)}
                  else ${uuidOf('member', 'store_n')} end,
             case when policy then 'policy' else 'shift' end,
             case when policy then 'Policy ' || (n / 4) || ': ' || (array['Till handling', 'Age-restricted sales', 'Fire safety',
                    'Data protection', 'Manual handling', 'Returns'])[1 + n % 6] || ' update'
                  else 'Shift briefing for store ' || store_n end,
             case when policy then repeat('Read this policy carefully and follow it on every shift. ', 12) || 'Reference ' || n || '.'
                  else repeat('Today''s focus, deliveries and who covers which area. ', 5) || 'Briefing ' || n || '.' end,
             (array['normal', 'important', 'critical'])[1 + n % 3],
             case when policy then '{}'::uuid[] else array[${uuidOf('store', 'store_n')}] end,
             case when not policy and n % 5 = 0 then array[${uuidOf('department', `(1 + n % ${SIZE.departments})`)}] else '{}'::uuid[] end,
             case when policy then null else current_date end,
             case when policy then null else time '08:00' end,
             case when policy then null else time '16:00' end,
             policy or n % 3 = 0,
             case when policy then now() + interval '14 days' end,
             now() - interval '1 minute' * (${SIZE.policies + SIZE.shiftBriefings} - n) * 20,
             case when policy then null else now() + interval '3 days' end
      from (select n, n % 4 = 0 as policy, n - n / 4 as store_n
            from generate_series(1, ${SIZE.policies + SIZE.shiftBriefings}) n) b
      order by n`,
    );
  });

  // Acknowledgements in a few transactions, so progress shows and no single
  // transaction carries the whole million. Each came through sync_push, so the
  // idempotency ledger holds its id too. Without it sync_push is measured against
  // a ledger whose statistics say "empty": a session then caches a seq-scan plan
  // for the ledger lookup and each push gets slower than the last.
  const batch = 10_000;
  for (let lo = 1; lo <= SIZE.members; lo += batch) {
    const hi = Math.min(SIZE.members, lo + batch - 1);
    await inTransaction(() =>
      step(
        `acknowledgements of members ${lo}..${hi}`,
        `
      with acks as (
        insert into public.acknowledgements (id, org_id, briefing_id, version, content_hash, member_id, acked_at)
        select gen_random_uuid(), ${org}, v.briefing_id, v.version, v.content_hash, ${uuidOf('member', 'm.n')},
               now() - interval '1 minute' * ((m.n * 13 + j * 7) % 20000)
        from generate_series($1::int, $2::int) m(n)
        cross join generate_series(0, ${SIZE.acksPerMember - 1}) j
        join public.briefing_versions v
          on v.briefing_id = ${uuidOf('briefing', `(4 * (1 + (m.n * 7 + j * 25) % ${SIZE.policies}))`)} and v.version = 1
        returning id, member_id, acked_at)
      insert into private.applied_mutations (id, member_id, type, applied_at)
      select id, member_id, 'ack', acked_at from acks`,
        [lo, hi],
      ),
    );
  }
  await step('vacuum analyze', 'vacuum analyze');
}

async function describe(client: PoolClient): Promise<BenchOrg> {
  const {
    rows: [org],
  } = await client.query<{ id: string }>('select id from public.organizations where name = $1', [BENCH_ORG_NAME]);
  if (!org) throw new Error(`${BENCH_ORG_NAME} was not generated`);
  const account = async (email: string): Promise<BenchAccount> => {
    const {
      rows: [row],
    } = await client.query<{ user_id: string; id: string }>('select user_id, id from public.members where email = $1 and org_id = $2', [email, org.id]);
    if (!row) throw new Error(`${BENCH_ORG_NAME} has no member ${email}`);
    return { email, userId: row.user_id, memberId: row.id };
  };
  const { rows: policies } = await client.query<{ id: string; version: number; content_hash: string }>(
    `select id, version, content_hash from public.briefings
     where org_id = $1 and requires_ack and cardinality(store_ids) = 0 and retracted_at is null
     order by sync_seq`,
    [org.id],
  );
  if (policies.length !== SIZE.policies) {
    throw new Error(`${BENCH_ORG_NAME} has ${policies.length} org-wide policies, expected ${SIZE.policies}`);
  }
  return {
    orgId: org.id,
    staff: await account('staff.1@bench.test'),
    hr: await account('hr.1@bench.test'),
    policies: policies.map((p) => ({ id: p.id, version: p.version, contentHash: p.content_hash })),
  };
}
