-- roster_dry_run in time for 1,000 rows a call at 50,000 people (#12 item 2): the
-- answer was built by appending to a jsonb value, which copies it whole on every
-- row (quadratic in the batch); it is now a jsonb[] (appended in place by PL/pgSQL)
-- turned into one array at the end, and the rows of a batch sent again are
-- cleared in one statement instead of one per row. What it answers and stages is
-- unchanged.

create or replace function public.roster_dry_run(p_import_id uuid, p_rows jsonb) returns jsonb
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
