-- "Who has not acknowledged X in store Y?" (issue 13, point 4). From Reports, a
-- briefing (and a store) opens the people still to acknowledge it, filtered by store,
-- department and name, a page at a time in name order, whatever the organisation's
-- size; the same people as CSV, page by page; and the stores with most still to
-- acknowledge, so a store is one tap away.
--
-- Scope is decided here, never by the screen: HR and admins see every store; a
-- manager only the stores they run (asking for another store's people is refused as
-- if the briefing did not exist, so store ids cannot be probed); staff nothing. The
-- audience is briefing_ack_status's: active members with a store in scope, matching
-- the briefing's audience, never its author, who have not acknowledged the current
-- version.
--
-- report_pending_people and report_pending_csv_page check the caller first, then the paging
-- arguments, so a closed account hears
-- 42501 member_inactive (the phone's cue to say so) rather than a 22023 about a limit.

-- The checks every caller passes: the briefing and store the caller may report on.
-- Returns the briefing and the stores in scope (null: every store, for HR).
create function private.pending_report_target(p_briefing_id uuid, p_store_id uuid, out briefing public.briefings, out scope uuid[])
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can see who has not acknowledged', detail = 'forbidden';
  end if;
  scope := case when v_me.role in ('hr', 'admin') then null else private.store_ids_managed_by(v_me) end;
  select b.* into briefing from public.briefings b where b.id = p_briefing_id;
  if briefing.id is null or briefing.org_id <> v_me.org_id or not briefing.requires_ack or briefing.retracted_at is not null
     or not (scope is null or briefing.author_id = v_me.id or briefing.store_ids && scope or cardinality(briefing.store_ids) = 0)
     or (p_store_id is not null
         and not exists (select 1 from public.stores s where s.id = p_store_id and s.org_id = v_me.org_id
                         and (scope is null or s.id = any (scope)))) then
    raise exception using errcode = '42501', message = 'No briefing or store with this id that you can report on', detail = 'unknown_briefing';
  end if;
end $$;
comment on function private.pending_report_target(uuid, uuid) is 'The must-acknowledge, live briefing p_briefing_id and the caller''s stores (null = all, HR/admin) when the caller may report on it and on p_store_id (if given); else 42501 forbidden (staff) or unknown_briefing (unknown, out of scope, or another manager''s store).';

-- The people themselves, in (display_name, id) order after the key. No SET clause
-- and not security definer, so it inlines into its callers' custom plans (as
-- private.ack_counts does): the filters not given fold away, and the planner walks
-- the organisation's members by name (members_org_name_id) or one store's
-- (members_org_store), whichever is cheaper. Only the security definer callers
-- below may execute it.
create function private.pending_people(
  b public.briefings, p_scope uuid[], p_store_id uuid, p_department_id uuid, p_search text,
  p_after_name text, p_after_id uuid, p_limit int)
