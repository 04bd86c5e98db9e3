-- People for the admin screens: admin_save_person (create or edit),
-- admin_set_person_active (leave and come back) and admin_people (search,
-- filters, keyset pages). Checked here, whatever the client sends:
--   HR and admins: anyone of their organisation, any role, except changing
--     their own role or deactivating themselves (so an organisation cannot lose
--     its last HR by a slip);
--   managers: only staff of the stores they run (private.store_ids_managed_by),
--     only as staff, only into those stores; never a manager, HR or admin,
--     themselves included, and never the stores someone runs;
--   staff and everyone else: nothing (42501).
-- Every change is logged in private.admin_audit in the same transaction with the
-- changed fields only; a save that changes nothing writes nothing, so saving the
-- same person twice (a roster imported twice) leaves no trace.

create function private.person_fields(m public.members) returns jsonb
language sql stable security definer set search_path = '' as $$
  select jsonb_build_object(
    'display_name', m.display_name, 'employee_id', m.employee_id, 'email', m.email, 'phone', m.phone,
    'role', m.role, 'locale', m.locale,
    'store_id', m.store_id, 'store_code', (select s.code from public.stores s where s.id = m.store_id),
    'department_id', m.department_id, 'department_name', (select d.name from public.departments d where d.id = m.department_id),
    'managed_store_ids', coalesce((select jsonb_agg(sm.store_id order by sm.store_id) from public.store_managers sm where sm.member_id = m.id), '[]'),
    'managed_store_codes', coalesce((select jsonb_agg(s.code order by sm.store_id) from public.store_managers sm
                                     join public.stores s on s.id = sm.store_id where sm.member_id = m.id), '[]'))
$$;
comment on function private.person_fields(public.members) is 'The fields of a person the admin log compares and records (ids with their store codes and department names, for reading).';
revoke execute on function private.person_fields(public.members) from public, anon;

create function private.admin_person_json(m public.members) returns jsonb
language sql stable security definer set search_path = '' as $$
  select jsonb_build_object(
    'id', m.id, 'display_name', m.display_name, 'employee_id', m.employee_id, 'email', m.email, 'phone', m.phone,
    'role', m.role, 'locale', m.locale, 'active', m.active, 'has_login', m.user_id is not null,
    'store_id', m.store_id, 'store_name', s.name, 'store_code', s.code,
    'department_id', m.department_id, 'department_name', d.name,
    'managed_store_ids', coalesce((select jsonb_agg(sm.store_id order by sm.store_id) from public.store_managers sm where sm.member_id = m.id), '[]'),
    'updated_at', m.updated_at)
  from (select 1) one
  left join public.stores s on s.id = m.store_id
  left join public.departments d on d.id = m.department_id
$$;
comment on function private.admin_person_json(public.members) is 'A person as the admin calls answer it; has_login says whether they have activated (a user is linked). Never the user id.';
revoke execute on function private.admin_person_json(public.members) from public, anon;

-- A manager may act on a person only when they are staff of a store the manager runs.
create function private.require_manages_person(p_me public.members, p_scope uuid[], p_person public.members) returns void
language plpgsql stable set search_path = '' as $$
begin
  if p_me.role in ('hr', 'admin') then
    return;
  end if;
  if p_person.role <> 'staff' or p_person.store_id is null or not (p_person.store_id = any (p_scope)) then
    perform private.admin_forbidden('person_not_managed', 'Managers can change only staff of the stores they run');
  end if;
end $$;
comment on function private.require_manages_person(public.members, uuid[], public.members) is 'HR/admin pass; a manager passes only for staff of a store they run (42501 person_not_managed).';
revoke execute on function private.require_manages_person(public.members, uuid[], public.members) from public, anon;

