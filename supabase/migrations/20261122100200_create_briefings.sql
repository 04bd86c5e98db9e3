-- Briefings (shift briefings, news, policies), their immutable versions, and
-- acknowledgements: the append-only proof of who read which exact text.

create table public.briefings (
  id uuid primary key,
  org_id uuid not null references public.organizations (id),
  author_id uuid not null references public.members (id),
  kind text not null default 'shift' check (kind in ('shift', 'news', 'policy')),
  title text not null check (char_length(title) between 1 and 200),
  body text not null check (char_length(body) between 1 and 20000),
  priority text not null default 'normal' check (priority in ('normal', 'important', 'critical')),
  store_ids uuid[] not null default '{}',
  department_ids uuid[] not null default '{}',
  roles text[] not null default '{}',
  shift_date date,
  shift_start time,
  shift_end time,
  requires_ack boolean not null default false,
  ack_due_at timestamptz,
  publish_at timestamptz not null default now(),
  expires_at timestamptz,
  version int not null default 1,
  content_hash text not null default '',
  retracted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sync_seq bigint not null default 0,
  check (expires_at is null or expires_at > publish_at)
);
comment on table public.briefings is 'A message to an audience (stores x departments x roles; empty = everyone). Title/body edits make a new version.';
create index briefings_org_seq on public.briefings (org_id, sync_seq);
create index briefings_author on public.briefings (author_id);
create index briefings_store_ids on public.briefings using gin (store_ids);
alter table public.briefings enable row level security;

create table public.briefing_versions (
  briefing_id uuid not null references public.briefings (id),
  version int not null,
  title text not null,
  body text not null,
  content_hash text not null,
  created_at timestamptz not null default now(),
  primary key (briefing_id, version)
);
comment on table public.briefing_versions is 'Every published text of every briefing, so an acknowledgement always points at words that existed.';
alter table public.briefing_versions enable row level security;

create function private.content_hash(p_title text, p_body text) returns text
language sql immutable set search_path = '' as $$
  select encode(sha256(convert_to(p_title || E'\n' || p_body, 'UTF8')), 'hex')
$$;
comment on function private.content_hash(text, text) is 'SHA-256 (hex) of title, newline, body: what an acknowledgement names.';

create function private.version_briefing() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.content_hash := private.content_hash(new.title, new.body);
  if tg_op = 'INSERT' then
    new.version := 1;
  elsif new.content_hash <> old.content_hash then
    new.version := old.version + 1;
  else
    new.version := old.version;
  end if;
  return new;
end $$;
comment on function private.version_briefing() is 'Trigger: hashes the text and bumps the version when title or body change.';

create function private.archive_briefing_version() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' or new.version <> old.version then
    insert into public.briefing_versions (briefing_id, version, title, body, content_hash)
    values (new.id, new.version, new.title, new.body, new.content_hash);
  end if;
  if tg_op = 'UPDATE'
     and ((new.retracted_at is not null and old.retracted_at is null)
          or (old.store_ids, old.department_ids, old.roles) is distinct from (new.store_ids, new.department_ids, new.roles)) then
    insert into private.sync_tombstones (org_id, item_type, item_id, author_id, store_ids, department_ids, roles)
    values (old.org_id, 'briefing', old.id, old.author_id, old.store_ids, old.department_ids, old.roles);
  end if;
  return null;
end $$;
comment on function private.archive_briefing_version() is 'Trigger: keeps each version''s text, and a tombstone when a briefing is retracted or re-targeted.';

create trigger briefings_version before insert or update on public.briefings
  for each row execute function private.version_briefing();
create trigger briefings_stamp_sync_seq before insert or update on public.briefings
  for each row execute function private.stamp_sync_seq();
create trigger briefings_archive_version after insert or update on public.briefings
  for each row execute function private.archive_briefing_version();

-- What the phone may hold: addressed to the member (or written by them), not
-- retracted, not expired. Scheduled ones are sent early and shown at publish_at.
-- No SET clause so the planner can inline it (see private.audience_includes).
create function private.briefing_visible_to(b public.briefings, m public.members) returns boolean
language sql stable as $$
  select b.org_id = m.org_id
     and b.retracted_at is null
     and (b.expires_at is null or b.expires_at > now())
     and (b.author_id = m.id
          or private.audience_includes(b.store_ids, b.department_ids, b.roles, m.store_id, m.department_id, m.role))
$$;
comment on function private.briefing_visible_to(public.briefings, public.members) is 'True when the member''s phone may hold this briefing.';

create table public.acknowledgements (
  id uuid primary key,
  org_id uuid not null references public.organizations (id),
  briefing_id uuid not null,
  version int not null,
  content_hash text not null,
  member_id uuid not null references public.members (id),
  acked_at timestamptz not null,
  received_at timestamptz not null default now(),
  sync_seq bigint not null default 0,
  unique (briefing_id, member_id, version),
  foreign key (briefing_id, version) references public.briefing_versions (briefing_id, version)
);
comment on table public.acknowledgements is 'Append-only: member read and understood this exact version (and hash) of a briefing; acked_at on the device, received_at on the server.';
create index acknowledgements_member_seq on public.acknowledgements (member_id, sync_seq);
create index acknowledgements_org_received on public.acknowledgements (org_id, received_at);
alter table public.acknowledgements enable row level security;

create trigger acknowledgements_stamp_sync_seq before insert on public.acknowledgements
  for each row execute function private.stamp_fact_sync_seq();
create trigger acknowledgements_append_only before update or delete on public.acknowledgements
  for each row execute function private.forbid_change();
create trigger acknowledgements_no_truncate before truncate on public.acknowledgements
  for each statement execute function private.forbid_change();
create trigger briefing_versions_append_only before update or delete on public.briefing_versions
  for each row execute function private.forbid_change();

create policy "members read briefings addressed to them; managers their stores'; hr all" on public.briefings
  for select to authenticated using (
    org_id = (select private.my_org_id())
    and (
      (select private.is_hr())
      or author_id = (select private.my_member_id())
      or store_ids && (select private.managed_store_ids())
      or (retracted_at is null
          and private.audience_includes(store_ids, department_ids, roles,
                (select private.my_store_id()), (select private.my_department_id()), (select private.my_role())))
    )
  );
create policy "versions are readable with their briefing" on public.briefing_versions
  for select to authenticated using (
    exists (select 1 from public.briefings b where b.id = briefing_id)
  );
create policy "members read their own acknowledgements; managers their stores'; hr all" on public.acknowledgements
  for select to authenticated using (
    org_id = (select private.my_org_id())
    and (
      member_id = (select private.my_member_id())
      or (select private.is_hr())
      or exists (select 1 from public.members m
                 where m.id = member_id and m.store_id = any ((select private.managed_store_ids())::uuid[]))
    )
  );

revoke all on public.briefings, public.briefing_versions, public.acknowledgements from anon, authenticated;
grant select on public.briefings, public.briefing_versions, public.acknowledgements to authenticated;