returns setof public.members
language sql stable as $$
  select m.*
  from public.members m
  where m.org_id = b.org_id and m.active and m.store_id is not null and m.id <> b.author_id
    and (p_scope is null or m.store_id = any (p_scope))
    and (p_store_id is null or m.store_id = p_store_id)
    and (p_department_id is null or m.department_id = p_department_id)
    and (p_search is null or m.display_name ilike '%' || pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(p_search, '\', '\\'), '%', '\%'), '_', '\_') || '%'
         or pg_catalog.lower(m.employee_id) = pg_catalog.lower(p_search))
    and private.audience_includes(b.store_ids, b.department_ids, b.roles, m.store_id, m.department_id, m.role)
    and (p_after_id is null or (m.display_name, m.id) > (p_after_name, p_after_id))
    and not exists (select 1 from public.acknowledgements k
                    where k.briefing_id = b.id and k.member_id = m.id and k.version = b.version)
  order by m.display_name, m.id
  limit p_limit
$$;
comment on function private.pending_people(public.briefings, uuid[], uuid, uuid, text, text, uuid, int) is 'Active audience members of b (never its author) with a store in p_scope (null = all), optionally of one store and department and matching a name part or exact employee ID, who have not acknowledged its current version, after (p_after_name, p_after_id) by name then id, at most p_limit.';

create function private.pending_arguments(p_search text, p_after_name text, p_after_id uuid, p_limit int, p_max int) returns text
language plpgsql immutable security definer set search_path = '' as $$
begin
  if p_limit is null or p_limit < 1 or p_limit > p_max then
    raise exception using errcode = '22023', message = format('p_limit must be between 1 and %s', p_max), detail = 'invalid_limit';
  end if;
  if num_nulls(p_after_name, p_after_id) = 1 then
    raise exception using errcode = '22023', message = 'p_after_name and p_after_id go together', detail = 'invalid_cursor';
  end if;
  if char_length(p_search) > 100 then
    raise exception using errcode = '22023', message = 'p_search is at most 100 characters', detail = 'invalid_search';
  end if;
  return nullif(btrim(p_search), '');
end $$;
comment on function private.pending_arguments(text, text, uuid, int, int) is 'Checks report_pending_* paging arguments (22023 invalid_limit, invalid_cursor, invalid_search) and answers the search text trimmed, null when empty.';

create function public.report_pending_people(
  p_briefing_id uuid, p_store_id uuid default null, p_department_id uuid default null, p_search text default null,
  p_after_name text default null, p_after_id uuid default null, p_limit int default 50) returns json
-- Custom plans: whether a store is given decides which index walks the members.
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_member public.members := private.require_member();
  v_search text := private.pending_arguments(p_search, p_after_name, p_after_id, p_limit, 200);
  v_target record;
  b public.briefings;
  v_scope uuid[];
  v_people json;
  v_next json;
  v_summary json;
begin
  select t.* into v_target from private.pending_report_target(p_briefing_id, p_store_id) t;
  b := v_target.briefing;
  v_scope := v_target.scope;
  with page as (
    select p.*, row_number() over (order by p.display_name, p.id) as n
    from private.pending_people(b, v_scope, p_store_id, p_department_id, v_search, p_after_name, p_after_id, p_limit + 1) p
  )
  select coalesce(json_agg(json_build_object(
           'member_id', p.id, 'display_name', p.display_name, 'employee_id', p.employee_id,
           'store_id', p.store_id, 'store_name', s.name, 'department_name', d.name,
           'devices', (select count(*) from public.push_subscriptions ps where ps.member_id = p.id))
           order by p.n) filter (where p.n <= p_limit), '[]'::json),
         (select json_build_object('name', q.display_name, 'id', q.id) from page q
          where q.n = p_limit and exists (select 1 from page x where x.n > p_limit))
  into v_people, v_next
  from page p
  left join public.stores s on s.id = p.store_id
  left join public.departments d on d.id = p.department_id;

  -- The first page also says how many match in all, how many of them have a device
  -- with notifications on, and which stores have most still to acknowledge.
  if p_after_id is null then
    with pending as materialized (
      select p.id, p.store_id,
             (select count(*) from public.push_subscriptions ps where ps.member_id = p.id) as devices
      from private.pending_people(b, v_scope, p_store_id, p_department_id, v_search, null, null, null) p
    )
    select json_build_object(
      'pending', (select count(*) from pending),
      'people_with_devices', (select count(*) from pending where devices > 0),
      'devices', (select coalesce(sum(devices), 0) from pending),
      'stores', (select coalesce(json_agg(json_build_object('store_id', x.store_id, 'name', s.name, 'pending', x.n)
                                          order by x.n desc, s.name, x.store_id), '[]'::json)
                 from (select store_id, count(*) as n from pending group by store_id order by count(*) desc limit 20) x
                 join public.stores s on s.id = x.store_id))
    into v_summary;
  end if;

  return json_build_object(
    'briefing', json_build_object('id', b.id, 'title', b.title, 'kind', b.kind, 'version', b.version,
                                  'ack_due_at', b.ack_due_at, 'publish_at', b.publish_at),
    'people', v_people, 'next', v_next, 'summary', v_summary);
end $$;
comment on function public.report_pending_people(uuid, uuid, uuid, text, text, uuid, int) is 'Managers (their stores) and HR (all): people still to acknowledge the current version of a must-acknowledge briefing (never its author), optionally of one store and department and matching a name part or employee ID, up to p_limit (1..200) by name after the key (p_after_name, p_after_id: the previous answer''s next), each with store, department and devices with notifications; the first page adds summary {pending, people_with_devices, devices, stores: the 20 with most pending}. 42501 forbidden, unknown_briefing (also another manager''s store); 22023 invalid_limit, invalid_cursor, invalid_search.';

-- The same people as CSV rows, each text cell neutralised by private.csv_cell; a
-- table, so at most p_limit (1..1000) rows: under hosted PostgREST's max_rows. Walk
-- it with the last row's display_name and member_id until an empty page.
create function public.report_pending_csv_page(
  p_briefing_id uuid, p_store_id uuid default null, p_department_id uuid default null, p_search text default null,
  p_after_name text default null, p_after_id uuid default null, p_limit int default 1000)
returns table (member_id uuid, display_name text, person text, employee_id text, email text, store text, department text, notifications text)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_member public.members := private.require_member();
  v_search text := private.pending_arguments(p_search, p_after_name, p_after_id, p_limit, 1000);
  v_target record;
  b public.briefings;
  v_scope uuid[];
begin
  select t.* into v_target from private.pending_report_target(p_briefing_id, p_store_id) t;
  b := v_target.briefing;
  v_scope := v_target.scope;
  return query
    select p.id, p.display_name, private.csv_cell(p.display_name), private.csv_cell(p.employee_id), private.csv_cell(p.email),
           private.csv_cell(s.name), private.csv_cell(d.name),
           case when exists (select 1 from public.push_subscriptions ps where ps.member_id = p.id) then 'yes' else 'no' end
    from private.pending_people(b, v_scope, p_store_id, p_department_id, v_search, p_after_name, p_after_id, p_limit) p
    left join public.stores s on s.id = p.store_id
    left join public.departments d on d.id = p.department_id
    order by p.display_name, p.id;
end $$;
comment on function public.report_pending_csv_page(uuid, uuid, uuid, text, text, uuid, int) is 'report_pending_people''s people as CSV cells (person, employee_id, email, store, department: formula-neutralised by private.csv_cell; notifications yes/no), up to p_limit (1..1000) after (p_after_name, p_after_id) = the last row''s display_name and member_id; an empty page is the end. Same scope and errors.';

-- The store filter's choices: stores in the caller's scope whose name or code
-- matches, by name, at most 20 (HR may have 2,000).
create function public.report_stores(p_search text default null) returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_search text := nullif(btrim(p_search), '');
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can see reports', detail = 'forbidden';
  end if;
  if char_length(p_search) > 100 then
    raise exception using errcode = '22023', message = 'p_search is at most 100 characters', detail = 'invalid_search';
  end if;
  return (
    select coalesce(json_agg(json_build_object('id', x.id, 'name', x.name) order by x.name, x.id), '[]'::json)
    from (select s.id, s.name from public.stores s
          where s.org_id = v_me.org_id
            and (v_me.role in ('hr', 'admin') or s.id = any (private.store_ids_managed_by(v_me)))
            and (v_search is null or s.name ilike '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                 or lower(s.code) = lower(v_search))
          order by s.name, s.id
          limit 20) x);
end $$;
comment on function public.report_stores(text) is 'Managers (their stores) and HR (all): up to 20 stores whose name contains p_search or whose code is it, by name, as [{id, name}]. 42501 forbidden; 22023 invalid_search.';

revoke all on function private.pending_report_target(uuid, uuid),
  private.pending_people(public.briefings, uuid[], uuid, uuid, text, text, uuid, int),
  private.pending_arguments(text, text, uuid, int, int) from public, anon, authenticated;
revoke all on function public.report_pending_people(uuid, uuid, uuid, text, text, uuid, int),
  public.report_pending_csv_page(uuid, uuid, uuid, text, text, uuid, int), public.report_stores(text) from public, anon;
grant execute on function public.report_pending_people(uuid, uuid, uuid, text, text, uuid, int),
  public.report_pending_csv_page(uuid, uuid, uuid, text, text, uuid, int), public.report_stores(text) to authenticated, service_role;
