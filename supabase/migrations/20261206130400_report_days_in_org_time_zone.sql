-- Reports count days in the organisation's time zone (issue 13, point 4), not UTC:
-- the period's days, the rate per day, and which briefings a period holds
-- (published on one of its days, or due on its last day or later). A store in
-- Sydney no longer sees this morning's acknowledgements under yesterday.
--
-- The tallies HR's report reads are bucketed by those days too, so every writer
-- (the commit-time tally, the briefing and member re-tallies, the rebuild) reads
-- the organisation's time_zone; a change of it recounts the tallies. The briefing
-- re-tally now fires on any change of publish_at or ack_due_at (a local day can
-- change where the UTC day does not). An organisation's time zone must be one
-- Postgres knows, as a store's must (22023 invalid_time_zone): a bad one would
-- make every acknowledgement's tally fail.
--
-- Organisations had no time zone of their own: each gets the one most of its
-- stores keep (ties by name; UTC for an organisation without stores), and a new
-- organisation UTC until it is set.

alter table public.organizations add column time_zone text not null default 'UTC';
comment on column public.organizations.time_zone is 'IANA time zone whose days the reports count (the period, the rate per day); at first the one most of its stores keep.';
update public.organizations o
set time_zone = coalesce((select s.time_zone from public.stores s where s.org_id = o.id
                          group by s.time_zone order by count(*) desc, s.time_zone limit 1), 'UTC');

-- No SET clause, so they inline (as private.audience_includes).
create function private.local_day(p_at timestamptz, p_time_zone text) returns date
language sql immutable as $$ select (p_at at time zone p_time_zone)::date $$;
comment on function private.local_day(timestamptz, text) is 'The day p_at falls on in time zone p_time_zone: a tally bucket.';

create function private.local_due_day(p_ack_due_at timestamptz, p_time_zone text) returns date
language sql immutable as $$ select coalesce((p_ack_due_at at time zone p_time_zone)::date, '-infinity'::date) $$;
comment on function private.local_due_day(timestamptz, text) is 'The day a briefing is due in time zone p_time_zone, -infinity without a due date: its ack_tally_store bucket.';

create function private.in_compliance_window(b public.briefings, p_first date, p_today date, p_time_zone text) returns boolean
language sql immutable as $$
  select b.requires_ack and b.retracted_at is null
     and private.local_day(b.publish_at, p_time_zone) <= p_today
     and (private.local_day(b.publish_at, p_time_zone) >= p_first or private.local_due_day(b.ack_due_at, p_time_zone) >= p_today)
$$;
comment on function private.in_compliance_window(public.briefings, date, date, text) is 'True for a must-acknowledge, live briefing published on a day (in p_time_zone) from p_first to p_today, or due on p_today or later.';

create function private.check_org_time_zone() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not private.is_time_zone(new.time_zone) then
    raise exception using errcode = '22023', detail = 'invalid_time_zone',
      message = format('Unknown time zone %L: use an IANA name such as Europe/London or America/New_York', new.time_zone);
  end if;
  return new;
end $$;
comment on function private.check_org_time_zone() is 'Trigger: refuses an organisation whose time_zone is not a known IANA name (22023 invalid_time_zone).';
create trigger organizations_check_time_zone before insert or update of time_zone on public.organizations
  for each row execute function private.check_org_time_zone();

create or replace function private.tally_new_acks() returns trigger
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_done bigint := coalesce(nullif(current_setting('frontline.ack_tally_upto', true), '')::bigint, 0);
  v_from bigint;
  v_to bigint;
  v_deltas private.ack_tally_delta[];
  v_upto bigint;
begin
  -- The common case, kept to one setting read: already tallied by the first firing.
  if new.sync_seq <= v_done then
    return null;
  end if;
  v_from := private.untallied_from();
  v_to := (pg_current_xact_id()::text::bigint + 1) << 24;
  perform 1 from public.briefings b
  where b.id in (select k.briefing_id from public.acknowledgements k where k.sync_seq > v_from and k.sync_seq < v_to)
  order by b.id for share;
  perform 1 from public.members m
  where m.id in (select k.member_id from public.acknowledgements k where k.sync_seq > v_from and k.sync_seq < v_to)
  order by m.id for share;
  select array_agg(row(x.briefing_id, x.day, x.store_id, x.publish_day, x.due_day, x.n)::private.ack_tally_delta),
         max(x.upto)
  into v_deltas, v_upto
  from (select k.briefing_id, (k.received_at at time zone o.time_zone)::date as day, m.store_id,
               private.local_day(b.publish_at, o.time_zone) as publish_day, private.local_due_day(b.ack_due_at, o.time_zone) as due_day,
               count(*) filter (where private.ack_counts(b, m, k.version)) as n, max(k.sync_seq) as upto
        from public.acknowledgements k
        join public.briefings b on b.id = k.briefing_id
        join public.organizations o on o.id = b.org_id
        join public.members m on m.id = k.member_id
        where k.sync_seq > v_from and k.sync_seq < v_to
        group by 1, 2, 3, 4, 5) x;
  perform private.apply_ack_tally(v_deltas);
  perform set_config('frontline.ack_tally_upto', greatest(v_upto, new.sync_seq)::text, true);
  return null;
