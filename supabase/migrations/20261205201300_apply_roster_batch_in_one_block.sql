-- roster_apply without a subtransaction per row (#12 item 2): each row's save sat
-- in its own exception block only to name the row in the error, which costs a
-- subtransaction per row at 50,000 rows; one handler around the batch does the
-- same (any refusal ends the call and rolls all of it back), and the answer is
-- built once instead of copying a growing jsonb. What it writes and answers is
-- unchanged.

create or replace function public.roster_apply(p_import_id uuid, p_first_row int, p_last_row int) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_roster_importer();
  v_import private.roster_imports := private.roster_import_of(v_me, p_import_id);
  v_r private.roster_import_rows;
  v_id uuid;
  v_saved jsonb;
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
