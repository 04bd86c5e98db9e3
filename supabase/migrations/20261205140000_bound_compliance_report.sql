-- The compliance report bounded (#14 item 3). One call answered a row per store
-- and per briefing in scope: for HR of a 2,000-store organisation about 470 KB
-- of JSON, growing with the organisation without limit. Now compliance_report
-- answers the totals, the rate over time, the first 100 overdue people and the
-- worst p_limit (1..200) rows of each list with their full counts, and
-- compliance_briefings / compliance_stores page through the rest from the key
-- `next` gives. The numbers are the same: all three count through
-- private.compliance_counts, the body of the former report.
--
-- Worst first, so the first screen shows what matters: briefings by most
-- overdue, then lowest rate; stores by lowest rate, then name. Rates are
-- compared as acked * other_total (never a rounded fraction), so a key
-- carrying acked and total continues the order exactly. Each page counts
-- afresh: acknowledgements arriving between pages can move a row across a
-- page boundary (the client drops a row it already shows).

drop function public.compliance_report(int);

create function private.compliance_counts(p_days int) returns jsonb
-- Custom plans: the caller's role and stores are constants then, so only HR's
-- branch (tallies) or a manager's (their members' acknowledgements) is planned.
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_me public.members := private.require_member();
  v_all boolean := v_me.role in ('hr', 'admin');
  v_scope uuid[];
  v_today date := (now() at time zone 'UTC')::date;
  v_first date;
  -- Counts keyed by id (or day) as jsonb objects: looked up, never joined, so
  -- no plan depends on guessing how many rows a step returns.
  v_total_by_briefing jsonb;
  v_total_by_store jsonb;
  v_acked_by_briefing jsonb;
  v_acked_by_store jsonb;
  v_acked_by_day jsonb;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can see compliance reports', detail = 'forbidden';
  end if;
  if p_days is null or p_days < 1 or p_days > 366 then
    raise exception using errcode = '22023', message = 'p_days must be between 1 and 366', detail = 'invalid_days';
  end if;
  v_scope := private.store_ids_managed_by(v_me);
  v_first := v_today - (p_days - 1);

  -- Audience sizes: active members in scope counted per (store, department,
  -- role), then summed per briefing and per store; never briefing x member.
  with briefing as materialized (
    select b.id, b.store_ids, b.department_ids, b.roles
    from public.briefings b
    where b.org_id = v_me.org_id and private.in_compliance_window(b, v_first, v_today)
      and (v_all or cardinality(b.store_ids) = 0 or b.store_ids && v_scope)
  ),
  grp as materialized (
    select m.store_id, m.department_id, m.role, count(*) as n
    from public.members m
    where m.org_id = v_me.org_id and m.active and m.store_id is not null and (v_all or m.store_id = any (v_scope))
    group by m.store_id, m.department_id, m.role
  ),
  -- Org-wide briefings share a few audience shapes (departments x roles); each
  -- shape meets the groups once, however many briefings have it.
  shape as materialized (
    select b.department_ids, b.roles, count(*) as briefings
    from briefing b where cardinality(b.store_ids) = 0
    group by b.department_ids, b.roles
  ),
  shape_store as materialized (
    select s.department_ids, s.roles, s.briefings, g.store_id, sum(g.n) as n
    from shape s
    join grp g on private.audience_includes('{}', s.department_ids, s.roles, g.store_id, g.department_id, g.role)
    group by s.department_ids, s.roles, s.briefings, g.store_id
  ),
  targeted_store as materialized (
    select b.id, g.store_id, sum(g.n) as n
    from briefing b
    cross join unnest(b.store_ids) t(store_id)
    join grp g on g.store_id = t.store_id
      and private.audience_includes('{}', b.department_ids, b.roles, g.store_id, g.department_id, g.role)
    where cardinality(b.store_ids) > 0
    group by b.id, g.store_id
  ),
  shape_total as materialized (
    select x.department_ids, x.roles, sum(x.n) as total from shape_store x group by x.department_ids, x.roles
  )
  select
    (select jsonb_object_agg(t.id, t.total)
     from (select b.id, coalesce((select x.total from shape_total x
                                  where x.department_ids = b.department_ids and x.roles = b.roles), 0) as total
           from briefing b where cardinality(b.store_ids) = 0
           union all
           select t.id, sum(t.n) from targeted_store t group by t.id) t
     where t.total > 0),
    (select jsonb_object_agg(x.store_id, x.total)
     from (select y.store_id, sum(y.n) as total
           from (select store_id, n * briefings as n from shape_store
                 union all
                 select store_id, n from targeted_store) y
           group by y.store_id) x)
  into v_total_by_briefing, v_total_by_store;

  -- Counting acknowledgements (private.ack_counts) by briefing, store and UTC
  -- day received. HR read the tallies; a manager's members are counted
  -- directly, from member to their acknowledgements.
  if v_all then
    select jsonb_object_agg(x.briefing_id, x.n) into v_acked_by_briefing
    from (select t.briefing_id, sum(t.n) as n from private.ack_tally_daily t
          where t.briefing_id in (select b.id from public.briefings b
                                  where b.org_id = v_me.org_id and private.in_compliance_window(b, v_first, v_today))
          group by t.briefing_id) x;
    select jsonb_object_agg(x.day, x.n) into v_acked_by_day
    from (select t.day, sum(t.n) as n from private.ack_tally_daily t
          where t.day >= v_first
            and t.briefing_id in (select b.id from public.briefings b
                                  where b.org_id = v_me.org_id and private.in_compliance_window(b, v_first, v_today))
          group by t.day) x;
    select jsonb_object_agg(x.store_id, x.n) into v_acked_by_store
    from (select t.store_id, sum(t.n) as n
          from private.ack_tally_store t join public.stores s on s.id = t.store_id
          where s.org_id = v_me.org_id and t.publish_day <= v_today
            and (t.publish_day >= v_first or t.due_day >= v_today)
          group by t.store_id) x;
  else
    -- From each of the manager's members to their acknowledgements (members_seq
    -- index), then to the briefing: never a probe per briefing x member.
    with mine as materialized (
      select m as member, k.briefing_id, k.version, k.received_at
      from public.members m
      join public.acknowledgements k on k.member_id = m.id
      where m.org_id = v_me.org_id and m.store_id = any (v_scope)
    ),
    counted as materialized (
      select x.briefing_id, (x.member).store_id as store_id, (x.received_at at time zone 'UTC')::date as day
      from mine x
      join public.briefings b on b.id = x.briefing_id
      where private.ack_counts(b, x.member, x.version) and private.in_compliance_window(b, v_first, v_today)
    )
    select (select jsonb_object_agg(x.briefing_id, x.n) from (select briefing_id, count(*) as n from counted group by 1) x),
           (select jsonb_object_agg(x.day, x.n) from (select day, count(*) as n from counted where day >= v_first group by 1) x),
           (select jsonb_object_agg(x.store_id, x.n) from (select store_id, count(*) as n from counted group by 1) x)
    into v_acked_by_briefing, v_acked_by_day, v_acked_by_store;
  end if;

  return jsonb_build_object(
    'first_day', v_first, 'last_day', v_today,
    'total_by_briefing', coalesce(v_total_by_briefing, '{}'), 'total_by_store', coalesce(v_total_by_store, '{}'),
    'acked_by_briefing', coalesce(v_acked_by_briefing, '{}'), 'acked_by_store', coalesce(v_acked_by_store, '{}'),
    'acked_by_day', coalesce(v_acked_by_day, '{}'));