end $$;
comment on function private.tally_new_acks() is 'Deferred trigger: at commit, adds the acknowledgements this transaction inserted to the tallies in one sorted write, by days in the organisation''s time zone.';

create or replace function private.ack_tally_of_briefing(b public.briefings, p_sign int, p_from bigint, p_to bigint) returns private.ack_tally_delta[]
language sql stable set search_path = '' as $$
  select array_agg(row(x.briefing_id, x.day, x.store_id, x.publish_day, x.due_day, x.n)::private.ack_tally_delta)
  from (select b.id as briefing_id, (k.received_at at time zone o.time_zone)::date as day, m.store_id,
               private.local_day(b.publish_at, o.time_zone) as publish_day, private.local_due_day(b.ack_due_at, o.time_zone) as due_day,
               p_sign * count(*) as n
        from public.acknowledgements k
        join public.organizations o on o.id = b.org_id
        join public.members m on m.id = k.member_id
        where k.briefing_id = b.id and k.version = b.version
          and not (k.sync_seq > p_from and k.sync_seq < p_to)
          and private.ack_counts(b, m, k.version)
        group by 1, 2, 3, 4, 5) x
$$;
comment on function private.ack_tally_of_briefing(public.briefings, int, bigint, bigint) is 'Tally changes (times p_sign) for the counting acknowledgements of one briefing state, by days in its organisation''s time zone, leaving out sync_seq in (p_from, p_to).';

create or replace function private.ack_tally_of_member(m public.members, p_sign int, p_from bigint, p_to bigint) returns private.ack_tally_delta[]
language sql stable set search_path = '' as $$
  select array_agg(row(x.briefing_id, x.day, x.store_id, x.publish_day, x.due_day, x.n)::private.ack_tally_delta)
  from (select b.id as briefing_id, (k.received_at at time zone o.time_zone)::date as day, m.store_id,
               private.local_day(b.publish_at, o.time_zone) as publish_day, private.local_due_day(b.ack_due_at, o.time_zone) as due_day,
               p_sign * count(*) as n
        from public.acknowledgements k
        join public.briefings b on b.id = k.briefing_id
        join public.organizations o on o.id = b.org_id
        where k.member_id = m.id
          and not (k.sync_seq > p_from and k.sync_seq < p_to)
          and private.ack_counts(b, m, k.version)
        group by 1, 2, 3, 4, 5) x
$$;
comment on function private.ack_tally_of_member(public.members, int, bigint, bigint) is 'Tally changes (times p_sign) for the counting acknowledgements of one member state, by days in the organisation''s time zone, leaving out sync_seq in (p_from, p_to).';

create or replace function private.rebuild_ack_tallies() returns void
language plpgsql volatile set search_path = '' as $$
begin
  lock table private.ack_tally_daily, private.ack_tally_store in exclusive mode;
  delete from private.ack_tally_daily;
  delete from private.ack_tally_store;
  perform private.apply_ack_tally(array(
    select row(x.briefing_id, x.day, x.store_id, x.publish_day, x.due_day, x.n)::private.ack_tally_delta
    from (select k.briefing_id, (k.received_at at time zone o.time_zone)::date as day, m.store_id,
                 private.local_day(b.publish_at, o.time_zone) as publish_day, private.local_due_day(b.ack_due_at, o.time_zone) as due_day, count(*) as n
          from public.acknowledgements k
          join public.briefings b on b.id = k.briefing_id
          join public.organizations o on o.id = b.org_id
          join public.members m on m.id = k.member_id
          where private.ack_counts(b, m, k.version)
          group by 1, 2, 3, 4, 5) x));
end $$;
comment on function private.rebuild_ack_tallies() is 'Recounts both tallies from scratch by days in each organisation''s time zone (first fill, repair, or a time zone change).';

drop trigger briefings_retally_acks on public.briefings;
create trigger briefings_retally_acks after update on public.briefings
  for each row when ((old.version, old.requires_ack, old.retracted_at is null, old.store_ids, old.department_ids, old.roles,
                      old.publish_at, old.ack_due_at)
                     is distinct from
                     (new.version, new.requires_ack, new.retracted_at is null, new.store_ids, new.department_ids, new.roles,
                      new.publish_at, new.ack_due_at))
  execute function private.retally_briefing();

create function private.retally_org_time_zone() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.rebuild_ack_tallies();
  return null;
