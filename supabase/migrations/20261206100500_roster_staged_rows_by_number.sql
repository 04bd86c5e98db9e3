-- roster_dry_run and roster_apply (20261206100400) reaching the import's staged
-- rows by row number and the batch's people by employee ID: the dry run's
-- "a batch sent again replaces what it staged" delete was a hash semi join over
-- every staged row of the import, and apply's lock a join walking them too, so
-- the 50th batch of a 50,000-row file paid for the 49,000 staged before it
-- (20-100 ms a call). Same answers and writes.

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

create or replace function public.roster_apply(p_import_id uuid, p_first_row int, p_last_row int) returns jsonb
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_column
declare
  v_me public.members := private.require_roster_importer();
  v_import private.roster_imports := private.roster_import_of(v_me, p_import_id);
  v_items jsonb;
  v_distinct boolean;
  v_keys text[];
  v_out jsonb;
begin
  if p_first_row is null or p_last_row is null or p_last_row < p_first_row or p_last_row - p_first_row >= 1000 then
    perform private.invalid_argument('invalid_range', 'Rows p_first_row..p_last_row, at most 1000 of them');
  end if;
  select jsonb_agg(jsonb_build_object('i', r.row_no, 'payload', r.payload) order by r.row_no),
         count(distinct r.employee_key) = count(*) and count(distinct r.email_key) = count(r.email_key),
         array_agg(r.employee_key)
  into v_items, v_distinct, v_keys
  from private.roster_import_rows r
  where r.import_id = v_import.id and r.row_no between p_first_row and p_last_row and r.outcome in ('add', 'change');
  if v_items is null then
    return jsonb_build_object('rows', '[]'::jsonb);
  end if;
  -- The people the batch names, locked as admin_save_person locks the one it saves, before they are
  -- judged. By their keys: a join walked every row the import had staged.
  perform 1 from public.members m
  where m.org_id = v_me.org_id and lower(m.employee_id) = any (v_keys)
  for update of m;

  if v_distinct then
    begin
      with plan as materialized (
        select p.*, coalesce(p.member_id, gen_random_uuid()) as id, diff.changes
        from private.roster_plan(v_me, v_items) p
        -- private.jsonb_changes(before, after), inline: the changed fields, null when none.
        left join lateral (
          select jsonb_build_object('before', jsonb_object_agg(k.k, p.before -> k.k), 'after', jsonb_object_agg(k.k, p.after -> k.k)) as changes
          from jsonb_object_keys(p.after) as k(k)
          where p.member_id is not null and (p.before -> k.k) is distinct from (p.after -> k.k)
          having count(*) > 0
        ) diff on true
      ),
      go as (select not exists (select 1 from plan p where p.problem is not null) as ok),
      changed as (
        update public.members m
        set display_name = p.display_name, employee_id = p.employee_id, email = p.email, phone = p.phone,
            role = p.role, locale = p.locale, store_id = p.store_id, department_id = p.department_id
        from plan p, go
        where go.ok and p.member_id is not null and m.id = p.member_id
          and (m.display_name, m.employee_id, m.email, m.phone, m.role, m.locale, m.store_id, m.department_id)
              is distinct from (p.display_name, p.employee_id, p.email, p.phone, p.role, p.locale, p.store_id, p.department_id)
        returning m.id
      ),
      added as (
        insert into public.members (id, org_id, store_id, department_id, role, display_name, email, locale, active, employee_id, phone)
        select p.id, v_me.org_id, p.store_id, p.department_id, p.role, p.display_name, p.email, p.locale, true, p.employee_id, p.phone
        from plan p, go
        where go.ok and p.member_id is null
        order by p.i
        returning id
      ),
      unmanaged as (
        delete from public.store_managers sm
        using plan p, go
        where go.ok and p.member_id is not null and p.write_managed is not null
          and sm.member_id = p.member_id and not (sm.store_id = any (p.write_managed))
        returning sm.member_id
      ),
      managed as (
        insert into public.store_managers (store_id, member_id)
        select x.store_id, p.id
        from plan p cross join go cross join unnest(p.write_managed) as x(store_id)
        where go.ok
        on conflict do nothing
        returning member_id
      ),
      logged as (
        insert into private.admin_audit (org_id, actor_member_id, action, target_member_id, target_store_id, target_department_id, before, after, reason)
        select v_me.org_id, v_me.id, case when p.member_id is null then 'person_created' else 'person_updated' end, p.id, null, null,
               case when p.member_id is not null then p.changes -> 'before' end,
               case when p.member_id is null then jsonb_strip_nulls(p.after) else p.changes -> 'after' end,
               null
        from plan p, go
        where go.ok and (p.member_id is null or p.changes is not null)
        order by p.i
        returning id
      )
      select case when go.ok then jsonb_build_object('rows', coalesce(
               (select jsonb_agg(jsonb_build_object('row', p.i, 'outcome', case when p.member_id is null then 'added' else 'changed' end,
                                                    'member_id', p.id) order by p.i) from plan p), '[]')) end
      into v_out
      from go;
    exception when unique_violation then
      -- Another save took an employee ID or email since the check: the row-by-row way names the row.
      v_out := null;
    end;
  end if;
  return coalesce(v_out, private.roster_apply_rows(v_me, v_import.id, p_first_row, p_last_row));
end $$;
comment on function public.roster_apply(uuid, int, int) is 'Applies the add and change rows the dry run staged for rows p_first_row..p_last_row (at most 1000) of the caller''s import with admin_save_person''s checks and admin log (set-based through private.roster_plan; matched by employee ID at this moment, so applying twice changes nothing and logs nothing). Problem and unchanged rows are skipped. One transaction: if any row is refused now, nothing of the call is written and the error (22023/42501 with the admin code in detail) has a message beginning ''row N: ''. Answers {rows: [{row, outcome: added|changed, member_id}]}. 42501 forbidden; 22023 unknown_import, invalid_range.';
revoke execute on function public.roster_apply(uuid, int, int) from public, anon;
grant execute on function public.roster_apply(uuid, int, int) to authenticated;
