-- The push queue (issue 11): one row per message per device, written in the same
-- transaction as what caused it (a briefing published or given new text, a public
-- reply to named feedback; reminders come in the next migrations), so a publish
-- that commits has its messages and one that rolls back has none. A message carries
-- only a title, a store name and an address, never a briefing's body. The sender
-- drains it through push_claim / push_done (service_role); no API role reads it.

create table private.push_queue (
  id uuid primary key default gen_random_uuid(),
  subscription_id uuid not null references public.push_subscriptions (id) on delete cascade,
  member_id uuid not null references public.members (id),
  kind text not null check (kind in ('briefing', 'reminder', 'reply')),
  ref_id uuid not null,
  version int,
  title text not null check (char_length(title) between 1 and 200),
  store_name text check (char_length(store_name) <= 120),
  url text not null check (char_length(url) <= 500),
  tag text not null check (char_length(tag) <= 120),
  lang text not null default 'en',
  urgent boolean not null default false,
  created_at timestamptz not null default now(),
  not_before timestamptz not null,
  attempts int not null default 0,
  claim uuid,
  lease_until timestamptz,
  sent_at timestamptz,
  gave_up_at timestamptz,
  last_error text check (char_length(last_error) <= 500)
);
comment on table private.push_queue is 'Web Push messages per device: due at not_before (quiet hours), leased to one sender by claim until lease_until, sent once (sent_at) or given up after attempts.';
create index push_queue_due on private.push_queue (not_before) where sent_at is null and gave_up_at is null;
create index push_queue_pending_subscription on private.push_queue (subscription_id) where sent_at is null and gave_up_at is null;
create index push_queue_pending_ref on private.push_queue (ref_id) where sent_at is null and gave_up_at is null;
create index push_queue_claim on private.push_queue (claim) where claim is not null and sent_at is null;
alter table private.push_queue enable row level security;
revoke all on private.push_queue from public, anon, authenticated, service_role;

-- One message to every device of the given members (active ones only), held by
-- quiet hours and off days in each member's store time zone unless urgent.
-- Returns the number of devices queued.
create function private.enqueue_push(
  p_member_ids uuid[], p_kind text, p_ref_id uuid, p_version int, p_title text, p_url text, p_tag text,
  p_urgent boolean, p_at timestamptz
) returns bigint
language plpgsql security definer set search_path = '' as $$
declare v_devices bigint;
begin
  insert into private.push_queue (subscription_id, member_id, kind, ref_id, version, title, store_name, url, tag, lang, urgent, not_before)
  select ps.id, m.id, p_kind, p_ref_id, p_version, left(p_title, 200), left(coalesce(s.name, o.name), 120), p_url, p_tag, m.locale,
         p_urgent,
         case when p_urgent then p_at
              else private.push_next_allowed(p_at, coalesce(s.time_zone, 'UTC'), coalesce(s.quiet_start, '21:00'),
                                             coalesce(s.quiet_end, '07:00'), coalesce(pp.off_days, '{}')) end
  from public.members m
  join public.push_subscriptions ps on ps.member_id = m.id and ps.org_id = m.org_id
  join public.organizations o on o.id = m.org_id
  left join public.stores s on s.id = m.store_id
  left join private.push_preferences pp on pp.member_id = m.id
  where m.id = any (p_member_ids) and m.active;
  get diagnostics v_devices = row_count;
  return v_devices;
end $$;
comment on function private.enqueue_push(uuid[], text, uuid, int, text, text, text, boolean, timestamptz) is 'Queues one message per device of the given active members, not_before = quiet-hours end in each store''s zone unless urgent; returns the devices queued.';

-- Who a briefing's push may reach: its audience as sync_pull sees it (same
-- organisation, not retracted or expired, audience match), active, never the author.
create function private.briefing_push_audience(b public.briefings) returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.id), '{}')
  from public.members m
  where m.org_id = b.org_id and m.active and m.id <> b.author_id
    and private.briefing_visible_to(b, m)
$$;
comment on function private.briefing_push_audience(public.briefings) is 'Active members (not the author) whose phones may hold this briefing: the only people its pushes reach.';

create function private.queue_briefing_push() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'UPDATE' and new.retracted_at is not null then
    -- Retracted: nothing more about it goes out (a sender already holding a message
    -- finds it gone at push_done: it counts as stale).
    delete from private.push_queue q where q.ref_id = new.id and q.sent_at is null;
    return null;
  end if;
  if new.retracted_at is null
     and (tg_op = 'INSERT' or new.version <> old.version)
     and (new.requires_ack or new.priority in ('important', 'critical')) then
    if tg_op = 'UPDATE' then
      -- The previous text's messages that have not gone yet are superseded.
      delete from private.push_queue q where q.ref_id = new.id and q.sent_at is null;
    end if;
    perform private.enqueue_push(private.briefing_push_audience(new), 'briefing', new.id, new.version, new.title,
                                 '/briefings/' || new.id, 'briefing:' || new.id, new.priority = 'critical',
                                 greatest(now(), new.publish_at));
  end if;
  return null;
end $$;
comment on function private.queue_briefing_push() is 'Trigger: a briefing published, or given new text, that needs acknowledging or is important/critical queues a push to its audience''s devices (not the author''s); a retraction drops its unsent messages.';
create trigger briefings_queue_push after insert or update of title, body, retracted_at on public.briefings
  for each row execute function private.queue_briefing_push();
comment on trigger briefings_queue_push on public.briefings is 'Queues Web Push messages in the publishing transaction.';

create function private.queue_reply_push() returns trigger
language plpgsql security definer set search_path = '' as $$
declare v_feedback public.feedback;
begin
  if not new.is_public then
    return null;
  end if;
  select f.* into v_feedback from public.feedback f where f.id = new.feedback_id;
  if v_feedback.author_id is null or v_feedback.author_id = new.author_id then
    return null; -- anonymous feedback has nobody to notify; nobody is told of their own reply
  end if;
  perform private.enqueue_push(array[v_feedback.author_id], 'reply', v_feedback.id, null,
                               (select o.name from public.organizations o where o.id = v_feedback.org_id),
                               '/voice/mine', 'reply:' || v_feedback.id, false, now());
  return null;
end $$;
comment on function private.queue_reply_push() is 'Trigger: a public reply to named feedback queues a push to its author (title: the organisation''s name; no text of either).';
create trigger feedback_replies_queue_push after insert on public.feedback_replies
  for each row execute function private.queue_reply_push();
comment on trigger feedback_replies_queue_push on public.feedback_replies is 'Notifies the author of named feedback of a public reply.';

revoke execute on function private.enqueue_push(uuid[], text, uuid, int, text, text, text, boolean, timestamptz),
  private.briefing_push_audience(public.briefings), private.queue_briefing_push(), private.queue_reply_push() from public;
