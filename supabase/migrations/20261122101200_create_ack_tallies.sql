-- Running tallies of the acknowledgements that count toward compliance, so
-- HR's dashboard sums a few thousand counter rows instead of joining every
-- acknowledgement to its member on each call (1,000,000 of them: ~1 s).
--
-- An acknowledgement counts while it names its briefing's current version, the
-- briefing requires acknowledgement and is not retracted, and its member is
-- active, has a store and is in the briefing's audience (private.ack_counts).
-- Two tallies, each small because its key compresses:
--   ack_tally_daily: per briefing and UTC day received (rate by briefing, per day);
--   ack_tally_store: per store, and the UTC days the briefing was published and
--     is due (rate by store; the dashboard's window is in whole UTC days, so
--     those two days decide whether a briefing is in it).
-- Kept exact: the acknowledgements a transaction inserts are tallied at its
-- commit in one sorted write (so concurrent pushes never deadlock on counters
-- and hold them only while committing); a briefing or member change that
-- alters which existing acknowledgements count moves them at once.

create table private.ack_tally_daily (
  briefing_id uuid not null,
  day date not null,
  n bigint not null,
  primary key (briefing_id, day)
);
comment on table private.ack_tally_daily is 'Counting acknowledgements per briefing and UTC day received; see private.ack_counts.';

create table private.ack_tally_store (
  store_id uuid not null,
  publish_day date not null,
  -- '-infinity' when the briefing has no due date.
  due_day date not null,
  n bigint not null,
  primary key (store_id, publish_day, due_day)
);
comment on table private.ack_tally_store is 'Counting acknowledgements per member store and the briefing''s UTC publish and due days; see private.ack_counts.';

-- What a flush finds: the acknowledgements this transaction inserted.
create index acknowledgements_sync_seq on public.acknowledgements (sync_seq);

create type private.ack_tally_delta as (
  briefing_id uuid, day date, store_id uuid, publish_day date, due_day date, n bigint
);
comment on type private.ack_tally_delta is 'A change to both tallies: n acknowledgements of a briefing, received on day, by members of store_id.';

-- No SET clause, so it inlines into the queries below (see private.audience_includes).
create function private.ack_counts(b public.briefings, m public.members, p_version int) returns boolean
language sql immutable as $$
  select p_version = b.version and b.requires_ack and b.retracted_at is null
     and m.org_id = b.org_id and m.active and m.store_id is not null
     and private.audience_includes(b.store_ids, b.department_ids, b.roles, m.store_id, m.department_id, m.role)
$$;
comment on function private.ack_counts(public.briefings, public.members, int) is 'True when an acknowledgement of version p_version by m counts toward b''s compliance.';

create function private.publish_day(p_publish_at timestamptz) returns date
language sql immutable as $$ select (p_publish_at at time zone 'UTC')::date $$;
comment on function private.publish_day(timestamptz) is 'UTC day a briefing was published: its ack_tally_store bucket.';

create function private.due_day(p_ack_due_at timestamptz) returns date
language sql immutable as $$ select coalesce((p_ack_due_at at time zone 'UTC')::date, '-infinity'::date) $$;
comment on function private.due_day(timestamptz) is 'UTC day a briefing is due, -infinity without a due date: its ack_tally_store bucket.';

-- Every writer goes through here: daily before store, each in key order, so
-- two transactions always lock counter rows in the same order.
create function private.apply_ack_tally(p_deltas private.ack_tally_delta[]) returns void
language plpgsql volatile set search_path = '' as $$
begin
  insert into private.ack_tally_daily (briefing_id, day, n)
  select d.briefing_id, d.day, sum(d.n) from unnest(p_deltas) d
  group by d.briefing_id, d.day having sum(d.n) <> 0
  order by d.briefing_id, d.day
  on conflict (briefing_id, day) do update set n = private.ack_tally_daily.n + excluded.n;
  insert into private.ack_tally_store (store_id, publish_day, due_day, n)
  select d.store_id, d.publish_day, d.due_day, sum(d.n) from unnest(p_deltas) d
  group by d.store_id, d.publish_day, d.due_day having sum(d.n) <> 0
  order by d.store_id, d.publish_day, d.due_day
  on conflict (store_id, publish_day, due_day) do update set n = private.ack_tally_store.n + excluded.n;
