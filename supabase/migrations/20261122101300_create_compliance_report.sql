-- The compliance dashboard: for the must-acknowledge briefings that matter now,
-- how many of their audience acknowledged the current version, by briefing and
-- by store, who is overdue, and acknowledgements per day. HR see the whole
-- organisation, managers their stores. Members without a store (head office)
-- are not counted, as in briefing_ack_status.
--
-- The window is in whole UTC days: a briefing is in it when it was published on
-- one of the last p_days days (today included) or is due today or later.

-- No SET clause, so it inlines (see private.audience_includes).
create function private.in_compliance_window(b public.briefings, p_first date, p_today date) returns boolean
language sql immutable as $$
  select b.requires_ack and b.retracted_at is null
     and private.publish_day(b.publish_at) <= p_today
     and (private.publish_day(b.publish_at) >= p_first or private.due_day(b.ack_due_at) >= p_today)
$$;
comment on function private.in_compliance_window(public.briefings, date, date) is 'True for a must-acknowledge, live briefing published on a UTC day from p_first to p_today, or due on p_today or later.';

create function public.compliance_report(p_days int default 30) returns json
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
  v_by_briefing json;
  v_by_store json;
  v_daily json;
  v_total bigint;
  v_acked bigint;
  v_overdue bigint;
  v_people json[] := '{}';
  v_row record;
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
  v_acked_by_briefing := coalesce(v_acked_by_briefing, '{}');
  v_acked_by_store := coalesce(v_acked_by_store, '{}');
  v_acked_by_day := coalesce(v_acked_by_day, '{}');

  with per_briefing as (
    select b.id, b.title, b.kind, b.version, b.publish_at, b.ack_due_at, t.value::bigint as total,
           coalesce((v_acked_by_briefing ->> b.id::text)::bigint, 0) as acked
    from jsonb_each_text(coalesce(v_total_by_briefing, '{}')) t
    join public.briefings b on b.id = t.key::uuid
  )
  select coalesce(json_agg(json_build_object(
           'id', p.id, 'title', p.title, 'kind', p.kind, 'version', p.version, 'publish_at', p.publish_at,
           'ack_due_at', p.ack_due_at, 'total', p.total, 'acked', p.acked,
           'overdue', case when p.ack_due_at < now() then p.total - p.acked else 0 end)
           order by p.ack_due_at nulls last, p.publish_at desc, p.id), '[]'::json),
         coalesce(sum(p.total), 0), coalesce(sum(p.acked), 0),
         coalesce(sum(case when p.ack_due_at < now() then p.total - p.acked else 0 end), 0)
  into v_by_briefing, v_total, v_acked, v_overdue
  from per_briefing p;

  select coalesce(json_agg(json_build_object('store_id', s.id, 'name', s.name, 'total', t.value::bigint,
                                             'acked', coalesce((v_acked_by_store ->> s.id::text)::bigint, 0))
                           order by s.name, s.id), '[]'::json)
  into v_by_store
  from jsonb_each_text(coalesce(v_total_by_store, '{}')) t
  join public.stores s on s.id = t.key::uuid;

  -- cumulative: counting acknowledgements of these briefings received by the end of that day.
  select json_agg(json_build_object('day', w.day, 'acked', w.acked, 'cumulative', v_acked - w.later) order by w.day)
  into v_daily
  from (select d.day, d.acked,
               coalesce(sum(d.acked) over (order by d.day desc rows between unbounded preceding and 1 preceding), 0) as later
        from (select g.day::date as day, coalesce((v_acked_by_day ->> g.day::date::text)::bigint, 0) as acked
              from generate_series(v_first, v_today, interval '1 day') g(day)) d) w;

  -- The first 100 overdue people, earliest due first: only briefings with
  -- someone overdue are searched, each for as many names as are still missing.
  for v_row in
    select x.id, x.title, x.version, x.ack_due_at, b.store_ids, b.department_ids, b.roles
    from json_to_recordset(v_by_briefing) as x(id uuid, title text, version int, ack_due_at timestamptz, overdue bigint)
    join public.briefings b on b.id = x.id
    where x.overdue > 0
    order by x.ack_due_at, x.id
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
    'first_day', v_first,
    'last_day', v_today,
    'total', v_total,
    'acked', v_acked,
    'overdue', v_overdue,
    'rate', case when v_total > 0 then round(v_acked::numeric / v_total, 4) end,
    'by_briefing', v_by_briefing,
    'by_store', v_by_store,
    'overdue_people', to_json(v_people),
    'daily', v_daily);
end $$;
comment on function public.compliance_report(int) is 'Managers (their stores) and HR (the organisation): acknowledgement of current must-acknowledge briefings in the last p_days UTC days, by briefing and store, the first 100 overdue people, and acknowledgements per UTC day.';

revoke execute on function public.compliance_report(int) from public, anon;
grant execute on function public.compliance_report(int) to authenticated;
