-- "Send a test" (issue 11): Account asks the server to push one message to this
-- device, so a person can see that notifications reach their phone. Only the
-- caller's own subscription with that endpoint gets it (never their other devices,
-- never anyone else's), at once (urgent: past quiet hours, off days and the fold
-- window), at most once a minute per device. push_claim sends a test on its own, so
-- it arrives as itself and never swells a digest of briefings.

alter table private.push_queue drop constraint push_queue_kind_check;
alter table private.push_queue add constraint push_queue_kind_check check (kind in ('briefing', 'reminder', 'reply', 'test'));

create table private.push_tests (
  subscription_id uuid primary key references public.push_subscriptions (id) on delete cascade,
  last_at timestamptz not null
);
comment on table private.push_tests is 'When each device last asked for a test notification: the once-a-minute limit.';
alter table private.push_tests enable row level security;
revoke all on private.push_tests from public, anon, authenticated, service_role;

create function public.send_test_push(p_endpoint text) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_sub public.push_subscriptions;
  v_last timestamptz;
begin
  select s.* into v_sub from public.push_subscriptions s
  where s.endpoint = btrim(p_endpoint) and s.member_id = v_me.id;
  if v_sub.id is null then
    -- The same answer for another member's endpoint and for none at all: nothing leaks.
    perform private.invalid_argument('unknown_subscription', 'None of your devices has notifications on with this endpoint');
  end if;

  -- At most once a minute per device; the row lock also makes two presses at once queue one.
  insert into private.push_tests as t (subscription_id, last_at) values (v_sub.id, now())
  on conflict (subscription_id) do update set last_at = excluded.last_at
    where t.last_at <= now() - interval '1 minute'
  returning null into v_last;
  if not found then
    select t.last_at into v_last from private.push_tests t where t.subscription_id = v_sub.id;
    return jsonb_build_object('status', 'too_soon',
      'retry_after_seconds', greatest(1, ceil(extract(epoch from v_last + interval '1 minute' - now())))::int);
  end if;

  -- Title: the organisation's name (no words: the worker says "Test notification" in
  -- the member's language); ref_id: the device itself.
  insert into private.push_queue (subscription_id, member_id, kind, ref_id, title, store_name, url, tag, lang, urgent, not_before)
  select v_sub.id, v_me.id, 'test', v_sub.id, left(o.name, 200), left(coalesce(s.name, o.name), 120), '/account', 'test',
         v_me.locale, true, now()
  from public.organizations o
  left join public.stores s on s.id = v_me.store_id
  where o.id = v_me.org_id;
  return jsonb_build_object('status', 'queued');
end $$;
comment on function public.send_test_push(text) is 'Any member: queues one test notification, at once, to the caller''s own device with this endpoint, at most once a minute per device; answers {status: queued} or {status: too_soon, retry_after_seconds}. Errors: 22023 unknown_subscription (not a device of the caller''s).';

-- push_claim as in 20261205150400_create_push_drain.sql, except that a device with a
-- due test is leased only its test(s): the rest follow at the next claim.
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
      -- A test goes alone: it shows as itself, and no digest counts it as a briefing.
      and (q.kind = 'test' or not exists (
            select 1 from private.push_queue t
            where t.subscription_id = q.subscription_id and t.kind = 'test'
              and t.sent_at is null and t.gave_up_at is null and t.not_before <= v_now
              and (t.lease_until is null or t.lease_until <= v_now)))
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
comment on function public.push_claim(int, int) is 'Sender (service_role): leases the due messages of up to p_limit devices for p_lease_seconds, one item per device; a device''s non-critical messages wait until the newest is 2 minutes old or the oldest 10 minutes (a critical one goes at once, taking the rest along), so several within two minutes fold into one digest; a due test goes alone. Answers {claim, lease_until, items: [{subscription_id, endpoint, p256dh, auth, message_ids, topic, urgency, attempts, payload}]}. Errors: 22023 invalid_limit, invalid_lease.';

revoke execute on function public.send_test_push(text) from public, anon;
grant execute on function public.send_test_push(text) to authenticated, service_role;
