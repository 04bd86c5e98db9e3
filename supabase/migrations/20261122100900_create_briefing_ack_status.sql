-- Reach of one briefing: who in its audience acknowledged the current version
-- and who has not, limited to the stores the caller reports on.

create function public.briefing_ack_status(p_briefing_id uuid, p_pending_limit int default 200) returns jsonb
-- Custom plans: a generic plan guesses one audience member where there are 50,000.
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_me public.members := private.require_member();
  v_briefing public.briefings;
  v_scope uuid[] := private.store_ids_managed_by(v_me);
  v_total bigint;
  v_acked bigint;
  v_by_store jsonb;
  v_pending jsonb;
begin
  if p_pending_limit is null or p_pending_limit < 0 or p_pending_limit > 5000 then
    raise exception using errcode = '22023', message = 'p_pending_limit must be between 0 and 5000', detail = 'invalid_limit';
  end if;
  select b.* into v_briefing from public.briefings b where b.id = p_briefing_id;
  if v_briefing.id is null or v_briefing.org_id <> v_me.org_id or v_me.role = 'staff'
     or not (v_me.role in ('hr', 'admin') or v_briefing.author_id = v_me.id or v_briefing.store_ids && v_scope
             or cardinality(v_briefing.store_ids) = 0) then
    raise exception using errcode = '42501', message = 'No briefing with this id that you can report on', detail = 'unknown_briefing';
  end if;

  -- One pass over the audience: totals per store (acks found by hash join).
  with per_store as (
    select m.store_id, count(*) as total, count(k.member_id) as acked
    from public.members m
    left join public.acknowledgements k
      on k.briefing_id = v_briefing.id and k.version = v_briefing.version and k.member_id = m.id
    where m.org_id = v_briefing.org_id and m.active
      and m.store_id = any (v_scope)
      and private.audience_includes(v_briefing.store_ids, v_briefing.department_ids, v_briefing.roles,
                                    m.store_id, m.department_id, m.role)
    group by m.store_id
  )
  select coalesce(sum(x.total), 0), coalesce(sum(x.acked), 0),
         coalesce(jsonb_agg(jsonb_build_object('store_id', x.store_id, 'store_name', s.name,
                                               'total', x.total, 'acked', x.acked) order by s.name), '[]'::jsonb)
  into v_total, v_acked, v_by_store
  from per_store x join public.stores s on s.id = x.store_id;

  -- The first p_pending_limit people (by name) who have not acknowledged.
  select coalesce(jsonb_agg(jsonb_build_object('member_id', p.id, 'display_name', p.display_name,
                                               'store_name', s.name, 'department_name', d.name)
                            order by s.name, p.display_name), '[]'::jsonb)
  into v_pending
  from (select m.id, m.display_name, m.store_id, m.department_id
        from public.members m
        where m.org_id = v_briefing.org_id and m.active
          and m.store_id = any (v_scope)
          and private.audience_includes(v_briefing.store_ids, v_briefing.department_ids, v_briefing.roles,
                                        m.store_id, m.department_id, m.role)
          and not exists (select 1 from public.acknowledgements k
                          where k.briefing_id = v_briefing.id and k.version = v_briefing.version and k.member_id = m.id)
        order by m.display_name
        limit p_pending_limit) p
  left join public.stores s on s.id = p.store_id
  left join public.departments d on d.id = p.department_id;

  return jsonb_build_object(
    'briefing_id', v_briefing.id,
    'version', v_briefing.version,
    'content_hash', v_briefing.content_hash,
    'requires_ack', v_briefing.requires_ack,
    'ack_due_at', v_briefing.ack_due_at,
    'overdue', v_briefing.ack_due_at is not null and v_briefing.ack_due_at < now(),
    'total', v_total,
    'acked', v_acked,
    'by_store', v_by_store,
    'pending', v_pending);
end $$;

comment on function public.briefing_ack_status(uuid, int) is 'Managers and HR: acknowledged N of M for the current version, by store, and the first p_pending_limit people who have not.';

revoke execute on function public.briefing_ack_status(uuid, int) from public, anon;
grant execute on function public.briefing_ack_status(uuid, int) to authenticated;
