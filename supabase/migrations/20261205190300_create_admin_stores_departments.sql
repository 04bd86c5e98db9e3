-- Stores and departments for the admin screens. HR and admins create and edit
-- them (admin_save_store, admin_save_department); HR, admins and managers list
-- them with their counts of active people (admin_stores, admin_departments),
-- managers only the stores they run. Every change is logged in
-- private.admin_audit in the same transaction, with the changed fields only; a
-- save that changes nothing writes nothing.

create function private.store_fields(s public.stores) returns jsonb
language sql stable set search_path = '' as $$
  select jsonb_build_object('name', s.name, 'code', s.code, 'time_zone', s.time_zone, 'region', s.region)
$$;
comment on function private.store_fields(public.stores) is 'The fields of a store the admin log compares and records.';
revoke execute on function private.store_fields(public.stores) from public, anon;

create function private.admin_store_json(s public.stores) returns jsonb
language sql stable security definer set search_path = '' as $$
  select private.store_fields(s) || jsonb_build_object(
    'id', s.id,
    'active_people', (select count(*) from public.members m where m.store_id = s.id and m.active),
    'manager_ids', coalesce((select jsonb_agg(sm.member_id order by sm.member_id) from public.store_managers sm
                             join public.members m on m.id = sm.member_id and m.active
                             where sm.store_id = s.id), '[]'))
$$;
comment on function private.admin_store_json(public.stores) is 'A store as the admin calls answer it: fields, id, active people, ids of its active managers.';
revoke execute on function private.admin_store_json(public.stores) from public, anon;

create function public.admin_save_store(p_store jsonb) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_id uuid;
  v_old public.stores;
  v_new public.stores;
  v_changes jsonb;
begin
  perform private.require_hr('manage stores');
  if p_store is null or jsonb_typeof(p_store) <> 'object' then
    perform private.invalid_argument('invalid_store', 'p_store must be a JSON object');
  end if;
  v_id := private.admin_uuid(p_store, 'id', 'unknown_store');
  if v_id is not null then
    select s.* into v_old from public.stores s where s.id = v_id and s.org_id = v_me.org_id for update;
    if v_old.id is null then
      perform private.invalid_argument('unknown_store', 'No such store in your organisation');
    end if;
    v_new := v_old;
  else
    v_new.id := gen_random_uuid();
    v_new.org_id := v_me.org_id;
    v_new.time_zone := 'UTC';
  end if;

  if v_id is null or p_store ? 'name' then
    v_new.name := private.admin_text(p_store, 'name', 200);
    if v_new.name is null then
      perform private.invalid_argument('missing_field', 'name is required');
    end if;
  end if;
  if v_id is null or p_store ? 'code' then
    v_new.code := private.admin_text(p_store, 'code', 32);
    if v_new.code is null then
      perform private.invalid_argument('missing_field', 'code is required');
    end if;
    if v_new.code !~ '^[[:alnum:]]([[:alnum:]._/-]*[[:alnum:]])?$' then
      perform private.invalid_argument('invalid_code', 'code: letters and digits, with . _ / - between them');
    end if;
    if exists (select 1 from public.stores s where s.org_id = v_me.org_id and lower(s.code) = lower(v_new.code) and s.id <> v_new.id) then
      perform private.invalid_argument('duplicate_store_code', format('Another store already has the code %s', v_new.code));
    end if;
  end if;
  if p_store ? 'time_zone' then
    v_new.time_zone := coalesce(private.admin_text(p_store, 'time_zone', 64), 'UTC');
    if not private.is_time_zone(v_new.time_zone) then
      perform private.invalid_argument('invalid_time_zone', format('Unknown time zone %L: use an IANA name such as Europe/London', v_new.time_zone));
    end if;
  end if;
  if p_store ? 'region' then
    v_new.region := private.admin_text(p_store, 'region', 120);
  end if;

  begin
    if v_id is null then
      insert into public.stores (id, org_id, name, code, time_zone, region)
      values (v_new.id, v_new.org_id, v_new.name, v_new.code, v_new.time_zone, v_new.region)
      returning * into v_new;
      perform private.admin_log(v_me, 'store_created', null, v_new.id, null, null, private.store_fields(v_new));
    else
      v_changes := private.jsonb_changes(private.store_fields(v_old), private.store_fields(v_new));
      if v_changes is not null then
        update public.stores s set name = v_new.name, code = v_new.code, time_zone = v_new.time_zone, region = v_new.region
        where s.id = v_id returning * into v_new;
        perform private.admin_log(v_me, 'store_updated', null, v_id, null, v_changes -> 'before', v_changes -> 'after');
      end if;
    end if;
  exception when unique_violation then
    -- Another save took the code between the check and the write.
    perform private.invalid_argument('duplicate_store_code', format('Another store already has the code %s', v_new.code));
  end;
  return private.admin_store_json(v_new);
end $$;
comment on function public.admin_save_store(jsonb) is 'HR/admin: creates (no id) or updates (id of a store of the organisation) a store from {id?, name, code, time_zone?, region?}; on update an absent key keeps its value. Logs the changed fields in the admin log. Answers the store as admin_stores lists it. 42501 forbidden; 22023 invalid_store, unknown_store, missing_field, invalid_type, too_long, invalid_code, duplicate_store_code, invalid_time_zone.';
revoke execute on function public.admin_save_store(jsonb) from public, anon;
grant execute on function public.admin_save_store(jsonb) to authenticated;