end $$;
comment on function private.compliance_counts(int) is 'For the calling manager (their stores) or HR (the organisation), over the last p_days UTC days: audience sizes and counted acknowledgements of the compliance window''s briefings, by briefing and by store, and acknowledgements by UTC day received, as jsonb objects keyed by id or day, with first_day and last_day. 42501 forbidden for staff; 22023 invalid_days.';

create function private.compliance_briefing_rows(p_counts jsonb)
returns table (id uuid, title text, kind text, version int, publish_at timestamptz, ack_due_at timestamptz, total bigint, acked bigint, overdue bigint)
language sql stable set search_path = '' as $$
  select b.id, b.title, b.kind, b.version, b.publish_at, b.ack_due_at, t.value::bigint,
         coalesce((p_counts -> 'acked_by_briefing' ->> b.id::text)::bigint, 0),
         case when b.ack_due_at < now() then t.value::bigint - coalesce((p_counts -> 'acked_by_briefing' ->> b.id::text)::bigint, 0) else 0 end
  from jsonb_each_text(p_counts -> 'total_by_briefing') t
  join public.briefings b on b.id = t.key::uuid
$$;
comment on function private.compliance_briefing_rows(jsonb) is 'One row per briefing with audience in private.compliance_counts'' answer: its fields, total, acked, and overdue (total - acked once ack_due_at has passed, else 0).';