create function public.admin_save_person(p_person jsonb) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_hr boolean := v_me.role in ('hr', 'admin');
  v_scope uuid[];
  v_id uuid;
  v_old public.members;
  v_new public.members;
  v_old_fields jsonb;
  v_managed uuid[];
  v_item jsonb;
  v_changes jsonb;
  v_constraint text;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only managers and HR can manage people');
  end if;
  if p_person is null or jsonb_typeof(p_person) <> 'object' then
    perform private.invalid_argument('invalid_person', 'p_person must be a JSON object');
  end if;
  -- Only a manager's stores limit them; HR's scope (every store, sorted) is never read, so it is not built.
  if not v_hr then
    v_scope := private.store_ids_managed_by(v_me);
  end if;

  v_id := private.admin_uuid(p_person, 'id', 'unknown_person');
  if v_id is not null then
    select m.* into v_old from public.members m where m.id = v_id and m.org_id = v_me.org_id for update;
    if v_old.id is null then
      perform private.invalid_argument('unknown_person', 'No such person in your organisation');
    end if;
    perform private.require_manages_person(v_me, v_scope, v_old);
    v_old_fields := private.person_fields(v_old);
    v_new := v_old;
  else
    v_new.id := gen_random_uuid();
    v_new.org_id := v_me.org_id;
    v_new.role := 'staff';
    v_new.locale := 'en';
    v_new.active := true;
  end if;

  if v_id is null or p_person ? 'display_name' then
    v_new.display_name := private.admin_text(p_person, 'display_name', 120);
    if v_new.display_name is null then
      perform private.invalid_argument('missing_field', 'display_name is required');
    end if;
  end if;
  if v_id is null or p_person ? 'employee_id' then
    v_new.employee_id := private.admin_text(p_person, 'employee_id', 32);
    if v_new.employee_id is null then
      perform private.invalid_argument('missing_field', 'employee_id is required');
    end if;
    if v_new.employee_id !~ '^[[:alnum:]]([[:alnum:]._/-]*[[:alnum:]])?$' then
      perform private.invalid_argument('invalid_employee_id', 'employee_id: letters and digits, with . _ / - between them');
    end if;
    if exists (select 1 from public.members m where m.org_id = v_me.org_id and lower(m.employee_id) = lower(v_new.employee_id) and m.id <> v_new.id) then
      perform private.invalid_argument('duplicate_employee_id', format('Another person already has the employee ID %s', v_new.employee_id));
    end if;
  end if;
  if p_person ? 'email' then
    v_new.email := private.admin_text(p_person, 'email', 254);
    if v_new.email is not null and v_new.email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' then
      perform private.invalid_argument('invalid_email', 'email is not an email address');
    end if;
    if v_new.email is not null
       and exists (select 1 from public.members m where m.org_id = v_me.org_id and lower(m.email) = lower(v_new.email) and m.id <> v_new.id) then
      perform private.invalid_argument('duplicate_email', 'Another person already has this email');
    end if;
  end if;
  if p_person ? 'phone' then
    v_new.phone := private.admin_text(p_person, 'phone', 32);
    if v_new.phone is not null and v_new.phone !~ '^\+?[0-9][0-9 ]*[0-9]$' then
      perform private.invalid_argument('invalid_phone', 'phone: an optional + then digits and spaces');
    end if;
  end if;
  if p_person ? 'locale' then
    v_new.locale := coalesce(private.admin_text(p_person, 'locale', 8), 'en');
    if v_new.locale not in ('en', 'es') then
      perform private.invalid_argument('invalid_locale', 'locale must be en or es');
    end if;
  end if;
  if p_person ? 'role' then
    v_new.role := private.admin_text(p_person, 'role', 16);
    if v_new.role is null or v_new.role not in ('staff', 'manager', 'hr', 'admin') then
      perform private.invalid_argument('invalid_role', 'role must be staff, manager, hr or admin');
    end if;
  end if;
  if p_person ? 'store_id' then
    v_new.store_id := private.admin_uuid(p_person, 'store_id', 'unknown_store');
    if v_new.store_id is not null and not exists (select 1 from public.stores s where s.id = v_new.store_id and s.org_id = v_me.org_id) then
      perform private.invalid_argument('unknown_store', 'No such store in your organisation');
    end if;
  end if;
  if p_person ? 'department_id' then
    v_new.department_id := private.admin_uuid(p_person, 'department_id', 'unknown_department');
    if v_new.department_id is not null
       and not exists (select 1 from public.departments d where d.id = v_new.department_id and d.org_id = v_me.org_id) then
      perform private.invalid_argument('unknown_department', 'No such department in your organisation');
    end if;
  end if;
  if p_person ? 'managed_store_ids' and jsonb_typeof(p_person -> 'managed_store_ids') <> 'null' then
    if jsonb_typeof(p_person -> 'managed_store_ids') <> 'array' or jsonb_array_length(p_person -> 'managed_store_ids') > 5000 then
      perform private.invalid_argument('invalid_type', 'managed_store_ids must be an array of store ids');
    end if;
    v_managed := '{}';
    for v_item in select value from jsonb_array_elements(p_person -> 'managed_store_ids') loop
      v_managed := v_managed || private.admin_uuid(jsonb_build_object('store', v_item), 'store', 'unknown_store');
    end loop;
    if exists (select 1 from unnest(v_managed) x where x is null
                  or not exists (select 1 from public.stores s where s.id = x and s.org_id = v_me.org_id)) then
      perform private.invalid_argument('unknown_store', 'managed_store_ids names a store not in your organisation');
    end if;
    v_managed := array(select distinct x from unnest(v_managed) x order by x);
  end if;

  -- Who may make this change.
  if not v_hr then
    if v_new.role <> 'staff' then
      perform private.admin_forbidden('role_not_allowed', 'Managers can add and change staff only');
    end if;
    if v_managed is not null and cardinality(v_managed) > 0 then
      perform private.admin_forbidden('role_not_allowed', 'Only HR decides which stores a manager runs');
    end if;
    if v_new.store_id is null or not (v_new.store_id = any (v_scope)) then
      perform private.admin_forbidden('store_not_managed', 'Managers can place people only in the stores they run');
    end if;
  elsif v_id = v_me.id and v_new.role <> v_old.role then
    perform private.admin_forbidden('cannot_change_self', 'You cannot change your own role');
  end if;
  if v_new.role <> 'manager' then
    v_managed := '{}';
  elsif v_managed is null and (v_id is null or not exists (select 1 from public.store_managers sm where sm.member_id = v_id)) then
    -- A new manager runs their own store unless told otherwise.
    v_managed := case when v_new.store_id is null then '{}' else array[v_new.store_id] end;
  end if;

  begin
    if v_id is null then
      insert into public.members (id, org_id, store_id, department_id, role, display_name, email, locale, active, employee_id, phone)
      values (v_new.id, v_new.org_id, v_new.store_id, v_new.department_id, v_new.role, v_new.display_name, v_new.email,
              v_new.locale, true, v_new.employee_id, v_new.phone)
      returning * into v_new;
    else
      update public.members m
      set display_name = v_new.display_name, employee_id = v_new.employee_id, email = v_new.email, phone = v_new.phone,
          role = v_new.role, locale = v_new.locale, store_id = v_new.store_id, department_id = v_new.department_id
      where m.id = v_id
        and (m.display_name, m.employee_id, m.email, m.phone, m.role, m.locale, m.store_id, m.department_id)
            is distinct from (v_new.display_name, v_new.employee_id, v_new.email, v_new.phone, v_new.role, v_new.locale, v_new.store_id, v_new.department_id)
      returning * into v_new;
      if not found then
        select m.* into v_new from public.members m where m.id = v_id;
      end if;
    end if;
  exception when unique_violation then
    -- Another save took the ID or email between the check and the write.
    get stacked diagnostics v_constraint = constraint_name;
    perform private.invalid_argument(case when v_constraint = 'members_org_email_key' then 'duplicate_email' else 'duplicate_employee_id' end,
                                     'Another person already has this employee ID or email');
  end;
  if v_managed is not null then
    delete from public.store_managers sm where sm.member_id = v_new.id and not (sm.store_id = any (v_managed));
    insert into public.store_managers (store_id, member_id)
    select x, v_new.id from unnest(v_managed) x on conflict do nothing;
  end if;

  if v_id is null then
    perform private.admin_log(v_me, 'person_created', v_new.id, null, null, null,
                              jsonb_strip_nulls(private.person_fields(v_new)));
  else
    v_changes := private.jsonb_changes(v_old_fields, private.person_fields(v_new));
    if v_changes is not null then
      perform private.admin_log(v_me, 'person_updated', v_new.id, null, null, v_changes -> 'before', v_changes -> 'after');
    end if;
  end if;
  return private.admin_person_json(v_new);
