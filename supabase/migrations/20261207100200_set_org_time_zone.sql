-- The organisation's time zone as a setting (issue 13, point 4): Reports count days in
-- organizations.time_zone (20261206130400), and until now nothing but SQL could change
-- it. HR and admins read it with admin_organization and change it with
-- admin_set_org_time_zone: an IANA name Postgres knows (22023 invalid_time_zone, the
-- store form's rule and code), written to the admin log as org_time_zone_changed
-- (before and after) in the same transaction. The organisations trigger recounts the
-- acknowledgement tallies in the new zone's days. Managers and staff are refused
-- (42501 forbidden); only the caller's own organisation can be named, as it is the
-- caller's membership that says which one.

-- The action list is extended from what it is now rather than restated (as
-- 20261206120000 does), so actions other migrations add are kept in either order.
do $$
declare
  v_def text;
begin
  select pg_get_constraintdef(c.oid) into v_def
  from pg_constraint c
  where c.conrelid = 'private.admin_audit'::regclass and c.conname = 'admin_audit_action_check';
  if v_def is null or position('ARRAY[' in v_def) = 0 then
    raise exception 'admin_audit_action_check is not the expected action list: %', v_def;
  end if;
  if position('''org_time_zone_changed''' in v_def) = 0 then
    execute 'alter table private.admin_audit drop constraint admin_audit_action_check';
    execute 'alter table private.admin_audit add constraint admin_audit_action_check '
      || replace(v_def, 'ARRAY[', 'ARRAY[''org_time_zone_changed''::text, ');
  end if;
end $$;

create function public.admin_organization() returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
begin
  if v_me.role not in ('hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only HR and admins can see the organisation''s settings');
  end if;
  return (select json_build_object('id', o.id, 'name', o.name, 'time_zone', o.time_zone)
          from public.organizations o where o.id = v_me.org_id);
end $$;
comment on function public.admin_organization() is 'HR and admins: the caller''s organisation {id, name, time_zone}. 42501 forbidden.';

create function public.admin_set_org_time_zone(p_time_zone text) returns json
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_zone text := btrim(p_time_zone);
  v_old text;
begin
  if v_me.role not in ('hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only HR and admins can change the organisation''s time zone');
  end if;
  if not coalesce(private.is_time_zone(v_zone), false) then
    perform private.invalid_argument('invalid_time_zone',
      format('Unknown time zone %L: use an IANA name such as Europe/London or America/New_York', p_time_zone));
  end if;
  select o.time_zone into v_old from public.organizations o where o.id = v_me.org_id for update;
  if v_old is distinct from v_zone then
    update public.organizations set time_zone = v_zone where id = v_me.org_id;
    perform private.admin_log(v_me, 'org_time_zone_changed', null, null, null,
                              jsonb_build_object('time_zone', v_old), jsonb_build_object('time_zone', v_zone));
  end if;
  return (select json_build_object('id', o.id, 'name', o.name, 'time_zone', o.time_zone)
          from public.organizations o where o.id = v_me.org_id);
end $$;
comment on function public.admin_set_org_time_zone(text) is 'HR and admins: sets the caller''s organisation''s time zone (the days Reports count), logged as org_time_zone_changed; the same zone again changes and logs nothing. Answers {id, name, time_zone}. 42501 forbidden; 22023 invalid_time_zone.';

revoke all on function public.admin_organization(), public.admin_set_org_time_zone(text) from public, anon;
grant execute on function public.admin_organization(), public.admin_set_org_time_zone(text) to authenticated, service_role;
