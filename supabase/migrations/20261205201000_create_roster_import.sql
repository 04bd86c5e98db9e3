-- Roster import (#12 item 2): a CSV from the HR system, checked in full before
-- anything is written, then applied in batches.
--
--   roster_start()                     -> an import id (the caller's own; a day to live)
--   roster_dry_run(id, rows)           -> per row: add / change (+ fields) / unchanged / problem
--   roster_missing(id, limit)          -> active people of the caller's scope not in the file
--   roster_apply(id, first, last)      -> applies the staged rows of that range, all or nothing
--   roster_deactivate_missing(id, ids) -> deactivates those of ids that are still missing
--
-- Nothing here decides who may do what or what a valid person is: the dry run
-- resolves the file's codes (store code, department name, role word) into the
-- payload admin_save_person takes, then runs admin_save_person itself inside a
-- subtransaction that is always rolled back, so the plan is exactly what the
-- save would do (its checks, its scope rules, its diff), and nothing stays: no
-- member, no admin log row. Apply calls admin_save_person again with the staged
-- payload (rows the dry run found no problem in), so every change is checked
-- again and logged as any admin save; a save that changes nothing writes nothing,
-- so importing the same file twice leaves no trace. An error in any row of an
-- apply call rolls the whole call back (a batch is one transaction).
--
-- The staged rows live in private tables (no grants, RLS on with no policy):
-- reached only through these functions, by the member who started the import.

create table private.roster_imports (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id),
  actor_member_id uuid not null references public.members (id),
  created_at timestamptz not null default now()
);
comment on table private.roster_imports is 'One roster import in progress: whose it is and when it began. Staged rows hang off it; imports older than a day are removed when the same member starts another.';
create index roster_imports_actor on private.roster_imports (actor_member_id, created_at);
alter table private.roster_imports enable row level security;
revoke all on private.roster_imports from public, anon, authenticated, service_role;

create table private.roster_import_rows (
  import_id uuid not null references private.roster_imports (id) on delete cascade,
  row_no int not null,
  employee_key text,
  email_key text,
  payload jsonb not null,
  outcome text not null check (outcome in ('add', 'change', 'unchanged', 'problem')),
  problem text,
  primary key (import_id, row_no)
);
comment on table private.roster_import_rows is 'A roster import''s rows as the dry run saw them: the admin_save_person payload (codes resolved to ids), the planned outcome and the problem code. employee_key/email_key (lower case) find duplicates within the file and the people missing from it.';
create index roster_import_rows_employee on private.roster_import_rows (import_id, employee_key);
create index roster_import_rows_email on private.roster_import_rows (import_id, email_key) where email_key is not null;
alter table private.roster_import_rows enable row level security;
revoke all on private.roster_import_rows from public, anon, authenticated, service_role;

-- The caller's import, or 22023 unknown_import (also for another member's).
create function private.roster_import_of(p_me public.members, p_import_id uuid) returns private.roster_imports
language plpgsql stable security definer set search_path = '' as $$
declare v private.roster_imports;
begin
  select i.* into v from private.roster_imports i
  where i.id = p_import_id and i.actor_member_id = p_me.id and i.created_at > now() - interval '1 day';
  if v.id is null then
    perform private.invalid_argument('unknown_import', 'No such roster import of yours (an import lives a day)');
  end if;
  return v;
end $$;
comment on function private.roster_import_of(public.members, uuid) is 'The caller''s own roster import younger than a day; 22023 unknown_import otherwise.';
revoke execute on function private.roster_import_of(public.members, uuid) from public, anon, authenticated;

create function private.require_roster_importer() returns public.members
language plpgsql stable security definer set search_path = '' as $$
declare v_me public.members := private.require_member();
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only managers and HR can import a roster');
  end if;
  return v_me;
end $$;
comment on function private.require_roster_importer() is 'The calling member when a manager, HR or admin; 42501 forbidden otherwise.';
revoke execute on function private.require_roster_importer() from public, anon, authenticated;

create function public.roster_start() returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_roster_importer();
  v_id uuid;
