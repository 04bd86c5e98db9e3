-- The sender's side of the push queue (issue 11), service_role only.
--
-- push_claim leases due messages, one notification per device. A device's due,
-- non-critical messages are held until the newest of them is 2 minutes old (a newer
-- one restarts the wait) or the oldest is 10 minutes old (a steady stream is not held
-- forever), then go together as one "digest" (count, address /today); a due critical
-- message goes at once and takes the device's other due messages along, its title
-- leading the digest. Messages held through quiet hours are long past the window when
-- the hours end, so they go at once, folded. Devices are locked with FOR UPDATE SKIP
-- LOCKED and each message is leased only while it is unleased (re-checked under its
-- row lock), so two senders never hold the same message. push_done records the
-- outcome per device: sent (never sent again), gone (404/410: the subscription and
-- its messages are deleted), retry (429/5xx: due again after the retry time, given
-- up after 8 attempts). A sender that crashes leaves its lease to expire; the
-- messages not yet marked sent are then claimed again under a new claim token.
--
-- At-least-once: a crash after the push service accepted a message but before
-- push_done resends that notification. The sender sets the Web Push `Topic` header
-- to the item's `topic` (the oldest message's id, 32 hex characters; it stays the
-- oldest however the device's group grows), so a resend still waiting at the push
-- service replaces the first instead of showing twice; the payload's `tag` makes a
-- shown notification be replaced on the device too.

create function public.push_claim(p_limit int, p_lease_seconds int default 60) returns jsonb
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

create function public.push_done(p_claim uuid, p_results jsonb) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_result jsonb;
  v_sub uuid;
  v_status text;
  v_retry_after int;
  v_error text;
  v_count int;
  v_sent int := 0;
  v_gone int := 0;
  v_retried int := 0;
  v_gave_up int := 0;
  v_stale int := 0;
begin
  if p_claim is null or p_results is null or jsonb_typeof(p_results) <> 'array' or jsonb_array_length(p_results) > 1000 then
    perform private.invalid_argument('invalid_results', 'p_claim and an array p_results of at most 1000 results are required');
  end if;
  for v_result in select * from jsonb_array_elements(p_results) loop
    begin
      v_sub := (v_result ->> 'subscription_id')::uuid;
      v_status := v_result ->> 'status';
      v_retry_after := (v_result ->> 'retry_after_seconds')::int;
    exception when others then
      v_sub := null;
      v_status := null;
    end;
    v_error := left(v_result ->> 'error', 500);
    if v_sub is null or v_status is null or v_status not in ('sent', 'gone', 'retry') then
      perform private.invalid_argument('invalid_results',
        'each result is {subscription_id, status: sent | gone | retry, retry_after_seconds?, error?}');
    end if;

    if v_status = 'sent' then
      update private.push_queue q set sent_at = now(), claim = null, lease_until = null, last_error = null
      where q.claim = p_claim and q.subscription_id = v_sub and q.sent_at is null;
      get diagnostics v_count = row_count;
      v_sent := v_sent + v_count;
    elsif v_status = 'gone' then
      -- The push service says the endpoint no longer exists: that is true whatever
      -- the claim, so the subscription and all its messages go.
      delete from public.push_subscriptions s where s.id = v_sub;
      get diagnostics v_count = row_count;
      v_gone := v_gone + v_count;
    else
      -- Retry after the push service's Retry-After, else 30 s doubling per attempt (at most an hour).
      with retried as (
        update private.push_queue q
        set attempts = q.attempts + 1, claim = null, lease_until = null, last_error = v_error,
            gave_up_at = case when q.attempts + 1 >= 8 then now() end,
            not_before = now() + make_interval(secs => coalesce(least(greatest(v_retry_after, 1), 86400),
                                                                least(3600, 30 * power(2, q.attempts))))
        where q.claim = p_claim and q.subscription_id = v_sub and q.sent_at is null
        returning q.gave_up_at)
      select count(*), v_gave_up + count(r.gave_up_at) into v_count, v_gave_up from retried r;
      v_retried := v_retried + v_count;
    end if;
    if v_count = 0 then
      v_stale := v_stale + 1; -- lease expired and claimed again, or already recorded
    end if;
  end loop;
  return jsonb_build_object('sent', v_sent, 'gone', v_gone, 'retried', v_retried, 'gave_up', v_gave_up, 'stale', v_stale);
end $$;
comment on function public.push_done(uuid, jsonb) is 'Sender (service_role): records a claim''s outcome per device: sent (messages marked sent, never again), gone (subscription deleted), retry (due again after retry_after_seconds or a doubling backoff; given up after 8 attempts). Results for a claim whose lease expired and was claimed again count as stale and change nothing. Errors: 22023 invalid_results.';

revoke execute on function public.push_claim(int, int), public.push_done(uuid, jsonb) from public, anon, authenticated;
grant execute on function public.push_claim(int, int), public.push_done(uuid, jsonb) to service_role;
