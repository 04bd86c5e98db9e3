-- Deleting a login keeps the person's history. members.user_id cascaded from
-- auth.users, so deleting a user in the Supabase dashboard or through the Auth
-- admin API tried to delete their member row, which acknowledgements, kudos,
-- lesson attempts, feedback, replies, briefings and pulse participation all
-- reference without a cascade: the delete failed on any person with history
-- (and, had those cascaded, it would have erased the compliance record).
-- Now the delete sets members.user_id to null and a trigger deactivates the
-- member in the same statement: facts stay, the audit export still names the
-- person (name and email are kept on the member), and nothing can sign in as
-- them. People leave by being deactivated; a member row is never deleted.

alter table public.members alter column user_id drop not null;
alter table public.members drop constraint members_user_id_fkey;
alter table public.members add constraint members_user_id_fkey
  foreign key (user_id) references auth.users (id) on delete set null;

create function private.deactivate_member_without_user() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.active := false;
  return new;
end $$;
comment on function private.deactivate_member_without_user() is 'Trigger: a member whose login is gone (user_id null, e.g. after its auth.users row was deleted) is deactivated, never deleted.';
revoke execute on function private.deactivate_member_without_user() from public, anon;

-- Before the row is written, so the after-update triggers that move the
-- tallies and record the old audience see the member as inactive.
create trigger members_deactivate_without_user before insert or update of user_id, active on public.members
  for each row when (new.user_id is null) execute function private.deactivate_member_without_user();
comment on trigger members_deactivate_without_user on public.members is 'Keeps members without a login inactive: deleting an auth user deactivates its member.';
