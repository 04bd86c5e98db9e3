-- Reports keep their filters in the address (issue 13, point 4): a reloaded or shared
-- /reports?store=<id> must name its store, and a store the caller does not report on
-- (another manager's, another organisation's, or no store at all) must read as no
-- store, so the screen falls back to all of them. report_stores gains p_id: that one
-- store when it is in the caller's scope, else nothing. Same scope and search as before.

drop function public.report_stores(text);

create function public.report_stores(p_search text default null, p_id uuid default null) returns json
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
            and (p_id is null or s.id = p_id)
            and (v_search is null or s.name ilike '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                 or lower(s.code) = lower(v_search))
          order by s.name, s.id
          limit 20) x);
end $$;
comment on function public.report_stores(text, uuid) is 'Managers (their stores) and HR (all): up to 20 stores whose name contains p_search or whose code is it, or the one store p_id, by name, as [{id, name}]; a store out of scope is not answered. 42501 forbidden; 22023 invalid_search.';

revoke all on function public.report_stores(text, uuid) from public, anon;
grant execute on function public.report_stores(text, uuid) to authenticated, service_role;
