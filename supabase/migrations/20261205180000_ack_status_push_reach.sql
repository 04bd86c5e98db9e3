-- The manager sees reach (issue 11, item 7): briefing_ack_status also says on how many
-- devices the briefing (or a reminder about it) was notified, how many devices still
-- wait for quiet hours, off days or the fold window, and which of those who have not
-- acknowledged have no device with notifications on, so they are told in person.
-- Same access rule, signature, plan settings and fields as before (first version in
-- 20261122100900_create_briefing_ack_status.sql); every new figure is limited to the
-- same people as total and acked (audience members in the stores the caller reports on).

-- Devices sent a message about a briefing, by member: the queue keeps a week of every
-- organisation's messages, and without this the figure read all of them. (ref_id,
-- member_id) lets a manager's few people be looked up one by one and HR's whole audience
-- be read in one range, both from the index alone; partial, so it is written when the
-- sender reports (push_done), not in the publishing transaction. Unsent messages already
-- have push_queue_pending_ref.
create index push_queue_sent_ref on private.push_queue (ref_id, member_id, subscription_id) where sent_at is not null;

create or replace function public.briefing_ack_status(p_briefing_id uuid, p_pending_limit int default 200) returns jsonb
-- Custom plans: a generic plan guesses one audience member where there are 50,000.
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_me public.members := private.require_member();
  v_briefing public.briefings;
  v_scope uuid[] := private.store_ids_managed_by(v_me);
  v_total bigint;
  v_acked bigint;
  v_without bigint;
  v_notified bigint;
  v_waiting bigint;
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

  -- Of those who have not acknowledged, how many have no device: all of them less those
  -- with one. Semi and anti joins, so none is probed per person when nobody has a device
  -- and a manager's few are looked up by index.
  select v_total - v_acked - count(*) into v_without
  from public.members m
  where m.org_id = v_briefing.org_id and m.active
    and m.store_id = any (v_scope)
    and private.audience_includes(v_briefing.store_ids, v_briefing.department_ids, v_briefing.roles,
                                  m.store_id, m.department_id, m.role)
    and not exists (select 1 from public.acknowledgements k
                    where k.briefing_id = v_briefing.id and k.version = v_briefing.version and k.member_id = m.id)
    and exists (select 1 from public.push_subscriptions ps where ps.member_id = m.id);

  -- Devices of those same people that were sent a message about this briefing (the
  -- briefing itself or a reminder, any version; the queue keeps them 7 days), and devices
  -- with one still waiting (quiet hours, off days, the fold window, or in flight). Plain
  -- joins, so a manager's few people are looked up by index and HR's are hashed.
  -- Only 'briefing' and 'reminder' rows carry a briefing's id as ref_id.
  select count(distinct q.subscription_id) into v_notified
  from public.members m
  join private.push_queue q on q.ref_id = v_briefing.id and q.member_id = m.id and q.sent_at is not null
  where m.org_id = v_briefing.org_id and m.active
    and m.store_id = any (v_scope)
    and private.audience_includes(v_briefing.store_ids, v_briefing.department_ids, v_briefing.roles,
                                  m.store_id, m.department_id, m.role);
  select count(distinct q.subscription_id) into v_waiting
  from public.members m
  join private.push_queue q on q.ref_id = v_briefing.id and q.member_id = m.id and q.sent_at is null and q.gave_up_at is null
  where m.org_id = v_briefing.org_id and m.active
    and m.store_id = any (v_scope)
    and private.audience_includes(v_briefing.store_ids, v_briefing.department_ids, v_briefing.roles,
                                  m.store_id, m.department_id, m.role);

  -- The first p_pending_limit people (by name) who have not acknowledged, and whether
  -- any device of theirs has notifications on.
  select coalesce(jsonb_agg(jsonb_build_object('member_id', p.id, 'display_name', p.display_name,
                                               'store_name', s.name, 'department_name', d.name,
                                               'notifications', exists (select 1 from public.push_subscriptions ps
                                                                        where ps.member_id = p.id))
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
    'pending', v_pending,
    'push', jsonb_build_object('devices_notified', v_notified, 'devices_waiting', v_waiting,
                               'pending_without_notifications', v_without));
end $$;

comment on function public.briefing_ack_status(uuid, int) is 'Managers and HR: acknowledged N of M for the current version, by store, the first p_pending_limit people who have not (each with whether they have notifications on), and push reach: devices notified, devices waiting, and people not acknowledged with notifications off.';

revoke execute on function public.briefing_ack_status(uuid, int) from public, anon;
grant execute on function public.briefing_ack_status(uuid, int) to authenticated;
