-- HR reads the admin log (private.admin_audit) newest first, in keyset pages:
-- admin_audit_log for the screen (one JSON value: {entries, next}) and
-- admin_audit_export_page for the CSV file, whose rows are the file's columns
-- with every text cell formula-neutralised by private.csv_cell (the client
-- writes the file page by page, as with audit_export_page). Both take the same
-- filters: {member_id?, store_id?, department_id?, actor_member_id?, action?,
-- from?, to?} (times ISO, [from, to)).

create function private.admin_audit_filtered(p_org uuid, p_filters jsonb, p_after_at timestamptz, p_after_id bigint, p_limit int)
returns setof private.admin_audit
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_member uuid;
  v_store uuid;
  v_department uuid;
  v_actor uuid;
  v_action text;
  v_from timestamptz;
  v_to timestamptz;
begin
  if p_filters is not null and jsonb_typeof(p_filters) <> 'object' then
    perform private.invalid_argument('invalid_filters', 'p_filters must be a JSON object');
  end if;
  v_member := private.admin_uuid(p_filters, 'member_id', 'invalid_filters');
  v_store := private.admin_uuid(p_filters, 'store_id', 'invalid_filters');
  v_department := private.admin_uuid(p_filters, 'department_id', 'invalid_filters');
  v_actor := private.admin_uuid(p_filters, 'actor_member_id', 'invalid_filters');
  v_action := private.admin_text(p_filters, 'action', 40);
  begin
    v_from := (p_filters ->> 'from')::timestamptz;
    v_to := (p_filters ->> 'to')::timestamptz;
  exception when others then
    perform private.invalid_argument('invalid_filters', 'from and to must be ISO times');
  end;
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    perform private.invalid_argument('invalid_limit', 'p_limit must be between 1 and 1000');
  end if;
  if (p_after_at is null) <> (p_after_id is null) then
    perform private.invalid_argument('invalid_cursor', 'the cursor''s at and id go together');
  end if;
  return query
    select a.* from private.admin_audit a
    where a.org_id = p_org
      and (v_member is null or a.target_member_id = v_member)
      and (v_store is null or a.target_store_id = v_store)
      and (v_department is null or a.target_department_id = v_department)
      and (v_actor is null or a.actor_member_id = v_actor)
      and (v_action is null or a.action = v_action)
      and (v_from is null or a.at >= v_from)
      and (v_to is null or a.at < v_to)
      and (p_after_id is null or (a.at, a.id) < (p_after_at, p_after_id))
    order by a.at desc, a.id desc
    limit p_limit;
end $$;
comment on function private.admin_audit_filtered(uuid, jsonb, timestamptz, bigint, int) is 'One page of an organisation''s admin log, newest first, after (p_after_at, p_after_id), with the filters checked (22023 invalid_filters, invalid_limit, invalid_cursor).';
revoke execute on function private.admin_audit_filtered(uuid, jsonb, timestamptz, bigint, int) from public, anon, authenticated;

create function public.admin_audit_log(p_filters jsonb default null, p_after jsonb default null, p_limit int default 50) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_after_at timestamptz;
  v_after_id bigint;
  v_rows private.admin_audit[];
  v_last private.admin_audit;