begin
  delete from private.roster_imports i where i.actor_member_id = v_me.id and i.created_at < now() - interval '1 day';
  insert into private.roster_imports (org_id, actor_member_id) values (v_me.org_id, v_me.id) returning id into v_id;
  return v_id;
end $$;
comment on function public.roster_start() is 'Begins a roster import for the calling manager, HR or admin and answers its id (valid a day; older imports of the caller are removed). 42501 forbidden for staff.';
revoke execute on function public.roster_start() from public, anon;
grant execute on function public.roster_start() to authenticated;

-- The fields a roster shows for a planned change: ids are left out, their codes
-- and names stay.
create function private.roster_visible_fields(p jsonb) returns jsonb
language sql immutable set search_path = '' as $$
  select p - 'store_id' - 'department_id' - 'managed_store_ids'
$$;
comment on function private.roster_visible_fields(jsonb) is 'A person''s logged fields without the ids (their store codes and department names stay): what a roster import preview shows.';
revoke execute on function private.roster_visible_fields(jsonb) from public, anon;

-- One file row ({row, employee_id, display_name?, email?, phone?, store_code?,
-- department?, role?, language?, manages_store_codes?}) as admin_save_person's
-- payload, or the import problem that stops it. A key absent from the row is
-- absent from the payload (the person keeps that field); an empty one clears it.
create function private.roster_payload(p_org_id uuid, p_row jsonb, p_member_id uuid, out payload jsonb, out problem text)
language plpgsql stable security definer set search_path = '' as $$
declare
  v_text text;
  v_ids jsonb := '[]';
  v_code text;
  v_store uuid;
begin
  payload := jsonb_build_object('employee_id', p_row -> 'employee_id');
  if p_member_id is not null then
    payload := payload || jsonb_build_object('id', p_member_id);
  end if;
  if p_row ? 'display_name' then payload := payload || jsonb_build_object('display_name', p_row -> 'display_name'); end if;
  if p_row ? 'email' then payload := payload || jsonb_build_object('email', p_row -> 'email'); end if;
  if p_row ? 'phone' then payload := payload || jsonb_build_object('phone', p_row -> 'phone'); end if;
  if p_row ? 'language' then payload := payload || jsonb_build_object('locale', lower(nullif(btrim(p_row ->> 'language'), ''))); end if;
  if p_row ? 'role' then
    v_text := lower(nullif(btrim(p_row ->> 'role'), ''));
    if v_text is not null and v_text not in ('staff', 'manager', 'hr', 'admin') then
      problem := 'unknown_role';
      return;
    end if;
    payload := payload || jsonb_build_object('role', coalesce(v_text, 'staff'));
  end if;
  if p_row ? 'store_code' then
    v_text := nullif(btrim(p_row ->> 'store_code'), '');
    if v_text is null then
      payload := payload || jsonb_build_object('store_id', null);
    else
      select s.id into v_store from public.stores s where s.org_id = p_org_id and lower(s.code) = lower(v_text);
      if v_store is null then
        problem := 'unknown_store';
        return;
      end if;
      payload := payload || jsonb_build_object('store_id', v_store);
    end if;
  end if;
  if p_row ? 'department' then
    v_text := nullif(btrim(p_row ->> 'department'), '');
    if v_text is null then
      payload := payload || jsonb_build_object('department_id', null);
    else
      v_store := null;
      select d.id into v_store from public.departments d where d.org_id = p_org_id and lower(d.name) = lower(v_text);
      if v_store is null then
        problem := 'unknown_department';
        return;
      end if;
      payload := payload || jsonb_build_object('department_id', v_store);
    end if;
  end if;
  if p_row ? 'manages_store_codes' then
    -- Store codes separated by | , ; or spaces.
    for v_code in select c from regexp_split_to_table(coalesce(p_row ->> 'manages_store_codes', ''), '[|,;[:space:]]+') c where c <> '' loop
      v_store := null;
      select s.id into v_store from public.stores s where s.org_id = p_org_id and lower(s.code) = lower(v_code);
      if v_store is null then
        problem := 'unknown_store';
        return;
      end if;
      v_ids := v_ids || to_jsonb(v_store);
    end loop;
    payload := payload || jsonb_build_object('managed_store_ids', v_ids);
  end if;
