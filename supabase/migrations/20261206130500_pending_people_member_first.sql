-- A closed account is told so before anything else (issue 13, point 4): report_pending_people
-- and report_pending_csv_page checked their paging arguments first, so a deactivated member
-- calling with a bad limit got 22023 instead of 42501 member_inactive, the phone's cue to say
-- the account was closed. Now the caller is checked first; nothing else changes.

create or replace function public.report_pending_people(
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

create or replace function public.report_pending_csv_page(
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
