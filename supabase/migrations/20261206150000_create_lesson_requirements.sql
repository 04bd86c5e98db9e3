-- Required lessons (issue 13, point 6): HR or a manager makes a lesson
-- required by a date for an audience. HR may name any stores, departments and
-- roles of the organisation (none = everyone); a manager only stores they run,
-- and at least one, so a manager can never require a lesson of the whole
-- organisation. Writes go through require_lesson only (no insert grant); the
-- table is readable by HR, by managers for requirements naming their stores,
-- and by the people a requirement applies to.
--
-- Phones learn of a requirement with the lesson itself: sync_pull's lesson
-- rows carry required_by (the earliest date among the requirements that apply
-- to the caller), and require_lesson touches the lesson so its sync_seq moves
-- and every phone holding it pulls it again.

create table public.lesson_requirements (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id),
  lesson_id uuid not null references public.lessons (id),
  due_on date not null,
  store_ids uuid[] not null default '{}',
  department_ids uuid[] not null default '{}',
  roles text[] not null default '{}',
  set_by uuid not null references public.members (id),
  created_at timestamptz not null default now()
);
comment on table public.lesson_requirements is 'A lesson required by due_on (a calendar date in each store''s time zone) of the members in the audience (store_ids, department_ids, roles; empty = any) who are also in the lesson''s own audience. Written by require_lesson.';
create index lesson_requirements_lesson on public.lesson_requirements (lesson_id);
create index lesson_requirements_org on public.lesson_requirements (org_id, due_on);
create index lesson_requirements_set_by on public.lesson_requirements (set_by);
alter table public.lesson_requirements enable row level security;

create policy "hr all; managers requirements naming their stores; members those that apply to them" on public.lesson_requirements
  for select to authenticated using (
    org_id = (select private.my_org_id())
    and ((select private.is_hr())
         or store_ids && (select private.managed_store_ids())::uuid[]
         or private.audience_includes(store_ids, department_ids, roles,
              (select private.my_store_id()), (select private.my_department_id()), (select private.my_role())))
  );

revoke all on public.lesson_requirements from public, anon, authenticated;
grant select on public.lesson_requirements to authenticated;

create function public.require_lesson(
  p_lesson_id uuid, p_due_on date,
  p_store_ids uuid[] default '{}', p_department_ids uuid[] default '{}', p_roles text[] default '{}'
) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_scope uuid[];
  v_store_ids uuid[];
  v_department_ids uuid[];
  v_roles text[];
  v_today date;
  v_row public.lesson_requirements;
begin
  if not v_me.active or v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can make a lesson required', detail = 'forbidden';
  end if;
  if p_lesson_id is null or p_due_on is null then
    perform private.invalid_argument('invalid_type', 'lesson and date are required');
  end if;
  if array_position(coalesce(p_store_ids, '{}'), null) is not null
     or array_position(coalesce(p_department_ids, '{}'), null) is not null
     or array_position(coalesce(p_roles, '{}'), null) is not null then
    perform private.invalid_argument('invalid_type', 'store_ids, department_ids and roles must not contain null');
  end if;
  v_store_ids := array(select distinct x from unnest(coalesce(p_store_ids, '{}')) x order by 1);
  v_department_ids := array(select distinct x from unnest(coalesce(p_department_ids, '{}')) x order by 1);
  v_roles := array(select distinct x from unnest(coalesce(p_roles, '{}')) x order by 1);

  if not exists (select 1 from public.lessons l where l.id = p_lesson_id and l.org_id = v_me.org_id and l.archived_at is null) then
    perform private.invalid_argument('unknown_lesson', 'No live lesson of your organisation has this id');
  end if;
  v_scope := private.store_ids_managed_by(v_me);
  if v_me.role = 'manager' then
    -- Stores a manager does not run are refused as forbidden, not merely unknown.
    if cardinality(v_store_ids) = 0 or not (v_store_ids <@ v_scope) then
      raise exception using errcode = '42501', message = 'Managers can require a lesson only of stores they run', detail = 'not_your_store';
    end if;
  elsif exists (select 1 from unnest(v_store_ids) x where not exists (select 1 from public.stores s where s.id = x and s.org_id = v_me.org_id)) then
    perform private.invalid_argument('unknown_store', 'store_ids names a store outside your organisation');
  end if;
  if exists (select 1 from unnest(v_department_ids) x
             where not exists (select 1 from public.departments d where d.id = x and d.org_id = v_me.org_id)) then
    perform private.invalid_argument('unknown_department', 'department_ids names a department outside your organisation');
  end if;
  if not (v_roles <@ array['staff', 'manager', 'hr', 'admin']) then
    perform private.invalid_argument('invalid_roles', 'roles must be a list of staff, manager, hr, admin');
  end if;
  -- Past dates are refused in the caller's store's time zone (UTC without one); a date years away is a typo.
  v_today := (now() at time zone coalesce((select s.time_zone from public.stores s where s.id = v_me.store_id), 'UTC'))::date;
  if p_due_on < v_today or p_due_on > v_today + 730 then
    perform private.invalid_argument('invalid_due_date', 'The date must be between today and two years from now');
  end if;

  insert into public.lesson_requirements (org_id, lesson_id, due_on, store_ids, department_ids, roles, set_by)
  values (v_me.org_id, p_lesson_id, p_due_on, v_store_ids, v_department_ids, v_roles, v_me.id)
  returning * into v_row;
  -- A new sync_seq for the lesson: phones pull it again, now with required_by.
  update public.lessons set updated_at = now() where id = p_lesson_id;

  return json_build_object('id', v_row.id, 'lesson_id', v_row.lesson_id, 'due_on', v_row.due_on,
                           'store_ids', to_json(v_row.store_ids), 'department_ids', to_json(v_row.department_ids),
                           'roles', to_json(v_row.roles));
end $$;
comment on function public.require_lesson(uuid, date, uuid[], uuid[], text[]) is 'HR (any audience of the organisation) or a manager (only stores they run, at least one): the lesson is required by p_due_on (today .. two years) of its audience. 42501 forbidden (staff), not_your_store; 22023 unknown_lesson, unknown_store, unknown_department, invalid_roles, invalid_due_date.';
revoke all on function public.require_lesson(uuid, date, uuid[], uuid[], text[]) from public, anon;
grant execute on function public.require_lesson(uuid, date, uuid[], uuid[], text[]) to authenticated;