end $$;
comment on function private.roster_payload(uuid, jsonb, uuid) is 'A roster file row as admin_save_person''s payload (store codes, department name and role word resolved in the organisation), or the problem unknown_store, unknown_department or unknown_role. Absent keys stay absent (kept), empty ones clear.';
revoke execute on function private.roster_payload(uuid, jsonb, uuid) from public, anon;

create function public.roster_dry_run(p_import_id uuid, p_rows jsonb) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_roster_importer();
  v_import private.roster_imports := private.roster_import_of(v_me, p_import_id);
  v_row jsonb;
  v_no int;
  v_key text;
  v_email text;
  v_member public.members;
  v_payload jsonb;
  v_problem text;
  v_outcome text;
  v_before jsonb;
  v_after jsonb;
  v_changes jsonb;
  v_state text;
  v_detail text;
  v_message text;
  -- Appended in place, one array at the end: appending to a jsonb value copies it whole per row.
  v_out jsonb[] := '{}';
begin
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    perform private.invalid_argument('invalid_type', 'p_rows must be an array of rows');
  end if;
  if jsonb_array_length(p_rows) > 1000 then
    perform private.invalid_argument('too_many_rows', 'At most 1000 rows per call');
  end if;
  if exists (select 1 from jsonb_array_elements(p_rows) x where jsonb_typeof(x) <> 'object' or jsonb_typeof(x -> 'row') <> 'number') then
    perform private.invalid_argument('invalid_type', 'Each row must be an object with its row number');
  end if;
  -- A batch sent again (after a lost answer) replaces what it staged.
  delete from private.roster_import_rows r
  where r.import_id = v_import.id and r.row_no in (select (x ->> 'row')::int from jsonb_array_elements(p_rows) x);
  for v_row in select value from jsonb_array_elements(p_rows) loop
    v_no := (v_row ->> 'row')::int;
    v_problem := null;
    v_outcome := null;
    v_changes := null;
    v_key := case when jsonb_typeof(v_row -> 'employee_id') = 'string' then lower(nullif(btrim(v_row ->> 'employee_id'), '')) end;
    v_email := case when jsonb_typeof(v_row -> 'email') = 'string' then lower(nullif(btrim(v_row ->> 'email'), '')) end;
    v_member := null;
    if v_key is null then
      v_problem := 'missing_field';
    elsif exists (select 1 from private.roster_import_rows r where r.import_id = v_import.id and r.employee_key = v_key and r.row_no < v_no) then
      v_problem := 'duplicate_employee_id';
    elsif v_email is not null
          and exists (select 1 from private.roster_import_rows r where r.import_id = v_import.id and r.email_key = v_email and r.row_no < v_no) then
      v_problem := 'duplicate_email';
    else
      select m.* into v_member from public.members m where m.org_id = v_me.org_id and lower(m.employee_id) = v_key;
      select p.payload, p.problem into v_payload, v_problem from private.roster_payload(v_me.org_id, v_row, v_member.id) p;
    end if;
    if v_problem is null then
      v_before := case when v_member.id is not null then private.person_fields(v_member) end;
      begin
        v_after := public.admin_save_person(v_payload);
        select private.person_fields(m) into v_after from public.members m where m.id = (v_after ->> 'id')::uuid;
        raise exception using errcode = 'P0001', message = 'roster_dry_run_undo';
      exception when others then
        get stacked diagnostics v_state = returned_sqlstate, v_detail = pg_exception_detail, v_message = message_text;
        if v_state = 'P0001' and v_message = 'roster_dry_run_undo' then
          null;
        elsif v_state in ('22023', '42501') then
          v_problem := coalesce(nullif(v_detail, ''), 'invalid');
        else
          raise;
        end if;
      end;
    end if;
    if v_problem is null then
      if v_member.id is null then
        v_outcome := 'add';
        v_changes := jsonb_build_object('after', private.roster_visible_fields(jsonb_strip_nulls(v_after)));
      else
        v_changes := private.jsonb_changes(private.roster_visible_fields(v_before), private.roster_visible_fields(v_after));
        v_outcome := case when v_changes is null then 'unchanged' else 'change' end;
      end if;
    end if;
    insert into private.roster_import_rows (import_id, row_no, employee_key, email_key, payload, outcome, problem)
    values (v_import.id, v_no, v_key, v_email, case when v_problem is null then v_payload - 'id' else '{}' end,
            coalesce(v_outcome, 'problem'), v_problem);
    v_out := v_out || jsonb_strip_nulls(jsonb_build_object(
      'row', v_no, 'employee_id', v_row -> 'employee_id', 'outcome', coalesce(v_outcome, 'problem'), 'problem', v_problem,
      'before', v_changes -> 'before', 'after', v_changes -> 'after'));
  end loop;
  return jsonb_build_object('rows', to_jsonb(v_out));
