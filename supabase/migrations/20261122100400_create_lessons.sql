-- Micro-training: lessons (content cards + quiz) with immutable versions, and
-- the append-only attempts that staff make, each tied to the version it used.

create table public.lessons (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id),
  title text not null check (char_length(title) between 1 and 200),
  summary text not null default '' check (char_length(summary) <= 1000),
  minutes int not null default 3 check (minutes between 1 and 30),
  cards jsonb not null default '[]' check (jsonb_typeof(cards) = 'array'),
  quiz jsonb not null default '[]' check (jsonb_typeof(quiz) = 'array'),
  pass_mark int not null default 80 check (pass_mark between 0 and 100),
  store_ids uuid[] not null default '{}',
  department_ids uuid[] not null default '{}',
  roles text[] not null default '{}',
  version int not null default 1,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sync_seq bigint not null default 0
);
comment on table public.lessons is 'A 2-5 minute lesson: cards [{title, body}] then quiz [{id, prompt, kind single|multiple, options [{id, text}], correct [ids], explanation}].';
create index lessons_org_seq on public.lessons (org_id, sync_seq);
alter table public.lessons enable row level security;

create table public.lesson_versions (
  lesson_id uuid not null references public.lessons (id),
  version int not null,
  cards jsonb not null,
  quiz jsonb not null,
  pass_mark int not null,
  created_at timestamptz not null default now(),
  primary key (lesson_id, version)
);
comment on table public.lesson_versions is 'Every published content of every lesson; attempts are scored against their own version.';
alter table public.lesson_versions enable row level security;

create function private.version_lesson() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    new.version := 1;
  elsif (new.cards, new.quiz, new.pass_mark) is distinct from (old.cards, old.quiz, old.pass_mark) then
    new.version := old.version + 1;
  else
    new.version := old.version;
  end if;
  return new;
end $$;
comment on function private.version_lesson() is 'Trigger: a change of cards, quiz or pass mark makes a new lesson version.';

create function private.archive_lesson_version() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' or new.version <> old.version then
    insert into public.lesson_versions (lesson_id, version, cards, quiz, pass_mark)
    values (new.id, new.version, new.cards, new.quiz, new.pass_mark);
  end if;
  if tg_op = 'UPDATE'
     and ((new.archived_at is not null and old.archived_at is null)
          or (old.store_ids, old.department_ids, old.roles) is distinct from (new.store_ids, new.department_ids, new.roles)) then
    insert into private.sync_tombstones (org_id, item_type, item_id, store_ids, department_ids, roles)
    values (old.org_id, 'lesson', old.id, old.store_ids, old.department_ids, old.roles);
  end if;
  return null;
end $$;
comment on function private.archive_lesson_version() is 'Trigger: keeps each lesson version, and a tombstone when a lesson is archived or re-targeted.';

create trigger lessons_version before insert or update on public.lessons
  for each row execute function private.version_lesson();
create trigger lessons_stamp_sync_seq before insert or update on public.lessons
  for each row execute function private.stamp_sync_seq();
create trigger lessons_archive_version after insert or update on public.lessons
  for each row execute function private.archive_lesson_version();
create trigger lesson_versions_append_only before update or delete on public.lesson_versions
  for each row execute function private.forbid_change();

create policy "members read lessons for their audience; hr all" on public.lessons
  for select to authenticated using (
    org_id = (select private.my_org_id())
    and ((select private.is_hr())
         or (archived_at is null
             and private.audience_includes(store_ids, department_ids, roles,
                   (select private.my_store_id()), (select private.my_department_id()), (select private.my_role()))))
  );
create policy "lesson versions are readable with their lesson" on public.lesson_versions
  for select to authenticated using (exists (select 1 from public.lessons l where l.id = lesson_id));

create table public.lesson_attempts (
  id uuid primary key,
  org_id uuid not null references public.organizations (id),
  lesson_id uuid not null,
  lesson_version int not null,
  member_id uuid not null references public.members (id),
  store_id uuid references public.stores (id),
  answers jsonb not null,
  score int not null check (score between 0 and 100),
  passed boolean not null,
  started_at timestamptz not null,
  completed_at timestamptz not null,
  received_at timestamptz not null default now(),
  sync_seq bigint not null default 0,
  foreign key (lesson_id, lesson_version) references public.lesson_versions (lesson_id, version)
);
comment on table public.lesson_attempts is 'Append-only: one completed quiz attempt, scored by the server against the version it was taken on.';
create index lesson_attempts_member_seq on public.lesson_attempts (member_id, sync_seq);
create index lesson_attempts_lesson_store on public.lesson_attempts (lesson_id, store_id);
alter table public.lesson_attempts enable row level security;

create trigger lesson_attempts_stamp_sync_seq before insert on public.lesson_attempts
  for each row execute function private.stamp_fact_sync_seq();
create trigger lesson_attempts_append_only before update or delete on public.lesson_attempts
  for each row execute function private.forbid_change();

create policy "members read their own attempts; managers their stores'; hr all" on public.lesson_attempts
  for select to authenticated using (
    org_id = (select private.my_org_id())
    and (member_id = (select private.my_member_id())
         or (select private.is_hr())
         or store_id = any ((select private.managed_store_ids())::uuid[]))
  );

revoke all on public.lessons, public.lesson_versions, public.lesson_attempts from anon, authenticated;
grant select on public.lessons, public.lesson_versions, public.lesson_attempts to authenticated;