create function public.admin_save_department(p_department jsonb) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_id uuid;
  v_old public.departments;
  v_name text;
begin
  perform private.require_hr('manage departments');
  if p_department is null or jsonb_typeof(p_department) <> 'object' then
    perform private.invalid_argument('invalid_department', 'p_department must be a JSON object');
  end if;
  v_id := private.admin_uuid(p_department, 'id', 'unknown_department');
  if v_id is not null then
    select d.* into v_old from public.departments d where d.id = v_id and d.org_id = v_me.org_id for update;
    if v_old.id is null then
      perform private.invalid_argument('unknown_department', 'No such department in your organisation');
    end if;
  end if;
  v_name := coalesce(private.admin_text(p_department, 'name', 200), case when v_id is not null and not p_department ? 'name' then v_old.name end);
  if v_name is null then
    perform private.invalid_argument('missing_field', 'name is required');
  end if;
  -- Rosters name departments by name: one name, whatever its case, per organisation.
  -- The lock makes two saves of the same new name take turns.
  perform pg_advisory_xact_lock(hashtext('admin_department:' || v_me.org_id::text));
  if exists (select 1 from public.departments d where d.org_id = v_me.org_id and lower(d.name) = lower(v_name) and d.id is distinct from v_id) then
    perform private.invalid_argument('duplicate_department_name', format('Another department is already called %s', v_name));
  end if;
  if v_id is null then
    insert into public.departments (org_id, name) values (v_me.org_id, v_name) returning id into v_id;
    perform private.admin_log(v_me, 'department_created', null, null, v_id, null, jsonb_build_object('name', v_name));
  elsif v_old.name is distinct from v_name then
    update public.departments d set name = v_name where d.id = v_id;
    perform private.admin_log(v_me, 'department_updated', null, null, v_id,
                              jsonb_build_object('name', v_old.name), jsonb_build_object('name', v_name));
  end if;
  return jsonb_build_object('id', v_id, 'name', v_name,
                            'active_people', (select count(*) from public.members m where m.department_id = v_id and m.active));
end $$;
comment on function public.admin_save_department(jsonb) is 'HR/admin: creates (no id) or renames (id of a department of the organisation) a department from {id?, name}; names are unique per organisation, ignoring case. Logs the change. Answers {id, name, active_people}. 42501 forbidden; 22023 invalid_department, unknown_department, missing_field, invalid_type, too_long, duplicate_department_name.';
revoke execute on function public.admin_save_department(jsonb) from public, anon;
grant execute on function public.admin_save_department(jsonb) to authenticated;

create function public.admin_stores() returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_scope uuid[];
  v_hr boolean := v_me.role in ('hr', 'admin');
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only managers and HR can list stores for administration');
  end if;
  v_scope := private.store_ids_managed_by(v_me);
  return coalesce((
    select jsonb_agg(
             private.store_fields(s) || jsonb_build_object('id', s.id, 'active_people', coalesce(c.n, 0), 'manager_ids', coalesce(g.ids, '[]'))
             order by s.name, s.id)
    from public.stores s
    left join (select m.store_id, count(*) as n from public.members m
               where m.org_id = v_me.org_id and m.active and (v_hr or m.store_id = any (v_scope)) group by m.store_id) c on c.store_id = s.id
    left join (select sm.store_id, jsonb_agg(sm.member_id order by sm.member_id) as ids from public.store_managers sm
               join public.members m on m.id = sm.member_id and m.active and m.org_id = v_me.org_id
               where v_hr or sm.store_id = any (v_scope) group by sm.store_id) g on g.store_id = s.id
    -- HR's scope is every store: no array test per row (2,000 stores x 50,000 people).
    where s.org_id = v_me.org_id and (v_hr or s.id = any (v_scope))), '[]');
end $$;
comment on function public.admin_stores() is 'Managers (the stores they run), HR/admin (every store): [{id, name, code, time_zone, region, active_people, manager_ids}] by name. 42501 forbidden for staff.';
revoke execute on function public.admin_stores() from public, anon;
grant execute on function public.admin_stores() to authenticated;

create function public.admin_departments() returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_scope uuid[];
  v_hr boolean := v_me.role in ('hr', 'admin');
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only managers and HR can list departments for administration');
  end if;
  v_scope := private.store_ids_managed_by(v_me);
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name, 'active_people', coalesce(c.n, 0)) order by d.name, d.id)
    from public.departments d
    left join (select m.department_id, count(*) as n from public.members m
               where m.org_id = v_me.org_id and m.active and (v_hr or m.store_id = any (v_scope))
               group by m.department_id) c on c.department_id = d.id
    where d.org_id = v_me.org_id), '[]');
end $$;
comment on function public.admin_departments() is 'Managers and HR/admin: every department of the organisation [{id, name, active_people}] by name; a manager''s counts cover only the stores they run. 42501 forbidden for staff.';
revoke execute on function public.admin_departments() from public, anon;
grant execute on function public.admin_departments() to authenticated;