end $$;
comment on function private.apply_ack_tally(private.ack_tally_delta[]) is 'Adds changes to both tallies, locking counter rows in one global order.';

-- This transaction's acknowledgements are those with a sync_seq in
-- [xid << 24, (xid + 1) << 24) (private.next_sync_seq); frontline.ack_tally_upto
-- is the highest of them already tallied.
create function private.untallied_from() returns bigint
language sql volatile set search_path = '' as $$
  select greatest((pg_current_xact_id()::text::bigint << 24) - 1,
                  coalesce(nullif(current_setting('frontline.ack_tally_upto', true), '')::bigint, 0))
$$;
comment on function private.untallied_from() is 'Acknowledgements of this transaction with a sync_seq above this are not tallied yet.';

-- Deferred to commit: the first firing tallies everything the transaction
-- inserted, the others find nothing left. Briefings and members are share-locked
-- first, so a concurrent edit or move either waits for this commit or is seen.
create function private.tally_new_acks() returns trigger
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_done bigint := coalesce(nullif(current_setting('frontline.ack_tally_upto', true), '')::bigint, 0);
  v_from bigint;
  v_to bigint;
  v_deltas private.ack_tally_delta[];
  v_upto bigint;
begin
  -- The common case, kept to one setting read: already tallied by the first firing.
  if new.sync_seq <= v_done then
    return null;
  end if;
  v_from := private.untallied_from();
  v_to := (pg_current_xact_id()::text::bigint + 1) << 24;
  perform 1 from public.briefings b
  where b.id in (select k.briefing_id from public.acknowledgements k where k.sync_seq > v_from and k.sync_seq < v_to)
  order by b.id for share;
  perform 1 from public.members m
  where m.id in (select k.member_id from public.acknowledgements k where k.sync_seq > v_from and k.sync_seq < v_to)
  order by m.id for share;
  select array_agg(row(x.briefing_id, x.day, x.store_id, x.publish_day, x.due_day, x.n)::private.ack_tally_delta),
         max(x.upto)
  into v_deltas, v_upto
  from (select k.briefing_id, (k.received_at at time zone 'UTC')::date as day, m.store_id,
               private.publish_day(b.publish_at) as publish_day, private.due_day(b.ack_due_at) as due_day,
               count(*) filter (where private.ack_counts(b, m, k.version)) as n, max(k.sync_seq) as upto
        from public.acknowledgements k
        join public.briefings b on b.id = k.briefing_id
        join public.members m on m.id = k.member_id
        where k.sync_seq > v_from and k.sync_seq < v_to
        group by 1, 2, 3, 4, 5) x;
  perform private.apply_ack_tally(v_deltas);
  perform set_config('frontline.ack_tally_upto', greatest(v_upto, new.sync_seq)::text, true);
  return null;
end $$;
comment on function private.tally_new_acks() is 'Deferred trigger: at commit, adds the acknowledgements this transaction inserted to the tallies in one sorted write.';

create constraint trigger acknowledgements_tally after insert on public.acknowledgements
  deferrable initially deferred for each row execute function private.tally_new_acks();

-- A briefing's acknowledgements, counted as of one state of the briefing; those
-- this transaction inserted and has not tallied yet are left to the commit.
create function private.ack_tally_of_briefing(b public.briefings, p_sign int, p_from bigint, p_to bigint) returns private.ack_tally_delta[]
language sql stable set search_path = '' as $$
  select array_agg(row(x.briefing_id, x.day, x.store_id, x.publish_day, x.due_day, x.n)::private.ack_tally_delta)
  from (select b.id as briefing_id, (k.received_at at time zone 'UTC')::date as day, m.store_id,
               private.publish_day(b.publish_at) as publish_day, private.due_day(b.ack_due_at) as due_day,
               p_sign * count(*) as n
        from public.acknowledgements k
        join public.members m on m.id = k.member_id
        where k.briefing_id = b.id and k.version = b.version
          and not (k.sync_seq > p_from and k.sync_seq < p_to)
          and private.ack_counts(b, m, k.version)
        group by 1, 2, 3, 4, 5) x
