-- push_claim without grouping the whole queue (issue 11). The first definition
-- (20261205150400) grouped every due message by device on each call to find the
-- ready devices, so a 50,000-device fan-out cost 250 passes over 50,000 rows; and
-- with several senders claiming at once (the push-sender function's follow-up calls)
-- they all picked the same earliest devices from a snapshot taken before the others'
-- leases, so batches came back short or empty while thousands were still due.
--
-- Now a claim walks the due messages in (not_before, id) order through an index, a
-- window at a time, checks the fold window per device only for the devices in that
-- window, locks the ready ones it can (skip locked) and leases their messages. Each
-- window is a new statement, so it sees what other senders leased meanwhile; up to 8
-- windows per call fill the batch. The rules are those of 20261205150400 (fold window,
-- critical at once taking the rest along, digests) and 20261205170000 (a due test goes
-- alone).

create index push_queue_due_order on private.push_queue (not_before, id) where sent_at is null and gave_up_at is null;
comment on index private.push_queue_due_order is 'push_claim''s walk over due messages, earliest first, a window at a time.';
drop index private.push_queue_due;

create or replace function public.push_claim(p_limit int, p_lease_seconds int default 60) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_claim uuid := gen_random_uuid();
  v_now timestamptz := clock_timestamp();
  v_lease timestamptz;
  v_claimed int := 0;
  v_round int := 0;
  v_after_at timestamptz := '-infinity';
  v_after_id uuid := '00000000-0000-0000-0000-000000000000';
  v_devices uuid[];
  v_subs uuid[];
  v_leased int;
  v_items jsonb;
begin
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    perform private.invalid_argument('invalid_limit', 'p_limit must be between 1 and 1000 devices');
  end if;
  if p_lease_seconds is null or p_lease_seconds < 5 or p_lease_seconds > 3600 then
    perform private.invalid_argument('invalid_lease', 'p_lease_seconds must be between 5 and 3600');
  end if;
  v_lease := v_now + make_interval(secs => p_lease_seconds);

  while v_claimed < p_limit and v_round < 8 loop
    v_round := v_round + 1;
    -- The next window of due, unleased messages, earliest first; its devices in that order.
    select coalesce(array_agg(w.subscription_id order by w.first), '{}'),
           max(w.last_at), (array_agg(w.last_id order by w.last_at desc, w.last_id desc))[1]
    into v_devices, v_after_at, v_after_id
    from (select q.subscription_id, min(q.n) as first, max(q.not_before) as last_at,
                 (array_agg(q.id order by q.not_before desc, q.id desc))[1] as last_id
          from (select q.subscription_id, q.not_before, q.id, row_number() over (order by q.not_before, q.id) as n
                from private.push_queue q
                where q.sent_at is null and q.gave_up_at is null and q.not_before <= v_now
                  and (q.not_before, q.id) > (v_after_at, v_after_id)
                  and (q.lease_until is null or q.lease_until <= v_now)
                order by q.not_before, q.id
                limit (p_limit - v_claimed) * 4) q
          group by q.subscription_id) w;
    exit when cardinality(v_devices) = 0;

    -- Of those, the devices that are ready and that no other sender holds. The fold
    -- window: a critical message goes at once; otherwise wait until the newest is 2
    -- minutes old, or the oldest 10 minutes (a steady stream is not held forever).
    select coalesce(array_agg(x.id), '{}') into v_subs
    from (select s.id
          from unnest(v_devices) with ordinality as d (id, n)
          join public.push_subscriptions s on s.id = d.id
          -- Once per call: a device leased in an earlier window (a test, which went
          -- alone) keeps the rest for the next call.
          where not exists (select 1 from private.push_queue c where c.subscription_id = s.id and c.claim = v_claim)
            and (exists (select 1 from private.push_queue r
                        where r.subscription_id = s.id and r.sent_at is null and r.gave_up_at is null
                          and r.not_before <= v_now and (r.lease_until is null or r.lease_until <= v_now)
                          and (r.urgent or r.created_at <= v_now - interval '10 minutes'))
             or (exists (select 1 from private.push_queue r
                         where r.subscription_id = s.id and r.sent_at is null and r.gave_up_at is null
                           and r.not_before <= v_now and (r.lease_until is null or r.lease_until <= v_now))
                 and not exists (select 1 from private.push_queue r
                                 where r.subscription_id = s.id and r.sent_at is null and r.gave_up_at is null
                                   and r.not_before <= v_now and (r.lease_until is null or r.lease_until <= v_now)
                                   and r.created_at > v_now - interval '2 minutes')))
          order by d.n
          limit p_limit - v_claimed
          for update of s skip locked) x;
    continue when cardinality(v_subs) = 0;

    -- Re-checked under the row locks: a message another sender leased since the window
    -- was read is left to it.
    with leased as (
      update private.push_queue q
      set claim = v_claim, lease_until = v_lease
      where q.subscription_id = any (v_subs)
        and q.sent_at is null and q.gave_up_at is null and q.not_before <= v_now
        and (q.lease_until is null or q.lease_until <= v_now)
        -- A test goes alone: it shows as itself, and no digest counts it as a briefing.
        and (q.kind = 'test' or not exists (
              select 1 from private.push_queue t
              where t.subscription_id = q.subscription_id and t.kind = 'test'
                and t.sent_at is null and t.gave_up_at is null and t.not_before <= v_now
                and (t.lease_until is null or t.lease_until <= v_now)))
      returning q.subscription_id
    )
    select count(distinct l.subscription_id) into v_leased from leased l;
    v_claimed := v_claimed + v_leased;
  end loop;

  with per_device as (
    select l.subscription_id,
           count(*) as n,
           array_agg(l.id order by l.created_at, l.id) as ids,
           (array_agg(l.id order by l.created_at, l.id))[1] as oldest,
           (array_agg(l.kind order by l.created_at desc, l.id desc))[1] as kind,
           (array_agg(l.title order by l.urgent desc, l.created_at desc, l.id desc))[1] as title,
           (array_agg(l.store_name order by l.urgent desc, l.created_at desc, l.id desc))[1] as store_name,
           (array_agg(l.url order by l.created_at desc, l.id desc))[1] as url,
           (array_agg(l.tag order by l.created_at desc, l.id desc))[1] as tag,
           (array_agg(l.lang order by l.urgent desc, l.created_at desc, l.id desc))[1] as lang,
           bool_or(l.urgent) as urgent,
           max(l.attempts) as attempts
    from private.push_queue l
    where l.claim = v_claim and l.sent_at is null
    group by l.subscription_id
  )
  select coalesce(jsonb_agg(jsonb_build_object(
           'subscription_id', s.id,
           'endpoint', s.endpoint,
           'p256dh', s.p256dh,
           'auth', s.auth,
           'message_ids', to_jsonb(d.ids),
           'topic', replace(d.oldest::text, '-', ''),
           'urgency', case when d.urgent then 'high' else 'normal' end,
           'attempts', d.attempts,
           'payload', case
             when d.n = 1 then jsonb_strip_nulls(jsonb_build_object(
               'v', 1, 'kind', d.kind, 'title', d.title, 'store', d.store_name,
               'url', d.url, 'tag', d.tag, 'lang', d.lang))
             else jsonb_strip_nulls(jsonb_build_object(
               'v', 1, 'kind', 'digest', 'title', d.title, 'store', d.store_name,
               'url', '/today', 'tag', 'digest', 'count', d.n, 'lang', d.lang))
           end) order by s.id), '[]'::jsonb)
  into v_items
  from per_device d join public.push_subscriptions s on s.id = d.subscription_id;

  return jsonb_build_object('claim', v_claim, 'lease_until', v_lease, 'items', v_items);
end $$;
comment on function public.push_claim(int, int) is 'Sender (service_role): leases the due messages of up to p_limit devices for p_lease_seconds, one item per device, walking due messages earliest first; a device''s non-critical messages wait until the newest is 2 minutes old or the oldest 10 minutes (a critical one goes at once, taking the rest along), so several within two minutes fold into one digest; a due test goes alone. Answers {claim, lease_until, items: [{subscription_id, endpoint, p256dh, auth, message_ids, topic, urgency, attempts, payload}]}. Errors: 22023 invalid_limit, invalid_lease.';
