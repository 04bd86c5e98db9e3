-- Reminders (issue 11): a manager's "remind those who haven't read it" (at most once
-- an hour per briefing, answering how many people and devices it reached and how
-- many have notifications off), and the scheduler's reminders before ack_due_at
-- (once per member per version).

create table private.push_manual_reminders (
  briefing_id uuid primary key references public.briefings (id),
  last_at timestamptz not null,
  last_by uuid not null references public.members (id)
);
comment on table private.push_manual_reminders is 'When each briefing was last reminded by hand, and by whom: the once-an-hour limit.';
alter table private.push_manual_reminders enable row level security;
revoke all on private.push_manual_reminders from public, anon, authenticated, service_role;

create table private.push_due_reminders (
  briefing_id uuid not null references public.briefings (id),
  version int not null,
  member_id uuid not null references public.members (id),
  created_at timestamptz not null default now(),
  primary key (briefing_id, version, member_id)
);
comment on table private.push_due_reminders is 'Members already reminded before the due time of a briefing version: never twice.';
alter table private.push_due_reminders enable row level security;
revoke all on private.push_due_reminders from public, anon, authenticated, service_role;

create index briefings_ack_due on public.briefings (ack_due_at) where requires_ack and retracted_at is null;

-- Members of the briefing's push audience who have not acknowledged its current
-- version, limited to p_scope stores unless p_scope is null.
create function private.briefing_pending_members(b public.briefings, p_scope uuid[]) returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.id), '{}')
  from public.members m
  where m.org_id = b.org_id and m.active and m.id <> b.author_id
    and private.briefing_visible_to(b, m)
    and (p_scope is null or m.store_id = any (p_scope))
    and not exists (select 1 from public.acknowledgements k
                    where k.briefing_id = b.id and k.version = b.version and k.member_id = m.id)
$$;
comment on function private.briefing_pending_members(public.briefings, uuid[]) is 'Audience members (not the author) who have not acknowledged the current version, in p_scope stores (null = all).';

create function public.remind_unacknowledged(p_briefing_id uuid) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_briefing public.briefings;
  v_scope uuid[] := private.store_ids_managed_by(v_me);
  v_pending uuid[];
  v_last timestamptz;
  v_devices bigint;
  v_reached bigint;
begin
  select b.* into v_briefing from public.briefings b where b.id = p_briefing_id;
  -- Who may remind: as briefing_ack_status (who may see who has not read it).
  if v_briefing.id is null or v_briefing.org_id <> v_me.org_id or v_me.role = 'staff'
     or v_briefing.retracted_at is not null
     or not (v_me.role in ('hr', 'admin') or v_briefing.author_id = v_me.id or v_briefing.store_ids && v_scope
             or cardinality(v_briefing.store_ids) = 0) then
    raise exception using errcode = '42501', message = 'No briefing with this id that you can remind about', detail = 'unknown_briefing';
  end if;
  if not v_briefing.requires_ack then
    perform private.invalid_argument('not_acknowledgeable', 'This briefing does not ask to be acknowledged');
  end if;

  -- At most once an hour per briefing, whoever asks; the row lock also makes two
  -- managers pressing at once send one reminder.
  insert into private.push_manual_reminders as r (briefing_id, last_at, last_by)
  values (v_briefing.id, now(), v_me.id)
  on conflict (briefing_id) do update set last_at = excluded.last_at, last_by = excluded.last_by
    where r.last_at <= now() - interval '1 hour'
  returning null into v_last;
  if not found then
    select r.last_at into v_last from private.push_manual_reminders r where r.briefing_id = v_briefing.id;
    return jsonb_build_object('status', 'too_soon', 'next_allowed_at', v_last + interval '1 hour');
  end if;

  -- HR and the author remind the whole audience; other managers their own stores.
  v_pending := private.briefing_pending_members(
    v_briefing, case when v_me.role in ('hr', 'admin') or v_briefing.author_id = v_me.id then null else v_scope end);
  v_devices := private.enqueue_push(v_pending, 'reminder', v_briefing.id, v_briefing.version, v_briefing.title,
                                    '/briefings/' || v_briefing.id, 'briefing:' || v_briefing.id,
                                    v_briefing.priority = 'critical', now());
  select count(distinct ps.member_id) into v_reached
  from public.push_subscriptions ps where ps.member_id = any (v_pending);
  return jsonb_build_object(
    'status', 'queued',
    'pending', cardinality(v_pending),
    'people', v_reached,
    'devices', v_devices,
    'without_notifications', cardinality(v_pending) - v_reached,
    'next_allowed_at', now() + interval '1 hour');
end $$;
comment on function public.remind_unacknowledged(uuid) is 'Managers (as briefing_ack_status) and HR: pushes a reminder to everyone in reach who has not acknowledged the current version, at most once an hour per briefing; answers pending, people and devices reached, and people without notifications ("notified on N devices; M people have notifications off"), or status too_soon with next_allowed_at. Errors: 42501 unknown_briefing; 22023 not_acknowledgeable.';

create function public.enqueue_due_reminders(p_now timestamptz default now()) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_briefing public.briefings;
  v_fresh uuid[];
  v_briefings int := 0;
  v_people bigint := 0;
  v_devices bigint := 0;
begin
  if p_now is null then
    perform private.invalid_argument('missing_field', 'p_now is required');
  end if;
  for v_briefing in
    select b.* from public.briefings b
    where b.requires_ack and b.retracted_at is null
      and b.ack_due_at > p_now and b.ack_due_at <= p_now + interval '60 minutes'
      and b.publish_at <= p_now and (b.expires_at is null or b.expires_at > p_now)
    order by b.ack_due_at, b.id
  loop
    with fresh as (
      insert into private.push_due_reminders (briefing_id, version, member_id)
      select v_briefing.id, v_briefing.version, unnest(private.briefing_pending_members(v_briefing, null))
      on conflict do nothing
      returning member_id)
    select coalesce(array_agg(member_id), '{}') into v_fresh from fresh;
    if cardinality(v_fresh) > 0 then
      v_briefings := v_briefings + 1;
      v_people := v_people + cardinality(v_fresh);
      v_devices := v_devices + private.enqueue_push(v_fresh, 'reminder', v_briefing.id, v_briefing.version, v_briefing.title,
                                                    '/briefings/' || v_briefing.id, 'briefing:' || v_briefing.id,
                                                    v_briefing.priority = 'critical', p_now);
    end if;
  end loop;
  return jsonb_build_object('briefings', v_briefings, 'people', v_people, 'devices', v_devices);
end $$;
comment on function public.enqueue_due_reminders(timestamptz) is 'Scheduler (service_role): reminds everyone who has not acknowledged a briefing due within the next 60 minutes of p_now, once per member per version; answers briefings, people and devices.';

revoke execute on function private.briefing_pending_members(public.briefings, uuid[]) from public;
revoke execute on function public.remind_unacknowledged(uuid) from public, anon;
grant execute on function public.remind_unacknowledged(uuid) to authenticated, service_role;
revoke execute on function public.enqueue_due_reminders(timestamptz) from public, anon, authenticated;
grant execute on function public.enqueue_due_reminders(timestamptz) to service_role;
