-- "A given policy" at any scale (issue 13, point 4): Reports lists briefings worst
-- first, 50 at a time, and an organisation can have hundreds in a period, so the one
-- HR asks about is found by its title instead: up to 20 must-acknowledge briefings of
-- the period that the caller may report on, newest first. Each opens its people.

create function public.report_briefings(p_search text default null, p_days int default 30) returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_search text := nullif(btrim(p_search), '');
  v_scope uuid[];
  v_tz text;
  v_today date;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can see reports', detail = 'forbidden';
  end if;
  if char_length(p_search) > 100 then
    raise exception using errcode = '22023', message = 'p_search is at most 100 characters', detail = 'invalid_search';
  end if;
  if p_days is null or p_days < 1 or p_days > 366 then
    raise exception using errcode = '22023', message = 'p_days must be between 1 and 366', detail = 'invalid_days';
  end if;
  -- Who may see which briefing: as report_pending_people (HR all; a manager theirs,
  -- those to their stores, and those to every store).
  v_scope := case when v_me.role in ('hr', 'admin') then null else private.store_ids_managed_by(v_me) end;
  select o.time_zone into v_tz from public.organizations o where o.id = v_me.org_id;
  v_today := (now() at time zone v_tz)::date;
  return (
    select coalesce(json_agg(json_build_object('id', x.id, 'title', x.title, 'kind', x.kind, 'publish_at', x.publish_at,
                                               'ack_due_at', x.ack_due_at) order by x.publish_at desc, x.id), '[]'::json)
    from (select b.id, b.title, b.kind, b.publish_at, b.ack_due_at
          from public.briefings b
          where b.org_id = v_me.org_id and private.in_compliance_window(b, v_today - (p_days - 1), v_today, v_tz)
            and (v_scope is null or b.author_id = v_me.id or b.store_ids && v_scope or cardinality(b.store_ids) = 0)
            and (v_search is null
                 or b.title ilike '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%')
          order by b.publish_at desc, b.id
          limit 20) x);
end $$;
comment on function public.report_briefings(text, int) is 'Managers and HR: up to 20 must-acknowledge, live briefings of the last p_days (1..366) days (organisation time zone) they may report on whose title contains p_search, newest first, as [{id, title, kind, publish_at, ack_due_at}]. 42501 forbidden; 22023 invalid_search, invalid_days.';

revoke all on function public.report_briefings(text, int) from public, anon;
grant execute on function public.report_briefings(text, int) to authenticated, service_role;
