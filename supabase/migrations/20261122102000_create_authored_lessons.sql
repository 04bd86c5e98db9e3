-- HR's list of the organisation's live lessons with their audiences, so the
-- lesson editor can reopen any lesson (sync_pull sends a phone only the
-- lessons whose audience includes its owner, and never the audience itself).

create function public.authored_lessons() returns json
language sql stable security definer set search_path = '' as $$
  select coalesce(json_agg(private.lesson_json(l) order by l.title, l.id), '[]'::json)
  from public.lessons l
  where (select private.require_hr('list lessons for editing'))
    and l.org_id = (select private.my_org_id())
    and l.archived_at is null
$$;
comment on function public.authored_lessons() is 'HR: every live lesson of the organisation with its audience, by title; 42501 for anyone else.';

revoke execute on function public.authored_lessons() from public, anon;
grant execute on function public.authored_lessons() to authenticated;
