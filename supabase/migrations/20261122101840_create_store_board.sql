-- store_board: the store's "you said, we did" board. Staff see their own
-- store, managers also the stores they manage, HR/admin any store of the
-- organisation. It lists answered store feedback with at least one public
-- reply: the feedback's kind, text and day, and its public replies. It never
-- names who wrote the feedback (the board is public, so not even for named
-- items) and never shows private replies. Head-office feedback is not on the
-- board: store managers must not read it through any call.

create function public.store_board(p_store_id uuid default null) returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_store uuid := coalesce(p_store_id, v_me.store_id);
begin
  if v_store is null then
    raise exception using errcode = '22023', message = 'You have no store; name one with p_store_id', detail = 'store_required';
  end if;
  if not exists (select 1 from public.stores s where s.id = v_store and s.org_id = v_me.org_id) then
    raise exception using errcode = '22023', message = 'No store with this id in your organisation', detail = 'unknown_store';
  end if;
  if not (v_store = v_me.store_id or v_store = any (private.store_ids_managed_by(v_me))) then
    raise exception using errcode = '42501', message = 'You can only read the board of your own store or stores you manage',
      detail = 'forbidden';
  end if;

  -- Latest public reply first; the feedback's own time is not used, only its day.
  return (
    select coalesce(json_agg(json_build_object(
             'feedback_id', x.id, 'kind', x.kind, 'body', x.body, 'created_on', x.created_on,
             'replies', private.feedback_replies_json(x.id, true, false))
             order by x.last_reply desc, x.id), '[]'::json)
    from (
      select f.id, f.kind, f.body, (f.created_at at time zone 'UTC')::date as created_on,
             (select max(r.created_at) from public.feedback_replies r where r.feedback_id = f.id and r.is_public) as last_reply
      from public.feedback f
      where f.org_id = v_me.org_id and f.store_id = v_store and f.recipient = 'store' and f.status = 'answered'
    ) x
    where x.last_reply is not null
  );
end $$;
comment on function public.store_board(uuid) is 'The "you said, we did" board of a store (default: the caller''s): answered store feedback with its public replies, never who wrote it.';

revoke execute on function public.store_board(uuid) from public, anon;
grant execute on function public.store_board(uuid) to authenticated;