end $$;
comment on function private.retally_org_time_zone() is 'Trigger: an organisation''s new time zone moves every acknowledgement to its day there: the tallies are recounted.';
create trigger organizations_retally_time_zone after update of time_zone on public.organizations
  for each row when (old.time_zone is distinct from new.time_zone)
  execute function private.retally_org_time_zone();

select private.rebuild_ack_tallies();

create or replace function private.compliance_counts(p_days int, p_store_id uuid, p_department_id uuid) returns jsonb
-- Custom plans: the caller's role and stores are constants then, so only HR's
-- branch (tallies) or a manager's (their members' acknowledgements) is planned.
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_me public.members := private.require_member();
  v_all boolean := v_me.role in ('hr', 'admin');
  v_scope uuid[];
  -- HR's whole organisation is read from the tallies; any filter counts its members directly.
  v_tallies boolean;
  v_tz text := (select o.time_zone from public.organizations o where o.id = v_me.org_id);
  v_today date := (now() at time zone v_tz)::date;
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
    where b.org_id = v_me.org_id and private.in_compliance_window(b, v_first, v_today, v_tz)
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
                                  where b.org_id = v_me.org_id and private.in_compliance_window(b, v_first, v_today, v_tz))
          group by t.briefing_id) x;
    select jsonb_object_agg(x.day, x.n) into v_acked_by_day
    from (select t.day, sum(t.n) as n from private.ack_tally_daily t
          where t.day >= v_first
            and t.briefing_id in (select b.id from public.briefings b
                                  where b.org_id = v_me.org_id and private.in_compliance_window(b, v_first, v_today, v_tz))
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
      select x.briefing_id, (x.member).store_id as store_id, (x.received_at at time zone v_tz)::date as day
      from mine x
      join public.briefings b on b.id = x.briefing_id
      where private.ack_counts(b, x.member, x.version) and private.in_compliance_window(b, v_first, v_today, v_tz)
    )
    select (select jsonb_object_agg(x.briefing_id, x.n) from (select briefing_id, count(*) as n from counted group by 1) x),
           (select jsonb_object_agg(x.day, x.n) from (select day, count(*) as n from counted where day >= v_first group by 1) x),
           (select jsonb_object_agg(x.store_id, x.n) from (select store_id, count(*) as n from counted group by 1) x)
    into v_acked_by_briefing, v_acked_by_day, v_acked_by_store;
  end if;

  return jsonb_build_object(
    'first_day', v_first, 'last_day', v_today, 'time_zone', v_tz,
    'total_by_briefing', coalesce(v_total_by_briefing, '{}'), 'total_by_store', coalesce(v_total_by_store, '{}'),
    'acked_by_briefing', coalesce(v_acked_by_briefing, '{}'), 'acked_by_store', coalesce(v_acked_by_store, '{}'),
    'acked_by_day', coalesce(v_acked_by_day, '{}'));
end $$;
comment on function private.compliance_counts(int, uuid, uuid) is 'For the calling manager (their stores) or HR (the organisation), narrowed to p_store_id and p_department_id when given, over the last p_days days in the organisation''s time zone: audience sizes (never an author in their own briefing''s) and counted acknowledgements of the compliance window''s briefings, by briefing and by store, and acknowledgements by day received, as jsonb objects keyed by id or day, with first_day, last_day and time_zone. 42501 forbidden for staff, unknown_store, unknown_department; 22023 invalid_days.';

create or replace function public.compliance_report(p_days int default 30, p_limit int default 50, p_store_id uuid default null, p_department_id uuid default null) returns json
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
    'time_zone', v_counts ->> 'time_zone',
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
comment on function public.compliance_report(int, int, uuid, uuid) is 'Managers (their stores) and HR (the organisation), optionally one store (p_store_id) and/or department (p_department_id): acknowledgement of current must-acknowledge briefings by their audience (never their author) in the last p_days (1..366) days of the organisation''s time_zone: totals, briefing_count and store_count, the worst p_limit (1..200, default 50) rows by briefing (most overdue, then lowest rate) and by store (lowest rate, then name), next (each list''s key for compliance_briefings / compliance_stores, null when complete), the first 100 overdue people, and acknowledgements per day. 42501 forbidden for staff, unknown_store, unknown_department; 22023 invalid_days, invalid_limit.';

revoke all on function private.local_day(timestamptz, text), private.local_due_day(timestamptz, text),
  private.in_compliance_window(public.briefings, date, date, text), private.check_org_time_zone(), private.retally_org_time_zone()
  from public, anon, authenticated;

comment on table private.ack_tally_daily is 'Counting acknowledgements per briefing and day received in the organisation''s time zone; see private.ack_counts.';
comment on table private.ack_tally_store is 'Counting acknowledgements per member store and the briefing''s publish and due days in the organisation''s time zone; see private.ack_counts.';
