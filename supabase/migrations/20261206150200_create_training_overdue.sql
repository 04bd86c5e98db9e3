-- Who is overdue on a required lesson (issue 13, point 6), for the training
-- report: the active members in the caller's scope (a manager's stores; HR
-- and admins the whole organisation) to whom a requirement of a live lesson
-- applies (in both the requirement's and the lesson's audience), whose
-- earliest due date has passed in their store's time zone (UTC for
-- people without a store), and who have not passed the
-- lesson on any version. Paged by (name, member id, lesson id).

create function public.training_overdue(
  p_after_name text default null, p_after_member_id uuid default null, p_after_lesson_id uuid default null,
  p_limit int default 50) returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_all boolean;
  v_scope uuid[];
  v_tz text;
  v_result json;
begin
  if not v_me.active or v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can see the training report', detail = 'forbidden';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 100 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 100', detail = 'invalid_limit';
  end if;
  if ((p_after_name is null) <> (p_after_member_id is null)) or ((p_after_name is null) <> (p_after_lesson_id is null)) then
    raise exception using errcode = '22023', message = 'p_after_name, p_after_member_id and p_after_lesson_id go together', detail = 'invalid_cursor';
  end if;
  v_all := v_me.role in ('hr', 'admin');
  v_scope := private.store_ids_managed_by(v_me);
  v_tz := 'UTC';

  with req as materialized (
    select r.lesson_id, r.due_on, r.store_ids, r.department_ids, r.roles,
           l.title, l.store_ids as l_store_ids, l.department_ids as l_department_ids, l.roles as l_roles
    from public.lesson_requirements r
    join public.lessons l on l.id = r.lesson_id and l.archived_at is null
    where r.org_id = v_me.org_id
      and (v_all or cardinality(r.store_ids) = 0 or r.store_ids && v_scope)
  ),
  due as materialized (
    select m.id as member_id, m.display_name, m.store_id, r.lesson_id, r.title, min(r.due_on) as due_on
    from req r
    join public.members m
      on m.org_id = v_me.org_id and m.active
     and (v_all or m.store_id = any (v_scope))
     and private.audience_includes(r.store_ids, r.department_ids, r.roles, m.store_id, m.department_id, m.role)
     and private.audience_includes(r.l_store_ids, r.l_department_ids, r.l_roles, m.store_id, m.department_id, m.role)
    group by m.id, m.display_name, m.store_id, r.lesson_id, r.title
  ),
  overdue as materialized (
    select d.member_id, d.display_name, d.store_id, s.name as store_name, d.lesson_id, d.title, d.due_on,
           (now() at time zone coalesce(s.time_zone, v_tz))::date - d.due_on as days_overdue
    from due d
    left join public.stores s on s.id = d.store_id
    where d.due_on < (now() at time zone coalesce(s.time_zone, v_tz))::date
      and not exists (select 1 from public.lesson_attempts a
                      where a.member_id = d.member_id and a.lesson_id = d.lesson_id and a.passed)
  ),
  page as (
    select o.* from overdue o
    where p_after_name is null or (o.display_name, o.member_id, o.lesson_id) > (p_after_name, p_after_member_id, p_after_lesson_id)
    order by o.display_name, o.member_id, o.lesson_id
    limit p_limit + 1
  ),
  numbered as (
    select p.*, row_number() over (order by p.display_name, p.member_id, p.lesson_id) as n from page p
  )
  select json_build_object(
    'total', (select count(*) from overdue),
    'next', (select json_build_object('name', x.display_name, 'member_id', x.member_id, 'lesson_id', x.lesson_id)
             from numbered x where x.n = p_limit and exists (select 1 from numbered y where y.n = p_limit + 1)),
    'people', coalesce((select json_agg(json_build_object(
                          'member_id', x.member_id, 'display_name', x.display_name,
                          'store_id', x.store_id, 'store_name', x.store_name,
                          'lesson_id', x.lesson_id, 'lesson_title', x.title,
                          'due_on', x.due_on, 'days_overdue', x.days_overdue) order by x.n)
                        from numbered x where x.n <= p_limit), '[]'::json))
  into v_result;
  return v_result;
end $$;
comment on function public.training_overdue(text, uuid, uuid, int) is 'Managers (their stores) and HR (the organisation): people past the due date of a required lesson they have not passed, up to p_limit (1..100) by (name, member id, lesson id) after the given key; total counts them all; next is the key of the following page, null on the last. 42501 forbidden (staff); 22023 invalid_limit, invalid_cursor.';
revoke all on function public.training_overdue(text, uuid, uuid, int) from public, anon;
grant execute on function public.training_overdue(text, uuid, uuid, int) to authenticated;
