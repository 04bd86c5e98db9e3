-- The requirements behind the training report (issue 13, point 6): which
-- lessons are required by when, of whom, and whether the caller may change
-- them. Managers see the requirements that reach their stores (naming one of
-- them, or the whole organisation); HR and admins every one of the
-- organisation. Store and department names come along so the report can say
-- the audience in words.

create function private.may_change_requirement(p_me public.members, p_store_ids uuid[]) returns boolean
language sql stable security definer set search_path = '' as $$
  select p_me.active and (p_me.role in ('hr', 'admin')
    or (p_me.role = 'manager' and cardinality(p_store_ids) > 0
        and p_store_ids <@ private.store_ids_managed_by(p_me)))
$$;
comment on function private.may_change_requirement(public.members, uuid[]) is 'HR and admins may change any requirement of their organisation; a manager only one whose stores are all stores they run (never an organisation-wide one), the audience they could have required it of themselves.';
revoke execute on function private.may_change_requirement(public.members, uuid[]) from public, anon, authenticated;

create function public.training_requirements() returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_all boolean;
  v_scope uuid[];
begin
  if not v_me.active or v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can see lesson requirements', detail = 'forbidden';
  end if;
  v_all := v_me.role in ('hr', 'admin');
  v_scope := private.store_ids_managed_by(v_me);
  return coalesce((
    select json_agg(json_build_object(
             'id', r.id, 'lesson_id', r.lesson_id, 'due_on', r.due_on,
             'stores', coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name, s.id)
                                 from public.stores s where s.id = any (r.store_ids)), '[]'::json),
             'departments', coalesce((select json_agg(json_build_object('id', d.id, 'name', d.name) order by d.name, d.id)
                                      from public.departments d where d.id = any (r.department_ids)), '[]'::json),
             'roles', to_json(r.roles),
             'can_change', private.may_change_requirement(v_me, r.store_ids))
           order by r.due_on, r.created_at, r.id)
    from public.lesson_requirements r
    join public.lessons l on l.id = r.lesson_id and l.archived_at is null
    where r.org_id = v_me.org_id
      and (v_all or cardinality(r.store_ids) = 0 or r.store_ids && v_scope)), '[]'::json);
end $$;
comment on function public.training_requirements() is 'Managers (requirements reaching their stores) and HR (the organisation): each requirement of a live lesson, soonest first, with its audience named and can_change (see private.may_change_requirement). 42501 forbidden (staff).';
revoke all on function public.training_requirements() from public, anon;
grant execute on function public.training_requirements() to authenticated;
