-- Staff voice: feedback (optionally anonymous) with replies, and pulse surveys.
-- Anonymity is structural: anonymous feedback and pulse answers carry no member,
-- no mutation id, no sync_seq and no precise time, and no API role may select
-- them directly; only guarded RPC functions return vetted columns.

create table public.feedback (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id),
  store_id uuid references public.stores (id),
  recipient text not null check (recipient in ('store', 'head_office')),
  kind text not null check (kind in ('suggestion', 'question', 'concern', 'praise')),
  body text not null check (char_length(body) between 1 and 4000),
  briefing_id uuid references public.briefings (id),
  author_id uuid references public.members (id),
  is_anonymous boolean not null,
  status text not null default 'open' check (status in ('open', 'answered', 'closed')),
  created_at timestamptz not null,
  updated_at timestamptz not null default now(),
  -- Anonymous rows only get a sync_seq when staff answer them, so it never
  -- shares a transaction id with anything the author wrote.
  sync_seq bigint,
  check (is_anonymous = (author_id is null))
);
comment on table public.feedback is 'A suggestion, question, concern or praise for the store manager or head office; anonymous rows keep no author and only the day.';
create index feedback_org_store on public.feedback (org_id, store_id, status);
create index feedback_author on public.feedback (author_id) where author_id is not null;
alter table public.feedback enable row level security;

create function private.stamp_feedback_sync_seq() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'UPDATE' or not new.is_anonymous then
    new.sync_seq := private.next_sync_seq();
  end if;
  if tg_op = 'UPDATE' then
    new.updated_at := now();
  else
    new.updated_at := new.created_at;
  end if;
  return new;
end $$;
comment on function private.stamp_feedback_sync_seq() is 'Trigger: sync_seq for feedback, withheld from anonymous rows until staff act on them.';
create trigger feedback_stamp_sync_seq before insert or update on public.feedback
  for each row execute function private.stamp_feedback_sync_seq();

create table public.feedback_replies (
  id uuid primary key default gen_random_uuid(),
  feedback_id uuid not null references public.feedback (id),
  author_id uuid not null references public.members (id),
  body text not null check (char_length(body) between 1 and 4000),
  is_public boolean not null default true,
  created_at timestamptz not null default now(),
  sync_seq bigint not null default 0
);
comment on table public.feedback_replies is 'A manager''s or HR''s answer to feedback; public ones appear on the store''s "you said, we did" board.';
create index feedback_replies_feedback on public.feedback_replies (feedback_id);
alter table public.feedback_replies enable row level security;
create trigger feedback_replies_stamp_sync_seq before insert on public.feedback_replies
  for each row execute function private.stamp_fact_sync_seq();

create table public.pulses (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id),
  question text not null check (char_length(question) between 1 and 500),
  scale text not null check (scale in ('nps_0_10', 'scale_1_5')),
  allow_comment boolean not null default true,
  store_ids uuid[] not null default '{}',
  department_ids uuid[] not null default '{}',
  roles text[] not null default '{}',
  opens_at timestamptz not null default now(),
  closes_at timestamptz not null,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sync_seq bigint not null default 0,
  check (closes_at > opens_at)
);
comment on table public.pulses is 'A one-question survey (0-10 recommend or 1-5 scale) open between opens_at and closes_at.';
create index pulses_org_seq on public.pulses (org_id, sync_seq);
alter table public.pulses enable row level security;
create trigger pulses_stamp_sync_seq before insert or update on public.pulses
  for each row execute function private.stamp_sync_seq();
create trigger pulses_tombstone after update on public.pulses
  for each row execute function private.tombstone_archived_content('pulse');

create policy "members read pulses for their audience; hr all" on public.pulses
  for select to authenticated using (
    org_id = (select private.my_org_id())
    and ((select private.is_hr())
         or (archived_at is null
             and private.audience_includes(store_ids, department_ids, roles,
                   (select private.my_store_id()), (select private.my_department_id()), (select private.my_role()))))
  );

-- Who answered (never what). No timestamp, so it cannot be lined up with answers.
create table public.pulse_participation (
  pulse_id uuid not null references public.pulses (id),
  member_id uuid not null references public.members (id),
  primary key (pulse_id, member_id)
);
comment on table public.pulse_participation is 'That a member answered a pulse, to refuse a second answer; unlinked from the answer itself.';
alter table public.pulse_participation enable row level security;

-- What was answered (never who). Random id, no time, no member, no sync_seq.
create table public.pulse_responses (
  id uuid primary key default gen_random_uuid(),
  pulse_id uuid not null references public.pulses (id),
  store_id uuid references public.stores (id),
  department_id uuid references public.departments (id),
  score int not null check (score between 0 and 10),
  comment text check (char_length(comment) <= 1000)
);
comment on table public.pulse_responses is 'An anonymous pulse answer with the store and department used for grouped results (groups under 5 are never shown).';
create index pulse_responses_pulse on public.pulse_responses (pulse_id);
alter table public.pulse_responses enable row level security;

create trigger pulse_participation_append_only before update or delete on public.pulse_participation
  for each row execute function private.forbid_change();
create trigger pulse_responses_append_only before update or delete on public.pulse_responses
  for each row execute function private.forbid_change();

revoke all on public.feedback, public.feedback_replies, public.pulses, public.pulse_participation, public.pulse_responses
  from anon, authenticated, service_role;
grant select on public.pulses to authenticated, service_role;
