-- reply_feedback: a manager (store feedback of a store they manage) or HR/admin
-- (any feedback of the organisation) answers an item and sets its status.
-- Public replies appear on the store's "you said, we did" board.

-- The feedback row the member may answer, locked; unknown ids and items the
-- member may not answer raise the same error, so ids of others leak nothing.
create function private.answerable_feedback(m public.members, p_feedback_id uuid) returns public.feedback
language plpgsql volatile set search_path = '' as $$
declare v public.feedback;
begin
  if m.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can answer feedback', detail = 'forbidden';
  end if;
  select f.* into v from public.feedback f
  where f.id = p_feedback_id and f.org_id = m.org_id
    and (m.role in ('hr', 'admin') or (f.recipient = 'store' and f.store_id = any (private.store_ids_managed_by(m))))
  for update;
  if v.id is null then
    raise exception using errcode = '22023', message = 'No feedback with this id that you can answer', detail = 'unknown_feedback';
  end if;
  return v;
end $$;
comment on function private.answerable_feedback(public.members, uuid) is 'The feedback item a manager (their stores, store feedback) or HR (organisation) may answer, locked; raises 42501 forbidden or 22023 unknown_feedback.';
revoke execute on function private.answerable_feedback(public.members, uuid) from public;

create function public.reply_feedback(p_feedback_id uuid, p_body text, p_public boolean default true, p_mark text default 'answered')
returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_feedback public.feedback;
  v_body text := btrim(coalesce(p_body, ''));
  v_reply public.feedback_replies;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can answer feedback', detail = 'forbidden';
  end if;
  if char_length(v_body) < 1 or char_length(v_body) > 4000 then
    raise exception using errcode = '22023', message = format('A reply must have 1 to 4000 characters (got %s)', char_length(v_body)),
      detail = 'invalid_body';
  end if;
  if p_public is null then
    raise exception using errcode = '22023', message = 'p_public must be true or false', detail = 'invalid_public';
  end if;
  if p_mark is null or p_mark not in ('open', 'answered', 'closed') then
    raise exception using errcode = '22023', message = 'p_mark must be open, answered or closed', detail = 'invalid_status';
  end if;
  v_feedback := private.answerable_feedback(v_me, p_feedback_id);

  insert into public.feedback_replies (feedback_id, author_id, body, is_public)
  values (v_feedback.id, v_me.id, v_body, p_public)
  returning * into v_reply;
  update public.feedback set status = p_mark where id = v_feedback.id;

  return json_build_object('id', v_reply.id, 'feedback_id', v_reply.feedback_id, 'body', v_reply.body,
                           'is_public', v_reply.is_public, 'author_name', v_me.display_name,
                           'created_at', v_reply.created_at, 'status', p_mark);
end $$;
comment on function public.reply_feedback(uuid, text, boolean, text) is 'Managers (store feedback of their stores) and HR (organisation) reply to feedback, public by default, and set its status (answered by default); answers the reply.';

revoke execute on function public.reply_feedback(uuid, text, boolean, text) from public, anon;
grant execute on function public.reply_feedback(uuid, text, boolean, text) to authenticated;
