-- Changing the date of a lesson requirement, or removing it (issue 13,
-- point 6). Who may: private.may_change_requirement (HR and admins any of
-- their organisation; a manager only one whose stores are all stores they
-- run, so never HR's organisation-wide one). A requirement of another
-- organisation, or none with the id, is unknown_requirement; one of this
-- organisation the caller may not change is 42501 not_your_requirement.
-- Both touch the lesson so its sync_seq moves and every phone holding it
-- pulls it again with required_by recomputed (null once none applies).
-- Not in the admin log: that log is about people, stores and departments,
-- and making a lesson required is not logged either.

create function private.requirement_to_change(p_me public.members, p_id uuid) returns public.lesson_requirements
language plpgsql stable security definer set search_path = '' as $$
declare
  v_row public.lesson_requirements;
begin
  if not p_me.active or p_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can change a lesson requirement', detail = 'forbidden';
  end if;
  if p_id is null then
    perform private.invalid_argument('invalid_type', 'the requirement id is required');
  end if;
  select * into v_row from public.lesson_requirements r where r.id = p_id and r.org_id = p_me.org_id;
  if not found then
    perform private.invalid_argument('unknown_requirement', 'No requirement of your organisation has this id');
  end if;
  if not private.may_change_requirement(p_me, v_row.store_ids) then
    raise exception using errcode = '42501', message = 'Managers can change only requirements of stores they run', detail = 'not_your_requirement';
  end if;
  return v_row;
end $$;
comment on function private.requirement_to_change(public.members, uuid) is 'The caller''s requirement p_id, or the refusal: 42501 forbidden, not_your_requirement; 22023 unknown_requirement.';
revoke execute on function private.requirement_to_change(public.members, uuid) from public, anon, authenticated;

create function public.change_lesson_requirement(p_id uuid, p_due_on date) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_row public.lesson_requirements := private.requirement_to_change(v_me, p_id);
  v_today date;
begin
  if p_due_on is null then
    perform private.invalid_argument('invalid_type', 'the date is required');
  end if;
  -- require_lesson's rule: from today in the caller's store's time zone (UTC without one) to two years on.
  v_today := (now() at time zone coalesce((select s.time_zone from public.stores s where s.id = v_me.store_id), 'UTC'))::date;
  if p_due_on < v_today or p_due_on > v_today + 730 then
    perform private.invalid_argument('invalid_due_date', 'The date must be between today and two years from now');
  end if;
  update public.lesson_requirements set due_on = p_due_on where id = v_row.id returning * into v_row;
  update public.lessons set updated_at = now() where id = v_row.lesson_id;
  return json_build_object('id', v_row.id, 'lesson_id', v_row.lesson_id, 'due_on', v_row.due_on,
                           'store_ids', to_json(v_row.store_ids), 'department_ids', to_json(v_row.department_ids),
                           'roles', to_json(v_row.roles));
end $$;
comment on function public.change_lesson_requirement(uuid, date) is 'Moves a requirement''s date (today .. two years, as require_lesson) for whoever may change it (private.may_change_requirement); phones pull the lesson again. 42501 forbidden, not_your_requirement; 22023 unknown_requirement, invalid_due_date.';
revoke all on function public.change_lesson_requirement(uuid, date) from public, anon;
grant execute on function public.change_lesson_requirement(uuid, date) to authenticated;

create function public.remove_lesson_requirement(p_id uuid) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_row public.lesson_requirements := private.requirement_to_change(v_me, p_id);
begin
  delete from public.lesson_requirements where id = v_row.id;
  update public.lessons set updated_at = now() where id = v_row.lesson_id;
  return json_build_object('id', v_row.id, 'lesson_id', v_row.lesson_id);
end $$;
comment on function public.remove_lesson_requirement(uuid) is 'Deletes a requirement for whoever may change it (private.may_change_requirement); phones pull the lesson again, without the date once none applies. 42501 forbidden, not_your_requirement; 22023 unknown_requirement.';
revoke all on function public.remove_lesson_requirement(uuid) from public, anon;
grant execute on function public.remove_lesson_requirement(uuid) to authenticated;
