-- A store's time_zone must be a time zone name the database knows (IANA, as listed
-- by pg_timezone_names, e.g. 'Europe/London', 'America/New_York', 'UTC'): queuing a
-- push computes quiet hours with `at time zone`, so an unknown name made publishing
-- a briefing to that store fail. The list is not immutable (it comes from the server's
-- time zone files), so a CHECK cannot use it: a trigger refuses the name instead, on
-- insert and whenever time_zone changes, with 22023 invalid_time_zone.

create function private.is_time_zone(p_name text) returns boolean
language sql stable set search_path = '' as $$
  select exists (select 1 from pg_catalog.pg_timezone_names z where z.name = p_name)
$$;
comment on function private.is_time_zone(text) is 'Whether p_name is a time zone name this server knows (pg_timezone_names, exact spelling); false for null, unlisted abbreviations and POSIX offsets such as ''UTC+3''.';

create function private.check_store_time_zone() returns trigger
language plpgsql set search_path = '' as $$
begin
  if not private.is_time_zone(new.time_zone) then
    raise exception using errcode = '22023', detail = 'invalid_time_zone',
      message = format('Unknown time zone %L: use an IANA name such as Europe/London or America/New_York', new.time_zone);
  end if;
  return new;
end $$;
comment on function private.check_store_time_zone() is 'Trigger: refuses a store whose time_zone is not a known IANA name (22023 invalid_time_zone).';

-- Stores saved before this check with a name the server does not know fall back to
-- UTC (their quiet hours were unusable and their publishes failed), said in a notice.
do $$
declare v_store record;
begin
  for v_store in select s.id, s.time_zone from public.stores s where not private.is_time_zone(s.time_zone) loop
    raise notice 'store % had unknown time zone %, now UTC', v_store.id, v_store.time_zone;
    update public.stores s set time_zone = 'UTC' where s.id = v_store.id;
  end loop;
end $$;

create trigger stores_check_time_zone before insert or update of time_zone on public.stores
  for each row execute function private.check_store_time_zone();
comment on trigger stores_check_time_zone on public.stores is 'A store''s time zone must be a known IANA name, so quiet hours (and so publishing) can never fail on it.';

revoke execute on function private.is_time_zone(text), private.check_store_time_zone() from public;