end $$;
comment on function public.roster_dry_run(uuid, jsonb) is 'Checks up to 1000 roster rows ({row, employee_id, display_name?, email?, phone?, store_code?, department?, role?, language?, manages_store_codes?}) of the caller''s import without writing any person or log row: each is resolved and run through admin_save_person in a subtransaction that is rolled back. Answers {rows: [{row, employee_id, outcome: add|change|unchanged|problem, problem?, before?, after?}]} and stages the rows for roster_apply. Problems: missing_field, duplicate_employee_id and duplicate_email (an earlier row of the file), unknown_store, unknown_department, unknown_role, and every 22023/42501 code of admin_save_person (invalid_email, store_not_managed, person_not_managed, role_not_allowed, ...). 42501 forbidden; 22023 unknown_import, invalid_type, too_many_rows.';
revoke execute on function public.roster_dry_run(uuid, jsonb) from public, anon;
grant execute on function public.roster_dry_run(uuid, jsonb) to authenticated;

-- Who may lose their place because the file leaves them out: active people of
-- the caller's scope (HR: the organisation but themselves; managers: staff of
-- the stores they run) whose employee ID no row of the import carries.
create function private.roster_missing_people(p_me public.members, p_import_id uuid) returns setof public.members
language sql stable security definer set search_path = '' as $$
  select m.* from public.members m
  where m.org_id = p_me.org_id and m.active and m.id <> p_me.id
    and (p_me.role in ('hr', 'admin')
         or (m.role = 'staff' and m.store_id = any (private.store_ids_managed_by(p_me))))
    and (m.employee_id is null
         or not exists (select 1 from private.roster_import_rows r
                        where r.import_id = p_import_id and r.employee_key = lower(m.employee_id)))
$$;
comment on function private.roster_missing_people(public.members, uuid) is 'Active people of the caller''s scope (HR: organisation but themselves; manager: staff of their stores) that no row of the import names.';
revoke execute on function private.roster_missing_people(public.members, uuid) from public, anon;

create function public.roster_missing(p_import_id uuid, p_limit int default 200) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_roster_importer();
  v_import private.roster_imports := private.roster_import_of(v_me, p_import_id);
begin
  if p_limit is null or p_limit < 0 or p_limit > 1000 then
    perform private.invalid_argument('invalid_limit', 'p_limit must be between 0 and 1000');
  end if;
  return jsonb_build_object(
    'total', (select count(*) from private.roster_missing_people(v_me, v_import.id)),
    'people', coalesce((select jsonb_agg(jsonb_build_object('id', x.id, 'employee_id', x.employee_id, 'display_name', x.display_name,
                                                            'store_code', x.store_code) order by x.display_name, x.id)
                        from (select m.id, m.employee_id, m.display_name, s.code as store_code
                              from private.roster_missing_people(v_me, v_import.id) m
                              left join public.stores s on s.id = m.store_id
                              order by m.display_name, m.id limit p_limit) x), '[]'));
end $$;
comment on function public.roster_missing(uuid, int) is 'After a whole file''s dry run: the active people of the caller''s scope the file does not name, {total, people: first p_limit (0..1000) by name [{id, employee_id, display_name, store_code}]}. Offered for deactivation, never deactivated here. 42501 forbidden; 22023 unknown_import, invalid_limit.';
revoke execute on function public.roster_missing(uuid, int) from public, anon;
grant execute on function public.roster_missing(uuid, int) to authenticated;

