-- The department filter of the "still to acknowledge" list (issue 13, point 4): the
-- organisation's departments for a manager or HR, without compose_directory's stores
-- and audience groups (for HR of 2,000 stores, far more than a list of names).

create function public.report_departments() returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can see reports', detail = 'forbidden';
  end if;
  return (select coalesce(json_agg(json_build_object('id', d.id, 'name', d.name) order by d.name, d.id), '[]'::json)
          from public.departments d where d.org_id = v_me.org_id);
end $$;
comment on function public.report_departments() is 'Managers and HR: the organisation''s departments as [{id, name}] by name, for report filters. 42501 forbidden.';

revoke all on function public.report_departments() from public, anon;
grant execute on function public.report_departments() to authenticated, service_role;
