-- Quiet hours for pushes (issue 11): each store has a nightly window in its own time
-- zone (default 21:00-07:00; start = end means none), and each person may name
-- off-shift days (ISO weekdays, 1 = Monday). A message that would arrive in quiet
-- hours or on an off day is held until the window ends on the next working day;
-- critical briefings are never held (the queue decides that, not this function).

alter table public.stores
  add column quiet_start time not null default '21:00',
  add column quiet_end time not null default '07:00';
comment on column public.stores.quiet_start is 'Start of the nightly push quiet hours, in the store''s time zone (equal to quiet_end: none).';
comment on column public.stores.quiet_end is 'End of the push quiet hours, in the store''s time zone: held messages go out then.';

create table private.push_preferences (
  member_id uuid primary key references public.members (id),
  off_days smallint[] not null default '{}'
    check (off_days <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[] and cardinality(off_days) <= 6)
);
comment on table private.push_preferences is 'A member''s notification settings: off-shift ISO weekdays (1 = Monday) on which only critical pushes arrive.';
alter table private.push_preferences enable row level security;
revoke all on private.push_preferences from public, anon, authenticated, service_role;

-- The first moment at or after p_at when a push may arrive: p_at itself when it is
-- outside quiet hours and not an off day (both judged on the local clock of
-- p_time_zone), else the end of quiet hours on the first following day that is not
-- an off day. Local wall-clock times are turned back into instants with the zone's
-- offset of that day, so a DST change moves the instant, never the local 07:00.
-- Pure: no table, no clock; immutable like timezone() itself.
create function private.push_next_allowed(
  p_at timestamptz, p_time_zone text, p_quiet_start time, p_quiet_end time, p_off_days smallint[]
) returns timestamptz
language sql immutable set search_path = '' as $$
  select case
    when not (case
                when p_quiet_start = p_quiet_end then false
                when p_quiet_start < p_quiet_end then l.t::time >= p_quiet_start and l.t::time < p_quiet_end
                else l.t::time >= p_quiet_start or l.t::time < p_quiet_end
              end)
         and not (extract(isodow from l.t)::smallint = any (coalesce(p_off_days, '{}')))
      then p_at
    else coalesce((
      select (d.day + p_quiet_end) at time zone p_time_zone
      from generate_series(0, 7) k
      cross join lateral (select l.t::date + k as day) d
      where d.day + p_quiet_end > l.t
        and not (extract(isodow from d.day)::smallint = any (coalesce(p_off_days, '{}')))
      order by k
      limit 1), p_at)
  end
  from (select p_at at time zone p_time_zone as t) l
$$;
comment on function private.push_next_allowed(timestamptz, text, time, time, smallint[]) is 'Pure: p_at when it is outside quiet hours [start, end) and off days in that time zone, else the end of quiet hours on the next working day (as an instant; DST-aware).';

create function public.set_store_quiet_hours(p_store_id uuid, p_start time, p_end time) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_store public.stores;
begin
  perform private.require_hr('set quiet hours');
  if p_start is null or p_end is null then
    perform private.invalid_argument('missing_field', 'p_start and p_end are required (equal times mean no quiet hours)');
  end if;
  update public.stores s set quiet_start = date_trunc('minute', p_start)::time, quiet_end = date_trunc('minute', p_end)::time
  where s.id = p_store_id and s.org_id = v_me.org_id
  returning s.* into v_store;
  if v_store.id is null then
    perform private.invalid_argument('unknown_store', 'No store with this id in your organisation');
  end if;
  return jsonb_build_object('store_id', v_store.id, 'time_zone', v_store.time_zone,
                            'quiet_start', to_char(v_store.quiet_start, 'HH24:MI'), 'quiet_end', to_char(v_store.quiet_end, 'HH24:MI'));
end $$;
comment on function public.set_store_quiet_hours(uuid, time, time) is 'HR/admin: a store''s push quiet hours in its time zone (equal times = none). Errors: 42501 forbidden; 22023 missing_field, unknown_store.';

create function public.set_my_off_days(p_days smallint[]) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_days smallint[];
begin
  if p_days is null or array_position(p_days, null) is not null
     or not (p_days <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]) then
    perform private.invalid_argument('invalid_days', 'p_days must list ISO weekdays 1 (Monday) to 7 (Sunday)');
  end if;
  v_days := array(select distinct d from unnest(p_days) d order by d);
  if cardinality(v_days) > 6 then
    perform private.invalid_argument('invalid_days', 'At most 6 off days: a person with no working day would never be notified');
  end if;
  insert into private.push_preferences (member_id, off_days) values (v_me.id, v_days)
  on conflict (member_id) do update set off_days = excluded.off_days;
  return jsonb_build_object('off_days', to_jsonb(v_days));
end $$;
comment on function public.set_my_off_days(smallint[]) is 'Any member: the ISO weekdays (1 = Monday) on which only critical pushes reach them; empty = none. Errors: 22023 invalid_days.';

-- The Account screen shows the devices and the settings together.
create or replace function public.my_push_subscriptions() returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare v_me public.members := private.require_member();
begin
  return jsonb_build_object(
    'subscriptions', coalesce((
      select jsonb_agg(private.push_subscription_json(s) order by s.last_seen_at desc, s.id)
      from public.push_subscriptions s where s.member_id = v_me.id), '[]'::jsonb),
    'off_days', coalesce((select to_jsonb(p.off_days) from private.push_preferences p where p.member_id = v_me.id), '[]'::jsonb),
    'quiet_hours', (select jsonb_build_object('time_zone', s.time_zone, 'start', to_char(s.quiet_start, 'HH24:MI'),
                                              'end', to_char(s.quiet_end, 'HH24:MI'))
                    from public.stores s where s.id = v_me.store_id));
end $$;
comment on function public.my_push_subscriptions() is 'The caller''s devices with notifications on (no keys), their off days, and their store''s quiet hours (null without a store).';

revoke execute on function private.push_next_allowed(timestamptz, text, time, time, smallint[]) from public;
revoke execute on function public.set_store_quiet_hours(uuid, time, time), public.set_my_off_days(smallint[]) from public, anon;
grant execute on function public.set_store_quiet_hours(uuid, time, time), public.set_my_off_days(smallint[]) to authenticated, service_role;
