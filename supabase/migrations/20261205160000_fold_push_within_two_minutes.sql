-- Folding within two minutes (issue 11): push_claim used to fold whatever was due for
-- a device at the moment it ran, so two briefings published 30 s apart went as two
-- notifications when the sender ran in between. Now a device's due, non-critical
-- messages are held until the newest of them is 2 minutes old (a newer one restarts
-- the wait) or the oldest is 10 minutes old (a steady stream is not held forever),
-- then go together as one notification ("3 new briefings"). A due critical message
-- goes at once and takes the device's other due messages along, its title leading the
-- digest. Ages are created_at: messages held through quiet hours are long past the
-- window when the hours end and go at once, folded. Same signature, grants and
-- callers as 20261205150400; only the device selection and the digest title change.

create or replace function public.push_claim(p_limit int, p_lease_seconds int default 60) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_claim uuid := gen_random_uuid();
  v_now timestamptz := clock_timestamp();
  v_subs uuid[];
  v_items jsonb;
begin
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    perform private.invalid_argument('invalid_limit', 'p_limit must be between 1 and 1000 devices');
  end if;
  if p_lease_seconds is null or p_lease_seconds < 5 or p_lease_seconds > 3600 then
    perform private.invalid_argument('invalid_lease', 'p_lease_seconds must be between 5 and 3600');
  end if;

  -- Devices whose due messages are ready (see the fold window), earliest first; a
  -- device another sender is claiming is skipped.
  select coalesce(array_agg(x.id), '{}') into v_subs
  from (select s.id
        from public.push_subscriptions s
        join (select q.subscription_id, min(q.not_before) as due
              from private.push_queue q
              where q.sent_at is null and q.gave_up_at is null and q.not_before <= v_now
                and (q.lease_until is null or q.lease_until <= v_now)
              group by q.subscription_id
              -- The fold window: critical goes at once; otherwise wait until the
              -- newest is 2 minutes old, or the oldest 10 minutes (a steady stream).
              having bool_or(q.urgent)
                  or max(q.created_at) <= v_now - interval '2 minutes'
                  or min(q.created_at) <= v_now - interval '10 minutes'
              order by 2
              limit p_limit * 2) d on d.subscription_id = s.id
        order by d.due, s.id
        limit p_limit
        for update of s skip locked) x;

  with leased as (
    update private.push_queue q
    set claim = v_claim, lease_until = v_now + make_interval(secs => p_lease_seconds)
    where q.subscription_id = any (v_subs)
      and q.sent_at is null and q.gave_up_at is null and q.not_before <= v_now
      and (q.lease_until is null or q.lease_until <= v_now)
    returning q.*
  ),
  per_device as (
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
    from leased l
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

  return jsonb_build_object('claim', v_claim, 'lease_until', v_now + make_interval(secs => p_lease_seconds), 'items', v_items);
end $$;
comment on function public.push_claim(int, int) is 'Sender (service_role): leases the due messages of up to p_limit devices for p_lease_seconds, one item per device; a device''s non-critical messages wait until the newest is 2 minutes old or the oldest 10 minutes (a critical one goes at once, taking the rest along), so several within two minutes fold into one digest. Answers {claim, lease_until, items: [{subscription_id, endpoint, p256dh, auth, message_ids, topic, urgency, attempts, payload}]}. Errors: 22023 invalid_limit, invalid_lease.';

revoke execute on function public.push_claim(int, int) from public, anon, authenticated;
grant execute on function public.push_claim(int, int) to service_role;
