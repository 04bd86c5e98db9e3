-- The account screen's language choice: a member sets their own UI locale. The
-- change bumps the member row's sync_seq (trigger), and every sync_pull page
-- carries `me`, so the member's other phones pick it up on their next pull.

create function public.set_my_locale(p_locale text) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
begin
  if p_locale is null or p_locale not in ('en', 'es') then
    raise exception using errcode = '22023', message = 'locale must be en or es', detail = 'invalid_locale';
  end if;
  -- Choosing the current locale again writes nothing, so it costs no phone a sync.
  if p_locale <> v_me.locale then
    update public.members set locale = p_locale where id = v_me.id returning * into v_me;
  end if;
  return private.me_json(v_me);
end $$;
comment on function public.set_my_locale(text) is 'Any active member: sets their own UI locale (en or es) and answers their profile as sync_pull''s me.';

revoke execute on function public.set_my_locale(text) from public, anon;
grant execute on function public.set_my_locale(text) to authenticated;
