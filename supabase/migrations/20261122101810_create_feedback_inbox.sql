-- feedback_inbox: what managers (store feedback of the stores they manage) and
-- HR/admin (all feedback of the organisation, store and head office) answer.
-- Anonymous rows are stored with no author and midnight of their day, and are
-- shown with author_name null, created_at null and created_on the day only.

create function public.feedback_inbox(p_status text default null, p_limit int default 500) returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_all boolean := v_me.role in ('hr', 'admin');
  v_scope uuid[];
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can read the feedback inbox', detail = 'forbidden';
  end if;
  if p_status is not null and p_status not in ('open', 'answered', 'closed') then
    raise exception using errcode = '22023', message = 'p_status must be open, answered, closed or null', detail = 'invalid_status';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 1000', detail = 'invalid_limit';
  end if;
  v_scope := private.store_ids_managed_by(v_me);

  -- Newest day first; within a day named items by time, then anonymous ones
  -- by their random id: the order carries nothing finer than the day.
  return (
    select coalesce(json_agg(json_build_object(
             'id', x.id, 'kind', x.kind, 'recipient', x.recipient, 'store_id', x.store_id, 'store_name', s.name,
             'body', x.body, 'briefing_id', x.briefing_id, 'briefing_title', b.title, 'is_anonymous', x.is_anonymous,
             'author_name', case when x.is_anonymous then null else a.display_name end,
             'created_on', (x.created_at at time zone 'UTC')::date,
             'created_at', case when x.is_anonymous then null else x.created_at end,
             'status', x.status,
             'replies', private.feedback_replies_json(x.id, false, true))
             order by (x.created_at at time zone 'UTC')::date desc, x.is_anonymous,
                      case when x.is_anonymous then null else x.created_at end desc, x.id), '[]'::json)
    from (
      select f.* from public.feedback f
      where f.org_id = v_me.org_id
        and (v_all or (f.recipient = 'store' and f.store_id = any (v_scope)))
        and (p_status is null or f.status = p_status)
      order by (f.created_at at time zone 'UTC')::date desc, f.is_anonymous,
               case when f.is_anonymous then null else f.created_at end desc, f.id
      limit p_limit
    ) x
    left join public.stores s on s.id = x.store_id
    left join public.briefings b on b.id = x.briefing_id
    left join public.members a on a.id = x.author_id and not x.is_anonymous
  );
end $$;
comment on function public.feedback_inbox(text, int) is 'Managers: store feedback for the stores they manage; HR/admin: all feedback of the organisation; newest day first, at most p_limit; anonymous rows show no author and only the day.';

revoke execute on function public.feedback_inbox(text, int) from public, anon;
grant execute on function public.feedback_inbox(text, int) to authenticated;