begin
  perform private.require_hr('read the admin log');
  if p_limit is null or p_limit < 1 or p_limit > 200 then
    perform private.invalid_argument('invalid_limit', 'p_limit must be between 1 and 200');
  end if;
  if p_after is not null then
    begin
      v_after_at := (p_after ->> 'at')::timestamptz;
      v_after_id := (p_after ->> 'id')::bigint;
    exception when others then
      perform private.invalid_argument('invalid_cursor', 'p_after must be the previous page''s next');
    end;
    if v_after_at is null or v_after_id is null then
      perform private.invalid_argument('invalid_cursor', 'p_after must be the previous page''s next');
    end if;
  end if;
  v_rows := array(select f from private.admin_audit_filtered(v_me.org_id, p_filters, v_after_at, v_after_id, p_limit + 1) f);
  if cardinality(v_rows) > p_limit then
    v_rows := v_rows[1:p_limit];
    v_last := v_rows[p_limit];
  end if;
  return jsonb_build_object(
    'entries', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', a.id, 'at', a.at, 'action', a.action, 'reason', a.reason, 'before', a.before, 'after', a.after,
               'actor', jsonb_build_object('id', a.actor_member_id, 'display_name', actor.display_name),
               'member', case when a.target_member_id is not null then jsonb_build_object(
                           'id', a.target_member_id, 'display_name', tm.display_name, 'employee_id', tm.employee_id) end,
               'store', case when a.target_store_id is not null then jsonb_build_object(
                          'id', a.target_store_id, 'name', ts.name, 'code', ts.code) end,
               'department', case when a.target_department_id is not null then jsonb_build_object(
                               'id', a.target_department_id, 'name', td.name) end)
             order by i)
      from generate_subscripts(v_rows, 1) i
      cross join lateral (select (v_rows[i]).*) a
      left join public.members actor on actor.id = a.actor_member_id
      left join public.members tm on tm.id = a.target_member_id
      left join public.stores ts on ts.id = a.target_store_id
      left join public.departments td on td.id = a.target_department_id), '[]'),
    'next', case when v_last.id is not null then jsonb_build_object('at', v_last.at, 'id', v_last.id) end);
end $$;
comment on function public.admin_audit_log(jsonb, jsonb, int) is 'HR/admin: the organisation''s admin log newest first, p_limit (1..200) entries after p_after (the previous page''s next): {entries: [{id, at, action, reason, before, after, actor, member, store, department}], next}; before/after hold the changed fields only (before null for a creation). Filters {member_id, store_id, department_id, actor_member_id, action, from, to}. Names are the current ones. 42501 forbidden; 22023 invalid_filters, invalid_limit, invalid_cursor.';
revoke execute on function public.admin_audit_log(jsonb, jsonb, int) from public, anon;
grant execute on function public.admin_audit_log(jsonb, jsonb, int) to authenticated;

create function public.admin_audit_export_page(
  p_filters jsonb default null, p_after_at timestamptz default null, p_after_id bigint default null, p_limit int default 1000)
returns table (id bigint, at timestamptz, at_text text, action text, actor text, person text, employee_id text,
               store text, department text, changed_fields text, before text, after text, reason text)
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
begin
  perform private.require_hr('export the admin log');
  return query
    select a.id, a.at, a.at::text, a.action,
           private.csv_cell(actor.display_name), private.csv_cell(tm.display_name), private.csv_cell(tm.employee_id),
           private.csv_cell(coalesce(ts.code || ' ', '') || ts.name), private.csv_cell(td.name),
           private.csv_cell(array_to_string(array(select jsonb_object_keys(a.after) k order by k), ' ')),
           private.csv_cell(a.before::text), private.csv_cell(a.after::text), private.csv_cell(a.reason)
    from private.admin_audit_filtered(v_me.org_id, p_filters, p_after_at, p_after_id, p_limit) a
    left join public.members actor on actor.id = a.actor_member_id
    left join public.members tm on tm.id = a.target_member_id
    left join public.stores ts on ts.id = a.target_store_id
    left join public.departments td on td.id = a.target_department_id
    order by a.at desc, a.id desc;
end $$;
comment on function public.admin_audit_export_page(jsonb, timestamptz, bigint, int) is 'HR/admin: up to p_limit (1..1000) admin log rows after (p_after_at, p_after_id), newest first, as CSV columns (text cells formula-neutralised by private.csv_cell; before and after as JSON text; at_text as Postgres prints it); pass the last row''s at and id for the next page, an empty page is the end. Filters as admin_audit_log. 42501 forbidden; 22023 invalid_filters, invalid_limit, invalid_cursor.';
revoke execute on function public.admin_audit_export_page(jsonb, timestamptz, bigint, int) from public, anon;
grant execute on function public.admin_audit_export_page(jsonb, timestamptz, bigint, int) to authenticated;
