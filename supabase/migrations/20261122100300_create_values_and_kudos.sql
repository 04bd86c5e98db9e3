-- Values cards (what the company stands for, made concrete) and kudos
-- (a colleague thanked for living one of them).

create table public.value_cards (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id),
  title text not null check (char_length(title) between 1 and 120),
  statement text not null check (char_length(statement) between 1 and 1000),
  on_the_floor text not null default '' check (char_length(on_the_floor) <= 2000),
  examples text[] not null default '{}' check (cardinality(examples) <= 10),
  position int not null default 0,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sync_seq bigint not null default 0
);
comment on table public.value_cards is 'A company value: the statement, what it looks like on the floor, real examples. Org-wide.';
create index value_cards_org_seq on public.value_cards (org_id, sync_seq);
alter table public.value_cards enable row level security;

create trigger value_cards_stamp_sync_seq before insert or update on public.value_cards
  for each row execute function private.stamp_sync_seq();

create function private.tombstone_archived_content() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.archived_at is not null and old.archived_at is null then
    insert into private.sync_tombstones (org_id, item_type, item_id)
    values (old.org_id, tg_argv[0], old.id);
  end if;
  return null;
end $$;
comment on function private.tombstone_archived_content() is 'Trigger: an archived card, lesson or pulse is removed from every phone on its next sync.';
create trigger value_cards_tombstone after update on public.value_cards
  for each row execute function private.tombstone_archived_content('value_card');

create policy "members read their organisation's values" on public.value_cards
  for select to authenticated using (
    org_id = (select private.my_org_id()) and (archived_at is null or (select private.is_hr()))
  );

create table public.kudos (
  id uuid primary key,
  org_id uuid not null references public.organizations (id),
  from_member_id uuid not null references public.members (id),
  to_member_id uuid not null references public.members (id),
  value_card_id uuid references public.value_cards (id),
  store_id uuid references public.stores (id),
  message text not null check (char_length(message) between 1 and 500),
  created_at timestamptz not null,
  received_at timestamptz not null default now(),
  sync_seq bigint not null default 0,
  check (from_member_id <> to_member_id)
);
comment on table public.kudos is 'A thank-you from one colleague to another, optionally for living a value; store_id is the recipient''s store (the wall it shows on).';
create index kudos_org_store_seq on public.kudos (org_id, store_id, sync_seq);
create index kudos_to_member on public.kudos (to_member_id);
create index kudos_from_member on public.kudos (from_member_id);
alter table public.kudos enable row level security;

create trigger kudos_stamp_sync_seq before insert on public.kudos
  for each row execute function private.stamp_fact_sync_seq();

create policy "members read kudos they gave, got, or on their store's wall; hr all" on public.kudos
  for select to authenticated using (
    org_id = (select private.my_org_id())
    and (
      from_member_id = (select private.my_member_id())
      or to_member_id = (select private.my_member_id())
      or store_id = (select private.my_store_id())
      or store_id = any ((select private.managed_store_ids())::uuid[])
    )
  );

revoke all on public.value_cards, public.kudos from anon, authenticated;
grant select on public.value_cards, public.kudos to authenticated;
