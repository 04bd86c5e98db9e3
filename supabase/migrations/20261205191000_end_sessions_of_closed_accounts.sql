-- Deactivating a member (members.active true -> false) closes their account at
-- once, in the same transaction as the update, whoever makes it (an admin RPC,
-- a roster import, the dashboard):
--   * every auth session of their login is deleted, and with it (foreign key
--     cascade, as in GoTrue) every refresh token; tokens GoTrue issued without
--     a session are deleted by user id. A refresh then answers GoTrue's own
--     400 refresh_token_not_found. An access token already issued stays valid
--     until it expires (hosted PostgREST does not look at sessions), so every
--     RPC also refuses the member (private.require_member: 42501 member_inactive).
--   * the closing time is kept in private.member_closures, the server's clock:
--     sync_push still takes acknowledgements of what the phone was shown
--     before it (see 20261205191100_accept_acks_from_closed_accounts.sql).
-- Reactivating the member forgets the closing; the sessions stay ended.
-- Deleting rows of auth.sessions / auth.refresh_tokens is what a hosted
-- project's owner role may do (sign-out everywhere does the same).

create table private.member_closures (
  member_id uuid primary key references public.members (id),
  closed_at timestamptz not null
);
comment on table private.member_closures is 'When each deactivated member''s account was closed (server time); the row goes when the member is reactivated.';
revoke all on private.member_closures from public;

create function private.close_member_account() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if old.active and not new.active then
    if old.user_id is not null then
      delete from auth.sessions s where s.user_id = old.user_id;
      delete from auth.refresh_tokens t where t.user_id = old.user_id::text;
    end if;
    insert into private.member_closures (member_id, closed_at) values (new.id, now())
    on conflict (member_id) do update set closed_at = excluded.closed_at;
  elsif new.active and not old.active then
    delete from private.member_closures c where c.member_id = new.id;
  end if;
  return null;
end $$;
comment on function private.close_member_account() is 'Trigger: a deactivated member''s auth sessions and refresh tokens are deleted and the closing time recorded; reactivation forgets the closing.';
revoke execute on function private.close_member_account() from public;

create trigger members_close_account after update of active on public.members
  for each row when (old.active is distinct from new.active) execute function private.close_member_account();
comment on trigger members_close_account on public.members is 'Deactivation ends the member''s sessions in the same transaction and records when.';
