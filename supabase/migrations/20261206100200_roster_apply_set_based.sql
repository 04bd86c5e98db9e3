-- roster_apply (20261205201000) set-based (#12): a batch's adds and changes are
-- judged by private.roster_plan (admin_save_person's rules, against the people
-- as they are now) and written in one statement: the members changed, the new
-- ones inserted, store_managers set, one admin log row per person created or
-- changed, exactly the rows admin_save_person would write. A row whose save
-- would change nothing (applied before) writes nothing and no log row.
--
-- The set-based write is taken only when it is known to equal the row-by-row
-- one: every staged row of the batch has its own employee ID and email (so no
-- row's save depends on an earlier row's) and roster_plan finds no refusal.
-- Otherwise, and when a concurrent save takes an ID or email first (unique
-- violation), the batch runs as before, admin_save_person row by row, which
-- writes the same or refuses the whole call with 'row N: ' and the row's code.

--
-- The before/after diff is written inline rather than through private.jsonb_changes and
-- private.roster_visible_fields per row (SQL functions with their own search_path are not
-- inlined; their calls were a third of a 1,000-row dry run), and staged rows are reached by
-- row number and people by employee ID (a join over every row staged so far made the 50th
-- batch of a 50,000-row file pay for the 49,000 before it).

create function private.roster_apply_rows(p_me public.members, p_import_id uuid, p_first_row int, p_last_row int) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
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
  -- One handler around the whole batch (not one subtransaction per row): a refusal
  -- ends the call anyway, and v_row says which row it was.
  begin
    for v_r in select r.* from private.roster_import_rows r
               where r.import_id = p_import_id and r.row_no between p_first_row and p_last_row and r.outcome in ('add', 'change')
               order by r.row_no loop
      v_row := v_r.row_no;
      -- Matched by employee ID now, not at the dry run: applying twice updates (to no change) what the first made.
      select m.id into v_id from public.members m where m.org_id = p_me.org_id and lower(m.employee_id) = v_r.employee_key;
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
comment on function private.roster_apply_rows(public.members, uuid, int, int) is 'roster_apply''s row-by-row way (admin_save_person per staged add/change row, refusals as ''row N: ''), for the batches the set-based write does not take.';
revoke execute on function private.roster_apply_rows(public.members, uuid, int, int) from public, anon, authenticated;

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
