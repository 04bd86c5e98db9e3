-- feedback_open_count: how many feedback items wait for an answer in the caller's inbox, the
-- number on a manager's or HR's Voice tab. Same scope as feedback_inbox: managers the store
-- feedback of the stores they run, HR and admins the whole organisation; staff have no inbox.

create function public.feedback_open_count() returns int
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_all boolean := v_me.role in ('hr', 'admin');
  v_scope uuid[];
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR have a feedback inbox', detail = 'forbidden';
  end if;
  v_scope := private.store_ids_managed_by(v_me);
  return (
    select count(*)::int
    from public.feedback f
    where f.org_id = v_me.org_id
      and f.status = 'open'
      and (v_all or (f.recipient = 'store' and f.store_id = any (v_scope)))
  );
end $$;
comment on function public.feedback_open_count() is 'Open feedback in the caller''s inbox (feedback_inbox''s scope): the count on a manager''s or HR''s Voice tab; staff are refused.';

revoke all on function public.feedback_open_count() from public, anon;
grant execute on function public.feedback_open_count() to authenticated;
