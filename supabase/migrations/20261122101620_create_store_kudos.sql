-- The kudos wall: kudos to anyone in the caller's store (kudos.store_id is the
-- recipient's store), plus the kudos the caller gave or received wherever the
-- colleague works, newest first.

-- The wall reads a store's newest kudos first; the member indexes serve the rest.
create index kudos_store_created on public.kudos (store_id, created_at desc) where store_id is not null;
comment on index public.kudos_store_created is 'A store''s kudos wall, newest first (store_kudos).';

create function public.store_kudos(p_limit int default 100) returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
begin
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 500', detail = 'invalid_limit';
  end if;
  -- Each source is cut to p_limit by its own index before they are merged.
  return coalesce((
    select json_agg(json_build_object(
             'id', k.id, 'from_member_id', k.from_member_id, 'from_name', f.display_name,
             'to_member_id', k.to_member_id, 'to_name', t.display_name,
             'value_card_id', k.value_card_id, 'value_title', v.title,
             'message', k.message, 'created_at', k.created_at) order by k.created_at desc, k.id)
    from (select x.* from (
            (select k.* from public.kudos k
              where v_me.store_id is not null and k.store_id = v_me.store_id and k.org_id = v_me.org_id
              order by k.created_at desc limit p_limit)
            union
            (select k.* from public.kudos k where k.to_member_id = v_me.id order by k.created_at desc limit p_limit)
            union
            (select k.* from public.kudos k where k.from_member_id = v_me.id order by k.created_at desc limit p_limit)
          ) x order by x.created_at desc, x.id limit p_limit) k
    join public.members f on f.id = k.from_member_id
    join public.members t on t.id = k.to_member_id
    left join public.value_cards v on v.id = k.value_card_id), '[]'::json);
end $$;
comment on function public.store_kudos(int) is 'Any active member: up to p_limit (1-500) kudos on their store''s wall or given or received by them, newest first.';

revoke execute on function public.store_kudos(int) from public, anon;
grant execute on function public.store_kudos(int) to authenticated;
