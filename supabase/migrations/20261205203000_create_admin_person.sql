-- One person by id for the person screen (/people/:id), so an address pasted or
-- opened from a bookmark shows the person even when they are not in the list the
-- screen has loaded. Same fields and the same scope as admin_people:
--   HR and admins: anyone of their organisation;
--   managers: people of the stores they run;
--   staff and everyone else: nothing (42501 forbidden).
-- An id that is unknown, of another organisation or outside a manager's stores
-- gets one answer (42501 person_not_managed), so ids cannot be probed.

create function public.admin_person(p_id uuid) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_person public.members;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only managers and HR can see people');
  end if;
  select m.* into v_person from public.members m
  where m.id = p_id
    and m.org_id = v_me.org_id
    and (v_me.role in ('hr', 'admin') or m.store_id = any (private.store_ids_managed_by(v_me)));
  if v_person.id is null then
    perform private.admin_forbidden('person_not_managed', 'No such person among the people you manage');
  end if;
  return private.admin_person_json(v_person);
end $$;
comment on function public.admin_person(uuid) is 'One person as admin_people lists them, for the person screen. Managers: people of the stores they run; HR/admin: the organisation. 42501 forbidden (staff); 42501 person_not_managed for an id that is unknown, of another organisation or outside a manager''s stores (one answer, so ids cannot be probed).';
revoke execute on function public.admin_person(uuid) from public, anon;
grant execute on function public.admin_person(uuid) to authenticated;
