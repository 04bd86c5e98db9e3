-- Reports get filters (issue 13, point 4): the compliance report, its pages and
-- its overdue people for one store and/or one department, as well as the period.
-- A store must be one the caller reports on (a manager's own; HR any of the
-- organisation's), else 42501 unknown_store, so a pasted id shows nothing of
-- another store; a department must be the organisation's (42501
-- unknown_department). HR's unfiltered report still reads the tallies; with a
-- filter the members it leaves are counted directly (one store: a few dozen
-- people; one department: a sixth of the organisation). Numbers are otherwise as
-- before (authors not counted, 20261206130000). New signatures, so the old ones
-- are dropped; answers also echo store_id and department_id.

drop function public.compliance_report(int, int);
drop function public.compliance_briefings(int, bigint, bigint, bigint, uuid, int);
drop function public.compliance_stores(int, bigint, bigint, text, uuid, int);
drop function private.compliance_counts(int);

create function private.compliance_counts(p_days int, p_store_id uuid, p_department_id uuid) returns jsonb
-- Custom plans: the caller's role and stores are constants then, so only HR's
-- branch (tallies) or a manager's (their members' acknowledgements) is planned.
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_me public.members := private.require_member();
  v_all boolean := v_me.role in ('hr', 'admin');
  v_scope uuid[];
  -- HR's whole organisation is read from the tallies; any filter counts its members directly.
  v_tallies boolean;
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
  -- One store: it must be one the caller reports on (an unknown one reads the same).
  if p_store_id is not null then
    if not p_store_id = any (v_scope) then
      raise exception using errcode = '42501', message = 'No store with this id that you can report on', detail = 'unknown_store';
    end if;
    v_scope := array[p_store_id];
    v_all := false;
  end if;
  if p_department_id is not null
     and not exists (select 1 from public.departments d where d.id = p_department_id and d.org_id = v_me.org_id) then
    raise exception using errcode = '42501', message = 'No department with this id in your organisation', detail = 'unknown_department';
  end if;
  v_tallies := v_all and p_department_id is null;
  v_first := v_today - (p_days - 1);

  -- Audience sizes: active members in scope counted per (store, department,
  -- role), then summed per briefing and per store; never briefing x member.
  with briefing as materialized (
    select b.id, b.store_ids, b.department_ids, b.roles, b.author_id
    from public.briefings b
    where b.org_id = v_me.org_id and private.in_compliance_window(b, v_first, v_today)
      and (v_all or cardinality(b.store_ids) = 0 or b.store_ids && v_scope)
  ),
  grp as materialized (
    select m.store_id, m.department_id, m.role, count(*) as n
    from public.members m
    where m.org_id = v_me.org_id and m.active and m.store_id is not null and (v_all or m.store_id = any (v_scope))
      and (p_department_id is null or m.department_id = p_department_id)
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
  ),
  -- Authors are not their own audience: a briefing whose author is counted above
  -- (active, in a store in scope, matching its audience) has one fewer, in the
  -- author's store. One row per briefing at most, found by primary key.
  author as materialized (
    select b.id, m.store_id
    from briefing b
    join public.members m on m.id = b.author_id
    where m.org_id = v_me.org_id and m.active and m.store_id is not null and (v_all or m.store_id = any (v_scope))
      and (p_department_id is null or m.department_id = p_department_id)
      and private.audience_includes(b.store_ids, b.department_ids, b.roles, m.store_id, m.department_id, m.role)
  )
  select
    (select jsonb_object_agg(t.id, t.total - (t.id in (select a.id from author a))::int)
     from (select b.id, coalesce((select x.total from shape_total x
                                  where x.department_ids = b.department_ids and x.roles = b.roles), 0) as total
           from briefing b where cardinality(b.store_ids) = 0
           union all
           select t.id, sum(t.n) from targeted_store t group by t.id) t
     where t.total - (t.id in (select a.id from author a))::int > 0),
    (select jsonb_object_agg(x.store_id, x.total)
     from (select y.store_id, sum(y.n) as total
           from (select store_id, n * briefings as n from shape_store
                 union all
                 select store_id, n from targeted_store
                 union all
                 select store_id, -1 from author) y
           group by y.store_id) x
     where x.total > 0)
  into v_total_by_briefing, v_total_by_store;

  -- Counting acknowledgements (private.ack_counts) by briefing, store and UTC
  -- day received. HR's whole organisation is read from the tallies; a manager's
  -- members, or the members a filter leaves, are counted directly, from member
  -- to their acknowledgements.
  if v_tallies then
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
        and (p_department_id is null or m.department_id = p_department_id)
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
comment on function private.compliance_counts(int, uuid, uuid) is 'For the calling manager (their stores) or HR (the organisation), narrowed to p_store_id and p_department_id when given, over the last p_days UTC days: audience sizes (never an author in their own briefing''s) and counted acknowledgements of the compliance window''s briefings, by briefing and by store, and acknowledgements by UTC day received, as jsonb objects keyed by id or day, with first_day and last_day. 42501 forbidden for staff, unknown_store, unknown_department; 22023 invalid_days.';
revoke all on function private.compliance_counts(int, uuid, uuid) from public, anon, authenticated;

