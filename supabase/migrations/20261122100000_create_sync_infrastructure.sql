-- Sync infrastructure shared by every synced table: the private schema, the
-- commit-safe sync sequence, tombstones for rows that leave an audience, the
-- idempotency ledger for sync_push, and the helpers that reject bad payloads.

create schema if not exists private;
comment on schema private is 'Helpers and bookkeeping that the API never exposes directly.';
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- Every sync_seq is (transaction id << 24) + n-th row written by that transaction.
-- Ordering by it equals ordering by transaction start, so a reader can tell which
-- sequence numbers are final: all of those below its snapshot's xmin.
create function private.next_sync_seq() returns bigint
language plpgsql volatile set search_path = '' as $$
declare
  v_n bigint := coalesce(nullif(current_setting('frontline.sync_n', true), ''), '0')::bigint + 1;
begin
  if v_n >= 16777216 then
    raise exception 'one transaction may write at most 16777215 synced rows';
  end if;
  perform set_config('frontline.sync_n', v_n::text, true);
  return (pg_current_xact_id()::text::bigint << 24) + v_n;
end $$;
comment on function private.next_sync_seq() is 'Next sync_seq for the current transaction: xid-ordered, so readers can page without missing late commits.';

-- Rows with a sync_seq below this value can no longer appear or change under an
-- already-issued cursor: every transaction that could write them has ended.
create function private.sync_high_water() returns bigint
language sql volatile set search_path = '' as $$
  select pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 24
$$;
comment on function private.sync_high_water() is 'Exclusive upper bound of final sync_seq values for the current snapshot.';

create function private.stamp_sync_seq() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.sync_seq := private.next_sync_seq();
  new.updated_at := now();
  return new;
end $$;
comment on function private.stamp_sync_seq() is 'Trigger: gives a changed row a new sync_seq and updated_at.';

create function private.stamp_fact_sync_seq() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.sync_seq := private.next_sync_seq();
  return new;
end $$;
comment on function private.stamp_fact_sync_seq() is 'Trigger: gives a new append-only fact its sync_seq.';

create function private.forbid_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception using errcode = '42501',
    message = format('%s is append-only: rows cannot be updated or deleted', tg_table_name),
    detail = 'append_only';
end $$;
comment on function private.forbid_change() is 'Trigger: refuses UPDATE, DELETE and TRUNCATE on append-only fact tables, for every role.';

-- When content leaves an audience (retracted, archived, re-targeted) the old
-- audience is kept here so exactly the phones that had it are told to drop it.
create table private.sync_tombstones (
  sync_seq bigint primary key default private.next_sync_seq(),
  org_id uuid not null,
  item_type text not null check (item_type in ('briefing', 'value_card', 'lesson', 'pulse')),
  item_id uuid not null,
  author_id uuid,
  store_ids uuid[] not null default '{}',
  department_ids uuid[] not null default '{}',
  roles text[] not null default '{}'
);
comment on table private.sync_tombstones is 'Old audiences of content that was retracted, archived or re-targeted; read by sync_pull to fill removed.';
create index sync_tombstones_org_seq on private.sync_tombstones (org_id, sync_seq);

-- Idempotency ledger: one row per applied client mutation id. Anonymous kinds
-- (anonymous feedback, pulse answers) are recorded with no member and no time,
-- so the ledger cannot tie them to a person.
create table private.applied_mutations (
  id uuid primary key,
  member_id uuid,
  type text not null,
  applied_at timestamptz
);
comment on table private.applied_mutations is 'Client mutation ids already applied by sync_push; replaying one answers duplicate.';

create function private.reject(p_code text, p_message text) returns void
language plpgsql set search_path = '' as $$
begin
  raise exception using errcode = 'P0001', message = p_message, detail = p_code;
end $$;
comment on function private.reject(text, text) is 'Raises an expected rejection: detail carries the stable machine code, message the readable reason.';

create function private.req_text(p jsonb, p_key text, p_max int, p_min int default 1) returns text
language plpgsql immutable set search_path = '' as $$
declare v text;
begin
  if p -> p_key is null or jsonb_typeof(p -> p_key) = 'null' then
    perform private.reject('missing_field', format('%s is required', p_key));
  end if;
  if jsonb_typeof(p -> p_key) <> 'string' then
    perform private.reject('invalid_type', format('%s must be text', p_key));
  end if;
  v := btrim(p ->> p_key);
  if char_length(v) < p_min then
    perform private.reject('too_short', format('%s must have at least %s characters', p_key, p_min));
  end if;
  if char_length(v) > p_max then
    perform private.reject('too_long', format('%s must be at most %s characters (got %s)', p_key, p_max, char_length(v)));
  end if;
  return v;
end $$;
comment on function private.req_text(jsonb, text, int, int) is 'Reads a required, trimmed text field with length limits from a payload.';