create function public.roster_apply(p_import_id uuid, p_first_row int, p_last_row int) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_roster_importer();
  v_import private.roster_imports := private.roster_import_of(v_me, p_import_id);
  v_r private.roster_import_rows;
  v_id uuid;
  v_saved jsonb;
  -- Appended in place, one array at the end: appending to a jsonb value copies it whole per row.
  v_out jsonb[] := '{}';
  v_row int;
  v_state text;
  v_detail text;
  v_message text;
begin
  if p_first_row is null or p_last_row is null or p_last_row < p_first_row or p_last_row - p_first_row >= 1000 then
    perform private.invalid_argument('invalid_range', 'Rows p_first_row..p_last_row, at most 1000 of them');
  end if;
  -- One handler around the whole batch (not one subtransaction per row): a refusal
  -- ends the call anyway, and v_row says which row it was.
  begin
    for v_r in select r.* from private.roster_import_rows r
               where r.import_id = v_import.id and r.row_no between p_first_row and p_last_row and r.outcome in ('add', 'change')
               order by r.row_no loop
      v_row := v_r.row_no;
      -- Matched by employee ID now, not at the dry run: applying twice updates (to no change) what the first made.
      select m.id into v_id from public.members m where m.org_id = v_me.org_id and lower(m.employee_id) = v_r.employee_key;
      v_saved := public.admin_save_person(case when v_id is null then v_r.payload else v_r.payload || jsonb_build_object('id', v_id) end);
      v_out := v_out || jsonb_build_object('row', v_r.row_no, 'outcome', case when v_id is null then 'added' else 'changed' end, 'member_id', v_saved -> 'id');
    end loop;
  exception when sqlstate '22023' or sqlstate '42501' then
    -- The whole call rolls back; the message begins with the row (hosted PostgREST passes message and detail through).
    get stacked diagnostics v_state = returned_sqlstate, v_detail = pg_exception_detail, v_message = message_text;
    raise exception using errcode = v_state, message = format('row %s: %s', v_row, v_message), detail = v_detail;
  end;
  return jsonb_build_object('rows', to_jsonb(v_out));
end $$;
comment on function public.roster_apply(uuid, int, int) is 'Applies the add and change rows the dry run staged for rows p_first_row..p_last_row (at most 1000) of the caller''s import, each through admin_save_person (its checks and its admin log; matched by employee ID at this moment, so applying twice changes nothing). Problem and unchanged rows are skipped. One transaction: if any row is refused now, nothing of the call is written and the error (22023/42501 with the admin code in detail) has a message beginning ''row N: ''. Answers {rows: [{row, outcome: added|changed, member_id}]}. 42501 forbidden; 22023 unknown_import, invalid_range.';
revoke execute on function public.roster_apply(uuid, int, int) from public, anon;
grant execute on function public.roster_apply(uuid, int, int) to authenticated;

create function public.roster_deactivate_missing(p_import_id uuid, p_member_ids uuid[]) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_roster_importer();
  v_import private.roster_imports := private.roster_import_of(v_me, p_import_id);
  v_id uuid;
  v_count int := 0;
begin
  if p_member_ids is null or cardinality(p_member_ids) > 1000 then
    perform private.invalid_argument('invalid_type', 'p_member_ids: at most 1000 ids');
  end if;
  -- Only people still missing from the file; anyone else in the list is left alone.
  for v_id in select m.id from private.roster_missing_people(v_me, v_import.id) m where m.id = any (p_member_ids) order by m.id loop
    perform public.admin_set_person_active(v_id, false, 'roster import');
    v_count := v_count + 1;
  end loop;
  return jsonb_build_object('deactivated', v_count);
end $$;
comment on function public.roster_deactivate_missing(uuid, uuid[]) is 'The explicit step after an import: deactivates those of p_member_ids (at most 1000) that are still missing from the caller''s import (roster_missing), each through admin_set_person_active with the reason ''roster import'' in the admin log. Answers {deactivated}. 42501 forbidden; 22023 unknown_import, invalid_type.';
revoke execute on function public.roster_deactivate_missing(uuid, uuid[]) from public, anon;
grant execute on function public.roster_deactivate_missing(uuid, uuid[]) to authenticated;
