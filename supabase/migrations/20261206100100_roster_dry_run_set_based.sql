-- roster_dry_run (20261205201000) set-based (#12): one query per batch instead of
-- admin_save_person in a rolled-back subtransaction per row. Same answer, same
-- staged rows, same problem codes in the same order:
--   the file's own checks: missing_field (no employee ID), duplicate_employee_id
--     and duplicate_email (an earlier row of the import, staged by an earlier
--     batch or earlier in this one);
--   roster_payload's (unchanged, reused for its rules but not called): the role
--     word, the store code, the department name and the codes of
--     manages_store_codes resolved in the organisation (unknown_role,
--     unknown_store, unknown_department);
--   admin_save_person's, as private.roster_plan judges them, and its diff
--     (person_fields before and after, without the ids) for change/unchanged.
-- Nothing is written but the staged rows.

--
-- The before/after diff is written inline rather than through private.jsonb_changes and
-- private.roster_visible_fields per row (SQL functions with their own search_path are not
-- inlined; their calls were a third of a 1,000-row dry run), and staged rows are reached by
-- row number and people by employee ID (a join over every row staged so far made the 50th
-- batch of a 50,000-row file pay for the 49,000 before it).

create or replace function public.roster_dry_run(p_import_id uuid, p_rows jsonb) returns jsonb
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_column
declare
  v_me public.members := private.require_roster_importer();
  v_import private.roster_imports := private.roster_import_of(v_me, p_import_id);
  v_out jsonb;
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
  -- By the primary key: an IN (subquery) was a hash semi join over every row the import had staged.
  delete from private.roster_import_rows r
  where r.import_id = v_import.id and r.row_no = any (array(select (x ->> 'row')::int from jsonb_array_elements(p_rows) x));

  with file as (
    select t.ord, t.x as r, (t.x ->> 'row')::int as row_no,
      case when jsonb_typeof(t.x -> 'employee_id') = 'string' then lower(nullif(btrim(t.x ->> 'employee_id'), '')) end as key,
      case when jsonb_typeof(t.x -> 'email') = 'string' then lower(nullif(btrim(t.x ->> 'email'), '')) end as email_key,
      case when t.x ? 'role' then lower(nullif(btrim(t.x ->> 'role'), '')) end as role_word,
      case when t.x ? 'store_code' then nullif(btrim(t.x ->> 'store_code'), '') end as store_code,
      case when t.x ? 'department' then nullif(btrim(t.x ->> 'department'), '') end as department
    from jsonb_array_elements(p_rows) with ordinality as t(x, ord)
  ),
  -- An earlier row with the same key: one this batch already passed (earlier in
  -- the array, lower row number: what the row-by-row loop had staged by then)...
  marked as (
    select f.*,
      min(f.row_no) over (partition by f.key order by f.ord rows between unbounded preceding and 1 preceding) as key_before,
      min(f.row_no) over (partition by f.email_key order by f.ord rows between unbounded preceding and 1 preceding) as email_before
    from file f
  ),
  resolved as (
    select f.*,
      st.id as store_id, dp.id as department_id, mg.unknown as managed_unknown, mg.ids as managed_ids,
      (select m.id from public.members m where m.org_id = v_me.org_id and lower(m.employee_id) = f.key) as member_id
    from marked f
    left join lateral (
      select s.id from public.stores s where s.org_id = v_me.org_id and lower(s.code) = lower(f.store_code)
    ) st on f.store_code is not null
    left join lateral (
      select d.id from public.departments d where d.org_id = v_me.org_id and lower(d.name) = lower(f.department) limit 1
    ) dp on f.department is not null
    -- Store codes separated by | , ; or spaces, each resolved in order (a code may repeat).
    left join lateral (
      select bool_or(s.id is null) as unknown, coalesce(jsonb_agg(to_jsonb(s.id) order by c.n), '[]') as ids
      from regexp_split_to_table(coalesce(f.r ->> 'manages_store_codes', ''), '[|,;[:space:]]+') with ordinality as c(code, n)
      left join public.stores s on s.org_id = v_me.org_id and lower(s.code) = lower(c.code)
      where c.code <> ''
    ) mg on f.r ? 'manages_store_codes'
  ),
  checked as (
    select f.*,
      case
        when f.key is null then 'missing_field'
        -- ...or one an earlier batch staged.
        when f.key_before < f.row_no
             or exists (select 1 from private.roster_import_rows s
                        where s.import_id = v_import.id and s.employee_key = f.key and s.row_no < f.row_no) then 'duplicate_employee_id'
        when f.email_key is not null
             and (f.email_before < f.row_no
                  or exists (select 1 from private.roster_import_rows s
                             where s.import_id = v_import.id and s.email_key = f.email_key and s.row_no < f.row_no)) then 'duplicate_email'
        when f.role_word is not null and f.role_word not in ('staff', 'manager', 'hr', 'admin') then 'unknown_role'
        when f.store_code is not null and f.store_id is null then 'unknown_store'
        when f.department is not null and f.department_id is null then 'unknown_department'
        when f.managed_unknown then 'unknown_store'
      end as file_problem,
      -- roster_payload's payload: a key absent from the row stays absent (the person keeps that field).
      jsonb_build_object('employee_id', f.r -> 'employee_id')
        || case when f.r ? 'display_name' then jsonb_build_object('display_name', f.r -> 'display_name') else '{}' end
        || case when f.r ? 'email' then jsonb_build_object('email', f.r -> 'email') else '{}' end
        || case when f.r ? 'phone' then jsonb_build_object('phone', f.r -> 'phone') else '{}' end
        || case when f.r ? 'language' then jsonb_build_object('locale', lower(nullif(btrim(f.r ->> 'language'), ''))) else '{}' end
        || case when f.r ? 'role' then jsonb_build_object('role', coalesce(f.role_word, 'staff')) else '{}' end
        || case when f.r ? 'store_code' then jsonb_build_object('store_id', f.store_id) else '{}' end
        || case when f.r ? 'department' then jsonb_build_object('department_id', f.department_id) else '{}' end
        || case when f.r ? 'manages_store_codes' then jsonb_build_object('managed_store_ids', f.managed_ids) else '{}' end
        as payload
    from resolved f
  ),
  plan as (
    select p.* from private.roster_plan(
      v_me, (select jsonb_agg(jsonb_build_object('i', c.ord, 'payload', c.payload)) from checked c where c.file_problem is null)) p
  ),
  verdict as (
    select c.ord, c.row_no, c.key, c.email_key, c.r, c.payload, coalesce(c.file_problem, p.problem) as problem,
      case when coalesce(c.file_problem, p.problem) is not null then null
           when c.member_id is null then jsonb_build_object('after', jsonb_strip_nulls(p.after) - 'store_id' - 'department_id' - 'managed_store_ids')
           else diff.changes end as changes,
      c.member_id
    from checked c
    left join plan p on p.i = c.ord
    -- private.jsonb_changes of roster_visible_fields before and after, inline (two SQL-function calls per row were a third of the time).
    left join lateral (
      select jsonb_build_object('before', jsonb_object_agg(k.k, p.before -> k.k), 'after', jsonb_object_agg(k.k, p.after -> k.k)) as changes
      from jsonb_object_keys(p.after - 'store_id' - 'department_id' - 'managed_store_ids') as k(k)
      where c.member_id is not null and (p.before -> k.k) is distinct from (p.after -> k.k)
      having count(*) > 0
    ) diff on true
  ),
  outcome as (
    select v.*,
      case when v.problem is not null then 'problem' when v.member_id is null then 'add'
           when v.changes is null then 'unchanged' else 'change' end as outcome
    from verdict v
  ),
  staged as (
    insert into private.roster_import_rows (import_id, row_no, employee_key, email_key, payload, outcome, problem)
    select v_import.id, o.row_no, o.key, o.email_key, case when o.problem is null then o.payload else '{}' end, o.outcome, o.problem
    from outcome o
  )
  select jsonb_build_object('rows', coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
           'row', o.row_no, 'employee_id', o.r -> 'employee_id', 'outcome', o.outcome, 'problem', o.problem,
           'before', o.changes -> 'before', 'after', o.changes -> 'after')) order by o.ord), '[]'))
  into v_out
  from outcome o;
  return v_out;
end $$;
comment on function public.roster_dry_run(uuid, jsonb) is 'Checks up to 1000 roster rows ({row, employee_id, display_name?, email?, phone?, store_code?, department?, role?, language?, manages_store_codes?}) of the caller''s import without writing any person or log row: resolved and judged set-based with admin_save_person''s rules (private.roster_plan). Answers {rows: [{row, employee_id, outcome: add|change|unchanged|problem, problem?, before?, after?}]} and stages the rows for roster_apply. Problems: missing_field, duplicate_employee_id and duplicate_email (an earlier row of the file), unknown_store, unknown_department, unknown_role, and every 22023/42501 code of admin_save_person (invalid_email, store_not_managed, person_not_managed, role_not_allowed, ...). 42501 forbidden; 22023 unknown_import, invalid_type, too_many_rows.';
revoke execute on function public.roster_dry_run(uuid, jsonb) from public, anon;
grant execute on function public.roster_dry_run(uuid, jsonb) to authenticated;
