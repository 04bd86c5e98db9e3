-- my_feedback: the caller's own named feedback with its status and replies.
-- Anonymous items cannot be listed here: nothing stored links them to their
-- author (no member, no mutation id, only the day), which is the point.

-- Replies of one feedback item, oldest first. p_public_only drops private
-- replies (the store board); p_with_authors adds who replied and is_public.
create function private.feedback_replies_json(p_feedback_id uuid, p_public_only boolean, p_with_authors boolean)
returns json
language sql stable set search_path = '' as $$
  select coalesce(json_agg(
           case when p_with_authors
             then json_build_object('id', r.id, 'body', r.body, 'is_public', r.is_public,
                                    'author_name', m.display_name, 'created_at', r.created_at)
             else json_build_object('body', r.body, 'created_at', r.created_at)
           end order by r.created_at, r.id), '[]'::json)
  from public.feedback_replies r
  join public.members m on m.id = r.author_id
  where r.feedback_id = p_feedback_id and (r.is_public or not p_public_only)
$$;
comment on function private.feedback_replies_json(uuid, boolean, boolean) is 'Replies to one feedback item as JSON, oldest first: all or public only, with or without who replied.';
revoke execute on function private.feedback_replies_json(uuid, boolean, boolean) from public;

create function public.my_feedback() returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
begin
  return (
    select coalesce(json_agg(json_build_object(
             'id', f.id, 'kind', f.kind, 'recipient', f.recipient, 'body', f.body, 'briefing_id', f.briefing_id,
             'status', f.status, 'created_at', f.created_at,
             'replies', private.feedback_replies_json(f.id, false, true))
             order by f.created_at desc, f.id), '[]'::json)
    from public.feedback f
    where f.author_id = v_me.id and not f.is_anonymous
  );
end $$;
comment on function public.my_feedback() is 'The caller''s own named feedback, newest first, with status and every reply; anonymous items are not listed because nothing links them to the caller.';

revoke execute on function public.my_feedback() from public, anon;
grant execute on function public.my_feedback() to authenticated;