$$;
comment on function private.ack_tally_of_briefing(public.briefings, int, bigint, bigint) is 'Tally changes (times p_sign) for the counting acknowledgements of one briefing state, leaving out sync_seq in (p_from, p_to).';

create function private.retally_briefing() returns trigger
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_from bigint := private.untallied_from();
  v_to bigint := (pg_current_xact_id()::text::bigint + 1) << 24;
begin
  perform private.apply_ack_tally(private.ack_tally_of_briefing(old, -1, v_from, v_to)
                                  || private.ack_tally_of_briefing(new, 1, v_from, v_to));
  return null;
end $$;
comment on function private.retally_briefing() is 'Trigger: moves a briefing''s acknowledgements in the tallies when its version, audience, due or publish day, requires_ack or retraction change.';

create trigger briefings_retally_acks after update on public.briefings
  for each row when ((old.version, old.requires_ack, old.retracted_at is null, old.store_ids, old.department_ids, old.roles,
                      private.publish_day(old.publish_at), private.due_day(old.ack_due_at))
                     is distinct from
                     (new.version, new.requires_ack, new.retracted_at is null, new.store_ids, new.department_ids, new.roles,
                      private.publish_day(new.publish_at), private.due_day(new.ack_due_at)))
  execute function private.retally_briefing();

create function private.ack_tally_of_member(m public.members, p_sign int, p_from bigint, p_to bigint) returns private.ack_tally_delta[]
language sql stable set search_path = '' as $$
  select array_agg(row(x.briefing_id, x.day, x.store_id, x.publish_day, x.due_day, x.n)::private.ack_tally_delta)
  from (select b.id as briefing_id, (k.received_at at time zone 'UTC')::date as day, m.store_id,
               private.publish_day(b.publish_at) as publish_day, private.due_day(b.ack_due_at) as due_day,
               p_sign * count(*) as n
        from public.acknowledgements k
        join public.briefings b on b.id = k.briefing_id
        where k.member_id = m.id
          and not (k.sync_seq > p_from and k.sync_seq < p_to)
          and private.ack_counts(b, m, k.version)
        group by 1, 2, 3, 4, 5) x
$$;
comment on function private.ack_tally_of_member(public.members, int, bigint, bigint) is 'Tally changes (times p_sign) for the counting acknowledgements of one member state, leaving out sync_seq in (p_from, p_to).';

create function private.retally_member() returns trigger
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_from bigint := private.untallied_from();
  v_to bigint := (pg_current_xact_id()::text::bigint + 1) << 24;
begin
  perform private.apply_ack_tally(private.ack_tally_of_member(old, -1, v_from, v_to)
                                  || private.ack_tally_of_member(new, 1, v_from, v_to));
  return null;
end $$;
comment on function private.retally_member() is 'Trigger: moves a member''s acknowledgements in the tallies when their organisation, store, department, role or activity change.';

create trigger members_retally_acks after update on public.members
  for each row when ((old.org_id, old.store_id, old.department_id, old.role, old.active)
                     is distinct from (new.org_id, new.store_id, new.department_id, new.role, new.active))
  execute function private.retally_member();

-- Repair and first fill: the tallies recounted from the acknowledgements.
create function private.rebuild_ack_tallies() returns void
language plpgsql volatile set search_path = '' as $$
begin
  lock table private.ack_tally_daily, private.ack_tally_store in exclusive mode;
  delete from private.ack_tally_daily;
  delete from private.ack_tally_store;
  perform private.apply_ack_tally(array(
    select row(x.briefing_id, x.day, x.store_id, x.publish_day, x.due_day, x.n)::private.ack_tally_delta
    from (select k.briefing_id, (k.received_at at time zone 'UTC')::date as day, m.store_id,
                 private.publish_day(b.publish_at) as publish_day, private.due_day(b.ack_due_at) as due_day, count(*) as n
          from public.acknowledgements k
          join public.briefings b on b.id = k.briefing_id
          join public.members m on m.id = k.member_id
          where private.ack_counts(b, m, k.version)
          group by 1, 2, 3, 4, 5) x));
end $$;
comment on function private.rebuild_ack_tallies() is 'Recounts both tallies from scratch (first fill, or repair).';

select private.rebuild_ack_tallies();

revoke all on private.ack_tally_daily, private.ack_tally_store from public, anon, authenticated;