create function private.compliance_store_rows(p_counts jsonb)
returns table (store_id uuid, name text, total bigint, acked bigint)
language sql stable set search_path = '' as $$
  select s.id, s.name, t.value::bigint, coalesce((p_counts -> 'acked_by_store' ->> s.id::text)::bigint, 0)
  from jsonb_each_text(p_counts -> 'total_by_store') t
  join public.stores s on s.id = t.key::uuid
$$;
comment on function private.compliance_store_rows(jsonb) is 'One row per store with audience in private.compliance_counts'' answer: name, total, acked.';

-- A page of each list, worst first, after a key: the row that ended the
-- previous page. Keys compare as rows, rates by cross-multiplying (totals are
-- never 0), so the page continues exactly the order the ORDER BY gives.
create function private.compliance_briefings_page(
  p_counts jsonb, p_after_overdue bigint, p_after_acked bigint, p_after_total bigint, p_after_id uuid, p_limit int) returns json
language plpgsql stable set search_path = '' as $$
begin
  if p_limit is null or p_limit < 1 or p_limit > 200 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 200', detail = 'invalid_limit';
  end if;
  if num_nulls(p_after_overdue, p_after_acked, p_after_total, p_after_id) not in (0, 4) or p_after_total < 1 then
    raise exception using errcode = '22023', message = 'p_after_overdue, p_after_acked, p_after_total and p_after_id go together', detail = 'invalid_cursor';
  end if;
  return (
    with page as (
      select r.*, row_number() over (order by r.overdue desc, r.acked::numeric / r.total, r.id) as n
      from (select r.* from private.compliance_briefing_rows(p_counts) r
            where p_after_id is null
               or (p_after_overdue, r.acked * p_after_total, r.id) > (r.overdue, p_after_acked * r.total, p_after_id)
            order by r.overdue desc, r.acked::numeric / r.total, r.id
            -- One more than asked, to know whether another page follows.
            limit p_limit + 1) r
    )
    select json_build_object(
      'briefings', coalesce(json_agg(json_build_object(
                     'id', p.id, 'title', p.title, 'kind', p.kind, 'version', p.version, 'publish_at', p.publish_at,
                     'ack_due_at', p.ack_due_at, 'total', p.total, 'acked', p.acked, 'overdue', p.overdue)
                     order by p.n) filter (where p.n <= p_limit), '[]'::json),
      'next', (select json_build_object('overdue', q.overdue, 'acked', q.acked, 'total', q.total, 'id', q.id)
               from page q where q.n = p_limit and exists (select 1 from page x where x.n > p_limit)))
    from page p);
end $$;
comment on function private.compliance_briefings_page(jsonb, bigint, bigint, bigint, uuid, int) is 'Up to p_limit (1..200) briefings of private.compliance_counts'' answer, most overdue first, then lowest acked/total, then id, after the key (p_after_overdue, p_after_acked, p_after_total, p_after_id: all or none), as {briefings, next}: next is the last row''s key when more follow, else null. 22023 invalid_limit, invalid_cursor.';

create function private.compliance_stores_page(
  p_counts jsonb, p_after_acked bigint, p_after_total bigint, p_after_name text, p_after_store_id uuid, p_limit int) returns json
