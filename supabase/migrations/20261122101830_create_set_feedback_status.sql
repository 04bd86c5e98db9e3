-- set_feedback_status: mark feedback open, answered or closed without replying,
-- with the same rule as reply_feedback (managers: their stores' store
-- feedback; HR/admin: the organisation).

create function public.set_feedback_status(p_feedback_id uuid, p_status text) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_feedback public.feedback;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can change the status of feedback', detail = 'forbidden';
  end if;
  if p_status is null or p_status not in ('open', 'answered', 'closed') then
    raise exception using errcode = '22023', message = 'p_status must be open, answered or closed', detail = 'invalid_status';
  end if;
  v_feedback := private.answerable_feedback(v_me, p_feedback_id);
  update public.feedback set status = p_status where id = v_feedback.id;
  return json_build_object('id', v_feedback.id, 'status', p_status);
end $$;
comment on function public.set_feedback_status(uuid, text) is 'Managers (store feedback of their stores) and HR (organisation) mark feedback open, answered or closed; answers {id, status}.';

revoke execute on function public.set_feedback_status(uuid, text) from public, anon;
grant execute on function public.set_feedback_status(uuid, text) to authenticated;
