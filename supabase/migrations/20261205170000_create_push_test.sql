-- "Send a test" (issue 11): Account asks the server to push one message to this
-- device, so a person can see that notifications reach their phone. Only the
-- caller's own subscription with that endpoint gets it (never their other devices,
-- never anyone else's), at once (urgent: past quiet hours, off days and the fold
-- window), at most once a minute per device. push_claim (redefined in
-- 20261205170300_claim_push_in_due_order.sql) sends a test on its own, so it arrives as
-- itself and never swells a digest of briefings.

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

revoke execute on function public.send_test_push(text) from public, anon;
grant execute on function public.send_test_push(text) to authenticated, service_role;
