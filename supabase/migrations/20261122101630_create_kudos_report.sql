-- Which values get recognised, by store: kudos given in the last p_days days
-- (by the time the giver sent them), counted on the recipient's store and by
-- value. Managers see their stores, HR the organisation. Kudos to head office
-- (no store) are not on any store's count.

create function public.kudos_report(p_days int default 90) returns json
-- Custom plans: the caller's stores are a constant then.
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_me public.members := private.require_member();
  v_scope uuid[];
  v_since timestamptz;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can see the kudos report', detail = 'forbidden';
  end if;
  if p_days is null or p_days < 1 or p_days > 366 then
    raise exception using errcode = '22023', message = 'p_days must be between 1 and 366', detail = 'invalid_days';
  end if;
  v_scope := private.store_ids_managed_by(v_me);
  v_since := now() - make_interval(days => p_days);

  return json_build_object(
    'days', p_days,
    'since', v_since,
    'by_store', coalesce((
      with counted as (
        select k.store_id, k.value_card_id, count(*) as n
        from public.kudos k
        where k.org_id = v_me.org_id and k.store_id = any (v_scope) and k.created_at >= v_since
        group by k.store_id, k.value_card_id
      ),
      per_store as (
        select c.store_id, sum(c.n) as total,
               json_agg(json_build_object('value_card_id', c.value_card_id, 'value_title', v.title, 'count', c.n)
                        order by c.n desc, v.position nulls last, v.title, c.value_card_id) as by_value
        from counted c
        left join public.value_cards v on v.id = c.value_card_id
        group by c.store_id
      )
      select json_agg(json_build_object('store_id', s.id, 'store_name', s.name, 'total', coalesce(p.total, 0),
                                        'by_value', coalesce(p.by_value, '[]'::json))
                      order by s.name, s.id)
      from public.stores s
      left join per_store p on p.store_id = s.id
      where s.id = any (v_scope)), '[]'::json));
end $$;
comment on function public.kudos_report(int) is 'Managers (their stores) and HR (the organisation): kudos of the last p_days (1-366) days per recipient store, in total and by value card (null = no value), every store in scope by name.';

revoke execute on function public.kudos_report(int) from public, anon;
grant execute on function public.kudos_report(int) to authenticated;