end $$;
comment on function public.admin_save_person(jsonb) is 'Creates (no id) or updates a person from {id?, display_name, employee_id, email?, phone?, store_id?, department_id?, role?, locale?, managed_store_ids?}; on update an absent key keeps its value, null clears an optional one. HR/admin: anyone of the organisation, any role (not their own role); managers: staff of the stores they run, as staff, into those stores. A new person has no login until activation. Logs the changed fields. Answers the person as admin_people lists them. 42501 forbidden, person_not_managed, role_not_allowed, store_not_managed, cannot_change_self; 22023 invalid_person, unknown_person, missing_field, invalid_type, too_long, invalid_employee_id, duplicate_employee_id, invalid_email, duplicate_email, invalid_phone, invalid_locale, invalid_role, unknown_store, unknown_department.';
revoke execute on function public.admin_save_person(jsonb) from public, anon;
grant execute on function public.admin_save_person(jsonb) to authenticated;

create function public.admin_set_person_active(p_member_id uuid, p_active boolean, p_reason text default null) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_person public.members;
  v_reason text;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only managers and HR can deactivate people');
  end if;
  if p_active is null then
    perform private.invalid_argument('missing_field', 'p_active is required');
  end if;
  v_reason := nullif(btrim(p_reason), '');
  if char_length(v_reason) > 500 then
    perform private.invalid_argument('too_long', format('p_reason must be at most 500 characters (got %s)', char_length(v_reason)));
  end if;
  select m.* into v_person from public.members m where m.id = p_member_id and m.org_id = v_me.org_id for update;
  if v_person.id is null then
    perform private.invalid_argument('unknown_person', 'No such person in your organisation');
  end if;
  perform private.require_manages_person(v_me, private.store_ids_managed_by(v_me), v_person);
  if v_person.id = v_me.id then
    perform private.admin_forbidden('cannot_change_self', 'You cannot deactivate yourself');
  end if;
  if v_person.active is distinct from p_active then
    -- Acknowledgements and every other fact stay; the members triggers drop push
    -- subscriptions and record the old audience, so phones start over.
    update public.members m set active = p_active where m.id = v_person.id returning * into v_person;
    perform private.admin_log(v_me, case when p_active then 'person_reactivated' else 'person_deactivated' end,
                              v_person.id, null, null, jsonb_build_object('active', not p_active), jsonb_build_object('active', p_active), v_reason);
  end if;
  return private.admin_person_json(v_person);