language plpgsql stable set search_path = '' as $$
begin
  if p_limit is null or p_limit < 1 or p_limit > 200 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 200', detail = 'invalid_limit';
  end if;
  if num_nulls(p_after_acked, p_after_total, p_after_name, p_after_store_id) not in (0, 4) or p_after_total < 1 then
    raise exception using errcode = '22023', message = 'p_after_acked, p_after_total, p_after_name and p_after_store_id go together', detail = 'invalid_cursor';
  end if;
  return (
    with page as (
      select r.*, row_number() over (order by r.acked::numeric / r.total, r.name, r.store_id) as n
      from (select r.* from private.compliance_store_rows(p_counts) r
            where p_after_store_id is null
               or (r.acked * p_after_total, r.name, r.store_id) > (p_after_acked * r.total, p_after_name, p_after_store_id)
            order by r.acked::numeric / r.total, r.name, r.store_id
            limit p_limit + 1) r
    )
    select json_build_object(
      'stores', coalesce(json_agg(json_build_object('store_id', p.store_id, 'name', p.name, 'total', p.total, 'acked', p.acked)
                                  order by p.n) filter (where p.n <= p_limit), '[]'::json),
      'next', (select json_build_object('acked', q.acked, 'total', q.total, 'name', q.name, 'store_id', q.store_id)
               from page q where q.n = p_limit and exists (select 1 from page x where x.n > p_limit)))
    from page p);
end $$;
comment on function private.compliance_stores_page(jsonb, bigint, bigint, text, uuid, int) is 'Up to p_limit (1..200) stores of private.compliance_counts'' answer, lowest acked/total first, then name and id, after the key (p_after_acked, p_after_total, p_after_name, p_after_store_id: all or none), as {stores, next}: next is the last row''s key when more follow, else null. 22023 invalid_limit, invalid_cursor.';

revoke execute on function private.compliance_counts(int), private.compliance_briefing_rows(jsonb), private.compliance_store_rows(jsonb),
  private.compliance_briefings_page(jsonb, bigint, bigint, bigint, uuid, int), private.compliance_stores_page(jsonb, bigint, bigint, text, uuid, int)
  from public;

create function public.compliance_report(p_days int default 30, p_limit int default 50) returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_all boolean := v_me.role in ('hr', 'admin');
  v_scope uuid[] := private.store_ids_managed_by(v_me);
  v_counts jsonb := private.compliance_counts(p_days);
  v_briefings json := private.compliance_briefings_page(v_counts, null, null, null, null, p_limit);
  v_stores json := private.compliance_stores_page(v_counts, null, null, null, null, p_limit);
  v_briefing_count bigint;
  v_store_count bigint;
  v_total bigint;
  v_acked bigint;
  v_overdue bigint;
  v_daily json;
  v_people json[] := '{}';
  v_row record;
begin
  select count(*), coalesce(sum(r.total), 0), coalesce(sum(r.acked), 0), coalesce(sum(r.overdue), 0)
  into v_briefing_count, v_total, v_acked, v_overdue
  from private.compliance_briefing_rows(v_counts) r;
  select count(*) into v_store_count from private.compliance_store_rows(v_counts);

  -- cumulative: counting acknowledgements of these briefings received by the end of that day.
  select json_agg(json_build_object('day', w.day, 'acked', w.acked, 'cumulative', v_acked - w.later) order by w.day)
  into v_daily
  from (select d.day, d.acked,
               coalesce(sum(d.acked) over (order by d.day desc rows between unbounded preceding and 1 preceding), 0) as later
        from (select g.day::date as day, coalesce((v_counts -> 'acked_by_day' ->> g.day::date::text)::bigint, 0) as acked
              from generate_series((v_counts ->> 'first_day')::date, (v_counts ->> 'last_day')::date, interval '1 day') g(day)) d) w;

  -- The first 100 overdue people, earliest due first: only briefings with
  -- someone overdue are searched, each for as many names as are still missing.
  for v_row in
    select r.id, r.title, r.version, r.ack_due_at, b.store_ids, b.department_ids, b.roles
    from private.compliance_briefing_rows(v_counts) r
    join public.briefings b on b.id = r.id
    where r.overdue > 0
    order by r.ack_due_at, r.id
  loop
    exit when cardinality(v_people) >= 100;
    v_people := v_people || array(
      select json_build_object('member_id', m.id, 'display_name', m.display_name, 'store_name', s.name,
                               'briefing_id', v_row.id, 'title', v_row.title, 'ack_due_at', v_row.ack_due_at)
      from public.members m
      join public.stores s on s.id = m.store_id
      where m.org_id = v_me.org_id and m.active and (v_all or m.store_id = any (v_scope))
        and private.audience_includes(v_row.store_ids, v_row.department_ids, v_row.roles, m.store_id, m.department_id, m.role)
        and not exists (select 1 from public.acknowledgements k
                        where k.briefing_id = v_row.id and k.member_id = m.id and k.version = v_row.version)
      order by m.display_name, m.id
      limit 100 - cardinality(v_people));
  end loop;

  return json_build_object(
    'days', p_days,
    'first_day', v_counts -> 'first_day',
    'last_day', v_counts -> 'last_day',
    'total', v_total,
    'acked', v_acked,
    'overdue', v_overdue,
    'rate', case when v_total > 0 then round(v_acked::numeric / v_total, 4) end,
    'briefing_count', v_briefing_count,
    'store_count', v_store_count,
    'by_briefing', v_briefings -> 'briefings',
    'by_store', v_stores -> 'stores',
    'next', json_build_object('briefings', v_briefings -> 'next', 'stores', v_stores -> 'next'),
    'overdue_people', to_json(v_people),
    'daily', v_daily);
