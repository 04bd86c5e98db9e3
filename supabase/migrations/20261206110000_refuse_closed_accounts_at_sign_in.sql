-- A closed account (members.active false) cannot get a new access token: Supabase
-- Auth calls this Custom Access Token Hook (supabase/config.toml,
-- [auth.hook.custom_access_token]) before it issues any access token, at password
-- sign-in and at every refresh, in the transaction that writes the session. Its
-- error makes Auth answer 403 and roll that transaction back, so no session is
-- left behind. Auth gives a hook's error no error code of its own (error_code
-- "unknown"), so the message is the code the app words: account_closed
-- (src/data/supabase/sign-in-errors.ts). Ending the sessions on deactivation
-- (20261205191000_end_sessions_of_closed_accounts.sql) stays; this also holds a
-- session that raced the deactivation. Reactivating the member lets them in again.
-- A login with no member row (none exists today) is let through: the RPCs refuse
-- it anyway (private.require_member).
-- Only Auth may call it: its role supabase_auth_admin, never the API roles.

create function public.custom_access_token_hook(event jsonb) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
  if exists (
    select 1 from public.members m
    where m.user_id = (event ->> 'user_id')::uuid and not m.active
  ) then
    return jsonb_build_object('error', jsonb_build_object('http_code', 403, 'message', 'account_closed'));
  end if;
  return jsonb_build_object('claims', event -> 'claims');
end $$;
comment on function public.custom_access_token_hook(jsonb) is 'Supabase Auth''s Custom Access Token Hook: refuses a new access token (403, message account_closed) to a deactivated member; claims unchanged otherwise. Executable by supabase_auth_admin only.';
revoke all on function public.custom_access_token_hook(jsonb) from public, anon, authenticated, service_role;
grant usage on schema public to supabase_auth_admin;
grant execute on function public.custom_access_token_hook(jsonb) to supabase_auth_admin;