end $$;
comment on function public.admin_set_person_active(uuid, boolean, text) is 'Deactivates (p_active false) or reactivates a person, with an optional reason (at most 500 characters) kept in the admin log; their acknowledgements and other facts stay. HR/admin: anyone of the organisation but themselves; managers: staff of the stores they run. No change, no log row. Answers the person. 42501 forbidden, person_not_managed, cannot_change_self; 22023 missing_field, too_long, unknown_person.';
revoke execute on function public.admin_set_person_active(uuid, boolean, text) from public, anon;
grant execute on function public.admin_set_person_active(uuid, boolean, text) to authenticated;

create function public.admin_people(
  p_query text default null, p_store_id uuid default null, p_department_id uuid default null,
  p_role text default null, p_status text default null, p_after jsonb default null, p_limit int default 50
) returns jsonb
-- Custom plans: an absent filter folds away and the search pattern is a constant
-- the trigram index can use.
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_me public.members := private.require_member();
  v_hr boolean := v_me.role in ('hr', 'admin');
  v_scope uuid[];
  v_query text := nullif(btrim(p_query), '');
  v_pattern text;
  v_after_name text;
  v_after_id uuid;
  v_rows public.members[];
  v_more boolean;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only managers and HR can list people');
  end if;
  v_scope := private.store_ids_managed_by(v_me);
  if p_limit is null or p_limit < 1 or p_limit > 200 then
    perform private.invalid_argument('invalid_limit', 'p_limit must be between 1 and 200');
  end if;
  if char_length(v_query) > 200 then
    perform private.invalid_argument('too_long', 'p_query must be at most 200 characters');
  end if;
  if p_role is not null and p_role not in ('staff', 'manager', 'hr', 'admin') then
    perform private.invalid_argument('invalid_role', 'p_role must be staff, manager, hr or admin');
  end if;
  if p_status is not null and p_status not in ('active', 'inactive', 'not_activated') then
    perform private.invalid_argument('invalid_status', 'p_status must be active, inactive or not_activated');
  end if;
  if p_store_id is not null and not v_hr and not (p_store_id = any (v_scope)) then
    perform private.admin_forbidden('store_not_managed', 'Managers can list only the stores they run');
  end if;
  if p_after is not null then
    if jsonb_typeof(p_after) <> 'object' or jsonb_typeof(p_after -> 'display_name') <> 'string' then
      perform private.invalid_argument('invalid_cursor', 'p_after must be the previous page''s next');
    end if;
    v_after_name := p_after ->> 'display_name';
    v_after_id := private.admin_uuid(p_after, 'id', 'invalid_cursor');
    if v_after_id is null then
      perform private.invalid_argument('invalid_cursor', 'p_after must be the previous page''s next');
    end if;
  end if;
  if v_query is not null then
    v_pattern := '%' || replace(replace(replace(lower(v_query), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  end if;

  v_rows := array(
    select m from public.members m
    where m.org_id = v_me.org_id
      and (v_hr or m.store_id = any (v_scope))
      and (p_store_id is null or m.store_id = p_store_id)
      and (p_department_id is null or m.department_id = p_department_id)
      and (p_role is null or m.role = p_role)
      and (p_status is null
           or (p_status = 'active' and m.active)
           or (p_status = 'inactive' and not m.active)
           or (p_status = 'not_activated' and m.active and m.user_id is null))
      and (v_pattern is null
           or lower(m.display_name || ' ' || coalesce(m.employee_id, '') || ' ' || coalesce(m.email, '')) like v_pattern)
      and (v_after_id is null or (m.display_name, m.id) > (v_after_name, v_after_id))
    order by m.display_name, m.id
    limit p_limit + 1);
  v_more := cardinality(v_rows) > p_limit;
  if v_more then
    v_rows := v_rows[1:p_limit];
  end if;
  return jsonb_build_object(
    'people', coalesce((select jsonb_agg(private.admin_person_json(v_rows[i]) order by i) from generate_subscripts(v_rows, 1) i), '[]'),
    'next', case when v_more then jsonb_build_object('display_name', v_rows[p_limit].display_name, 'id', v_rows[p_limit].id) end);
end $$;
comment on function public.admin_people(text, uuid, uuid, text, text, jsonb, int) is 'Managers (people of the stores they run) and HR/admin (the organisation): people by name, filtered by p_query (any part of name, employee ID or email, ignoring case), store, department, role and p_status (active, inactive, not_activated = active without a login; null = all), p_limit (1..200) at a time: {people, next}; pass next as p_after for the following page, null at the end. One JSON value, so hosted PostgREST''s max_rows never cuts it. 42501 forbidden, store_not_managed; 22023 invalid_limit, too_long, invalid_role, invalid_status, invalid_cursor.';
revoke execute on function public.admin_people(text, uuid, uuid, text, text, jsonb, int) from public, anon;
grant execute on function public.admin_people(text, uuid, uuid, text, text, jsonb, int) to authenticated;