create function public.compliance_report(p_days int default 30, p_limit int default 50, p_store_id uuid default null, p_department_id uuid default null) returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_all boolean := v_me.role in ('hr', 'admin');
  v_scope uuid[] := private.store_ids_managed_by(v_me);
  v_counts jsonb := private.compliance_counts(p_days, p_store_id, p_department_id);
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
    select r.id, r.title, r.version, r.ack_due_at, b.store_ids, b.department_ids, b.roles, b.author_id
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
      where m.org_id = v_me.org_id and m.active and m.id <> v_row.author_id and (v_all or m.store_id = any (v_scope))
        and (p_store_id is null or m.store_id = p_store_id) and (p_department_id is null or m.department_id = p_department_id)
        and private.audience_includes(v_row.store_ids, v_row.department_ids, v_row.roles, m.store_id, m.department_id, m.role)
        and not exists (select 1 from public.acknowledgements k
                        where k.briefing_id = v_row.id and k.member_id = m.id and k.version = v_row.version)
      order by m.display_name, m.id
      limit 100 - cardinality(v_people));
  end loop;

  return json_build_object(
    'days', p_days,
    'store_id', p_store_id,
    'department_id', p_department_id,
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
comment on function public.compliance_report(int, int, uuid, uuid) is 'Managers (their stores) and HR (the organisation), optionally one store (p_store_id) and/or department (p_department_id): acknowledgement of current must-acknowledge briefings by their audience (never their author) in the last p_days (1..366) UTC days: totals, briefing_count and store_count, the worst p_limit (1..200, default 50) rows by briefing (most overdue, then lowest rate) and by store (lowest rate, then name), next (each list''s key for compliance_briefings / compliance_stores, null when complete), the first 100 overdue people, and acknowledgements per UTC day. 42501 forbidden for staff, unknown_store, unknown_department; 22023 invalid_days, invalid_limit.';

create function public.compliance_briefings(
  p_days int default 30, p_after_overdue bigint default null, p_after_acked bigint default null, p_after_total bigint default null,
  p_after_id uuid default null, p_limit int default 50, p_store_id uuid default null, p_department_id uuid default null) returns json
language sql stable security definer set search_path = '' as $$
  select private.compliance_briefings_page(private.compliance_counts(p_days, p_store_id, p_department_id), p_after_overdue, p_after_acked, p_after_total, p_after_id, p_limit)
$$;
comment on function public.compliance_briefings(int, bigint, bigint, bigint, uuid, int, uuid, uuid) is 'The rows of compliance_report''s by_briefing after a key (the previous answer''s next.briefings or next: all four fields or none), up to p_limit (1..200, default 50), same order, filters, scope and numbers, as {briefings, next}; next is null on the last page. 42501 forbidden for staff, unknown_store, unknown_department; 22023 invalid_days, invalid_limit, invalid_cursor.';

create function public.compliance_stores(
  p_days int default 30, p_after_acked bigint default null, p_after_total bigint default null, p_after_name text default null,
  p_after_store_id uuid default null, p_limit int default 50, p_store_id uuid default null, p_department_id uuid default null) returns json
language sql stable security definer set search_path = '' as $$
  select private.compliance_stores_page(private.compliance_counts(p_days, p_store_id, p_department_id), p_after_acked, p_after_total, p_after_name, p_after_store_id, p_limit)
$$;
comment on function public.compliance_stores(int, bigint, bigint, text, uuid, int, uuid, uuid) is 'The rows of compliance_report''s by_store after a key (the previous answer''s next.stores or next: all four fields or none), up to p_limit (1..200, default 50), same order, filters, scope and numbers, as {stores, next}; next is null on the last page. 42501 forbidden for staff, unknown_store, unknown_department; 22023 invalid_days, invalid_limit, invalid_cursor.';

revoke all on function public.compliance_report(int, int, uuid, uuid) from public, anon;
grant execute on function public.compliance_report(int, int, uuid, uuid) to authenticated, service_role;
revoke all on function public.compliance_briefings(int, bigint, bigint, bigint, uuid, int, uuid, uuid) from public, anon;
grant execute on function public.compliance_briefings(int, bigint, bigint, bigint, uuid, int, uuid, uuid) to authenticated, service_role;
revoke all on function public.compliance_stores(int, bigint, bigint, text, uuid, int, uuid, uuid) from public, anon;
grant execute on function public.compliance_stores(int, bigint, bigint, text, uuid, int, uuid, uuid) to authenticated, service_role;