end $$;
comment on function public.compliance_report(int, int) is 'Managers (their stores) and HR (the organisation): acknowledgement of current must-acknowledge briefings in the last p_days (1..366) UTC days: totals, briefing_count and store_count, the worst p_limit (1..200, default 50) rows by briefing (most overdue, then lowest rate) and by store (lowest rate, then name), next (each list''s key for compliance_briefings / compliance_stores, null when complete), the first 100 overdue people, and acknowledgements per UTC day. 42501 forbidden for staff; 22023 invalid_days, invalid_limit.';

create function public.compliance_briefings(
  p_days int default 30, p_after_overdue bigint default null, p_after_acked bigint default null, p_after_total bigint default null,
  p_after_id uuid default null, p_limit int default 50) returns json
language sql stable security definer set search_path = '' as $$
  select private.compliance_briefings_page(private.compliance_counts(p_days), p_after_overdue, p_after_acked, p_after_total, p_after_id, p_limit)
$$;
comment on function public.compliance_briefings(int, bigint, bigint, bigint, uuid, int) is 'The rows of compliance_report''s by_briefing after a key (the previous answer''s next.briefings or next: all four fields or none), up to p_limit (1..200, default 50), same order, scope and numbers, as {briefings, next}; next is null on the last page. 42501 forbidden for staff; 22023 invalid_days, invalid_limit, invalid_cursor.';

create function public.compliance_stores(
  p_days int default 30, p_after_acked bigint default null, p_after_total bigint default null, p_after_name text default null,
  p_after_store_id uuid default null, p_limit int default 50) returns json
language sql stable security definer set search_path = '' as $$
  select private.compliance_stores_page(private.compliance_counts(p_days), p_after_acked, p_after_total, p_after_name, p_after_store_id, p_limit)
$$;
comment on function public.compliance_stores(int, bigint, bigint, text, uuid, int) is 'The rows of compliance_report''s by_store after a key (the previous answer''s next.stores or next: all four fields or none), up to p_limit (1..200, default 50), same order, scope and numbers, as {stores, next}; next is null on the last page. 42501 forbidden for staff; 22023 invalid_days, invalid_limit, invalid_cursor.';

revoke execute on function public.compliance_report(int, int) from public, anon;
grant execute on function public.compliance_report(int, int) to authenticated, service_role;
revoke execute on function public.compliance_briefings(int, bigint, bigint, bigint, uuid, int) from public, anon;
grant execute on function public.compliance_briefings(int, bigint, bigint, bigint, uuid, int) to authenticated, service_role;
revoke execute on function public.compliance_stores(int, bigint, bigint, text, uuid, int) from public, anon;
grant execute on function public.compliance_stores(int, bigint, bigint, text, uuid, int) to authenticated, service_role;
