-- Remind only the filtered store (issue 13, point 4): the pending list narrowed to a
-- store and/or department reminds exactly those people, not everyone in the caller's
-- reach. remind_unacknowledged gains p_store_id and p_department_id (both optional:
-- without them it reminds as before, HR and the author the whole audience, another
-- manager their own stores).
--
-- Who may name what: a store of the caller's organisation that the caller reports on
-- (HR and admins: any; a manager: one they run, even for a briefing they wrote), else
-- 42501 unknown_store; a department of the caller's organisation, else 42501
-- unknown_department. The briefing is checked first, as before (42501 unknown_briefing).
--
-- The limit moves from the briefing to the person: nobody gets more than one reminder
-- by hand about a briefing an hour, whoever asks and through whichever filter. So
-- reminding Downtown does not stop Riverside being reminded a minute later, and
-- "everyone" just after Downtown reaches everyone but Downtown's people (answered as
-- recently_reminded). When every person the call names was reminded within the hour,
-- nothing is queued and the answer is too_soon with the first time one of them may be
-- reminded again. The rows are taken in member order under the insert's row locks, so
-- two people pressing at once send each person one reminder and never deadlock.
-- Limits recorded before this migration are per briefing and are not carried over.

drop function public.remind_unacknowledged(uuid);
drop table private.push_manual_reminders;

create table private.push_manual_reminders (
  briefing_id uuid not null references public.briefings (id),
  member_id uuid not null references public.members (id),
  last_at timestamptz not null,
  last_by uuid not null references public.members (id),
  primary key (briefing_id, member_id)
);
comment on table private.push_manual_reminders is 'When each person was last reminded by hand about each briefing, and by whom: the once-an-hour limit, per person.';
alter table private.push_manual_reminders enable row level security;
revoke all on private.push_manual_reminders from public, anon, authenticated, service_role;

create function public.remind_unacknowledged(p_briefing_id uuid, p_store_id uuid default null, p_department_id uuid default null)
returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_briefing public.briefings;
  v_scope uuid[] := private.store_ids_managed_by(v_me);
  v_all boolean;
  v_pending uuid[];
  v_fresh uuid[];
  v_next timestamptz;
  v_devices bigint;
  v_reached bigint;
begin
  select b.* into v_briefing from public.briefings b where b.id = p_briefing_id;
  v_all := v_me.role in ('hr', 'admin');
  -- Who may remind: as briefing_ack_status (who may see who has not read it).
  if v_briefing.id is null or v_briefing.org_id <> v_me.org_id or v_me.role = 'staff'
     or v_briefing.retracted_at is not null
     or not (v_all or v_briefing.author_id = v_me.id or v_briefing.store_ids && v_scope
             or cardinality(v_briefing.store_ids) = 0) then
    raise exception using errcode = '42501', message = 'No briefing with this id that you can remind about', detail = 'unknown_briefing';
  end if;
  if p_store_id is not null
     and not exists (select 1 from public.stores s where s.id = p_store_id and s.org_id = v_me.org_id
                     and (v_all or s.id = any (v_scope))) then
    raise exception using errcode = '42501', message = 'No store with this id whose people you can remind', detail = 'unknown_store';
  end if;
  if p_department_id is not null
     and not exists (select 1 from public.departments d where d.id = p_department_id and d.org_id = v_me.org_id) then
    raise exception using errcode = '42501', message = 'No department with this id in your organisation', detail = 'unknown_department';
  end if;
  if not v_briefing.requires_ack then
    perform private.invalid_argument('not_acknowledgeable', 'This briefing does not ask to be acknowledged');
  end if;

  -- HR and the author remind the whole audience; other managers their own stores; a named store narrows either.
  v_pending := private.briefing_pending_members(
    v_briefing,
    case when p_store_id is not null then array[p_store_id]
         when v_all or v_briefing.author_id = v_me.id then null
         else v_scope end);
  if p_department_id is not null then
    v_pending := array(select m.id from public.members m where m.id = any (v_pending) and m.department_id = p_department_id);
  end if;

  -- At most once an hour per person and briefing, whoever asks.
  with fresh as (
    insert into private.push_manual_reminders as r (briefing_id, member_id, last_at, last_by)
    select v_briefing.id, p.id, now(), v_me.id from unnest(v_pending) p(id) order by p.id
    on conflict (briefing_id, member_id) do update set last_at = excluded.last_at, last_by = excluded.last_by
      where r.last_at <= now() - interval '1 hour'
    returning r.member_id)
  select coalesce(array_agg(member_id), '{}') into v_fresh from fresh;

  if cardinality(v_pending) > 0 and cardinality(v_fresh) = 0 then
    select min(r.last_at) + interval '1 hour' into v_next
    from private.push_manual_reminders r where r.briefing_id = v_briefing.id and r.member_id = any (v_pending);
    return jsonb_build_object('status', 'too_soon', 'next_allowed_at', v_next);
  end if;

  v_devices := private.enqueue_push(v_fresh, 'reminder', v_briefing.id, v_briefing.version, v_briefing.title,
                                    '/briefings/' || v_briefing.id, 'briefing:' || v_briefing.id,
                                    v_briefing.priority = 'critical', now());
  select count(distinct ps.member_id) into v_reached
  from public.push_subscriptions ps where ps.member_id = any (v_fresh);
  return jsonb_build_object(
    'status', 'queued',
    'pending', cardinality(v_pending),
    'recently_reminded', cardinality(v_pending) - cardinality(v_fresh),
    'people', v_reached,
    'devices', v_devices,
    'without_notifications', cardinality(v_fresh) - v_reached,
    'next_allowed_at', now() + interval '1 hour');
end $$;
comment on function public.remind_unacknowledged(uuid, uuid, uuid) is 'Managers (as briefing_ack_status) and HR: pushes a reminder to those in reach, or only in store p_store_id and/or department p_department_id, who have not acknowledged the current version, each person at most once an hour per briefing; answers pending, recently_reminded (skipped: reminded within the hour), people and devices reached and people without notifications, or status too_soon with next_allowed_at when all were reminded within the hour. Errors: 42501 unknown_briefing, unknown_store, unknown_department; 22023 not_acknowledgeable.';

revoke execute on function public.remind_unacknowledged(uuid, uuid, uuid) from public, anon;
grant execute on function public.remind_unacknowledged(uuid, uuid, uuid) to authenticated, service_role;