create function private.opt_text(p jsonb, p_key text, p_max int) returns text
language plpgsql immutable set search_path = '' as $$
begin
  if p -> p_key is null or jsonb_typeof(p -> p_key) = 'null' or btrim(coalesce(p ->> p_key, '')) = '' then
    return null;
  end if;
  return private.req_text(p, p_key, p_max);
end $$;
comment on function private.opt_text(jsonb, text, int) is 'Reads an optional text field; empty means absent.';

create function private.req_uuid(p jsonb, p_key text) returns uuid
language plpgsql immutable set search_path = '' as $$
begin
  if p -> p_key is null or jsonb_typeof(p -> p_key) = 'null' then
    perform private.reject('missing_field', format('%s is required', p_key));
  end if;
  if jsonb_typeof(p -> p_key) <> 'string'
     or (p ->> p_key) !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    perform private.reject('invalid_type', format('%s must be a UUID', p_key));
  end if;
  return (p ->> p_key)::uuid;
end $$;
comment on function private.req_uuid(jsonb, text) is 'Reads a required UUID field from a payload.';

create function private.opt_uuid(p jsonb, p_key text) returns uuid
language plpgsql immutable set search_path = '' as $$
begin
  if p -> p_key is null or jsonb_typeof(p -> p_key) = 'null' then
    return null;
  end if;
  return private.req_uuid(p, p_key);
end $$;
comment on function private.opt_uuid(jsonb, text) is 'Reads an optional UUID field from a payload.';

create function private.req_int(p jsonb, p_key text, p_min int, p_max int) returns int
language plpgsql immutable set search_path = '' as $$
declare v numeric;
begin
  if p -> p_key is null or jsonb_typeof(p -> p_key) = 'null' then
    perform private.reject('missing_field', format('%s is required', p_key));
  end if;
  if jsonb_typeof(p -> p_key) <> 'number' then
    perform private.reject('invalid_type', format('%s must be a number', p_key));
  end if;
  v := (p ->> p_key)::numeric;
  if v <> trunc(v) or v < p_min or v > p_max then
    perform private.reject('out_of_range', format('%s must be a whole number from %s to %s', p_key, p_min, p_max));
  end if;
  return v::int;
end $$;
comment on function private.req_int(jsonb, text, int, int) is 'Reads a required whole number within a range from a payload.';

create function private.opt_bool(p jsonb, p_key text, p_default boolean) returns boolean
language plpgsql immutable set search_path = '' as $$
begin
  if p -> p_key is null or jsonb_typeof(p -> p_key) = 'null' then
    return p_default;
  end if;
  if jsonb_typeof(p -> p_key) <> 'boolean' then
    perform private.reject('invalid_type', format('%s must be true or false', p_key));
  end if;
  return (p ->> p_key)::boolean;
end $$;
comment on function private.opt_bool(jsonb, text, boolean) is 'Reads an optional boolean field from a payload.';

create function private.opt_timestamptz(p jsonb, p_key text) returns timestamptz
language plpgsql stable set search_path = '' as $$
begin
  if p -> p_key is null or jsonb_typeof(p -> p_key) = 'null' then
    return null;
  end if;
  if jsonb_typeof(p -> p_key) <> 'string'
     or (p ->> p_key) !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$' then
    perform private.reject('invalid_type', format('%s must be an ISO 8601 time with a time zone', p_key));
  end if;
  return (p ->> p_key)::timestamptz;
end $$;
comment on function private.opt_timestamptz(jsonb, text) is 'Reads an optional ISO 8601 timestamp with zone from a payload.';

create function private.req_timestamptz(p jsonb, p_key text) returns timestamptz
language plpgsql stable set search_path = '' as $$
declare v timestamptz := private.opt_timestamptz(p, p_key);
begin
  if v is null then
    perform private.reject('missing_field', format('%s is required', p_key));
  end if;
  return v;
end $$;
comment on function private.req_timestamptz(jsonb, text) is 'Reads a required ISO 8601 timestamp with zone from a payload.';

create function private.opt_uuid_array(p jsonb, p_key text, p_max int default 5000) returns uuid[]
language plpgsql immutable set search_path = '' as $$
declare v jsonb := p -> p_key;
begin
  if v is null or jsonb_typeof(v) = 'null' then
    return '{}';
  end if;
  if jsonb_typeof(v) <> 'array' or jsonb_array_length(v) > p_max
     or exists (select 1 from jsonb_array_elements(v) e
                where jsonb_typeof(e) <> 'string'
                   or e #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
    perform private.reject('invalid_type', format('%s must be a list of at most %s UUIDs', p_key, p_max));
  end if;
  return array(select distinct (e #>> '{}')::uuid from jsonb_array_elements(v) e order by 1);
end $$;
comment on function private.opt_uuid_array(jsonb, text, int) is 'Reads an optional list of UUIDs (deduplicated, sorted) from a payload.';
