-- The kudos colleague picker works offline from the store roster: the names
-- (and departments) of the active colleagues in the caller's own store. The
-- phone caches it after each sync. No emails or roles: a name is all a picker
-- needs, and all a colleague needs to know about another.

create function public.store_roster() returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
begin
  -- Head office has no store, so no roster.
  if v_me.store_id is null then
    return '[]'::json;
  end if;
  -- The caller is left out: kudos to oneself are refused.
  return coalesce((
    select json_agg(json_build_object('member_id', m.id, 'display_name', m.display_name,
                                      'department_id', m.department_id, 'department_name', d.name)
                    order by m.display_name, m.id)
    from public.members m
    left join public.departments d on d.id = m.department_id
    where m.org_id = v_me.org_id and m.store_id = v_me.store_id and m.active and m.id <> v_me.id), '[]'::json);
end $$;
comment on function public.store_roster() is 'Any active member: the other active members of their own store (names and departments only), by name; [] at head office.';

revoke execute on function public.store_roster() from public, anon;
grant execute on function public.store_roster() to authenticated;
