-- Anonymous feedback must not be traceable through the briefing it cites. A
-- briefing sent to one person, cited by "anonymous" feedback, named that
-- person in the inbox. An anonymous item shows the store it came from, so a
-- link to a briefing narrows its author to the members of that store who could
-- read the briefing (its audience and its author). The link is kept only when
-- at least 5 such members are active:
--   on arrival, private.apply_feedback drops a link that narrows further;
--   on reading, feedback_inbox (the only call that returns the link of an
--     anonymous item) checks again, for items stored before this rule;
--   for the phone, briefings carry narrow_audience (fewer than 5 active
--     members in all may read it, computed when the audience is set), which
--     sync_pull sends so the feedback form can say, offline and before
--     sending, that the link will be dropped. It is a hint in one direction
--     only: narrow_audience true means the server drops the link; false means
--     the store slice may still be too small, and the server decides.

-- No SET clause, so it inlines into the inbox query (see private.audience_includes).
create function private.link_keeps_anonymity(b public.briefings, p_store_id uuid) returns boolean
language sql stable as $$
  select count(*) >= 5 from (
    select 1 from public.members m
    where m.org_id = b.org_id and m.active
      and (m.store_id = p_store_id or (p_store_id is null and m.store_id is null))
      and (m.id = b.author_id
           or private.audience_includes(b.store_ids, b.department_ids, b.roles, m.store_id, m.department_id, m.role))
    limit 5) x
$$;
comment on function private.link_keeps_anonymity(public.briefings, uuid) is 'True when at least 5 active members of store p_store_id (null: head office) could have read b, so an anonymous item from that store may cite it.';

alter table public.briefings add column narrow_audience boolean not null default false;
comment on column public.briefings.narrow_audience is 'Fewer than 5 active members could read this briefing when its audience was last set: anonymous feedback citing it loses the link (see private.link_keeps_anonymity).';

create function private.audience_is_narrow(b public.briefings) returns boolean
language sql stable set search_path = '' as $$
  select count(*) < 5 from (
    select 1 from public.members m
    where m.org_id = b.org_id and m.active
      and (m.id = b.author_id
           or private.audience_includes(b.store_ids, b.department_ids, b.roles, m.store_id, m.department_id, m.role))
    limit 5) x
$$;
comment on function private.audience_is_narrow(public.briefings) is 'True when fewer than 5 active members of b''s organisation could read it.';

create function private.mark_narrow_audience() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.narrow_audience := private.audience_is_narrow(new);
  return new;
end $$;
comment on function private.mark_narrow_audience() is 'Trigger: sets narrow_audience when a briefing is published or its audience changes.';

create trigger briefings_mark_narrow_audience before insert or update of store_ids, department_ids, roles, author_id
  on public.briefings for each row execute function private.mark_narrow_audience();

-- Only the narrow ones change, so only they are sent again to the phones that hold them.
update public.briefings b set narrow_audience = true where private.audience_is_narrow(b);

create or replace function private.apply_feedback(m public.members, p_id uuid, p jsonb, p_created_at timestamptz) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_kind text := private.req_text(p, 'kind', 20);
  v_recipient text := private.req_text(p, 'recipient', 20);
  v_body text := private.req_text(p, 'body', 4000);
  v_anonymous boolean := private.opt_bool(p, 'anonymous', false);
  v_briefing_id uuid := private.opt_uuid(p, 'briefing_id');
begin
  if v_kind not in ('suggestion', 'question', 'concern', 'praise') then
    perform private.reject('invalid_value', 'kind must be suggestion, question, concern or praise');
  end if;
  if v_recipient not in ('store', 'head_office') then
    perform private.reject('invalid_value', 'recipient must be store or head_office');
  end if;
  if v_recipient = 'store' and m.store_id is null then
    perform private.reject('no_store', 'You have no store; send this to head office instead');
  end if;
  if v_briefing_id is not null and not exists (
       select 1 from public.briefings b where b.id = v_briefing_id and private.briefing_visible_to(b, m)) then
    perform private.reject('unknown_briefing', 'No briefing with this id is addressed to you');
  end if;
  if v_anonymous and v_briefing_id is not null and not exists (
       select 1 from public.briefings b where b.id = v_briefing_id and private.link_keeps_anonymity(b, m.store_id)) then
    v_briefing_id := null;
  end if;
  -- Anonymous: no author, a random id and only the day, so nothing ties it to the sender.
  insert into public.feedback (id, org_id, store_id, recipient, kind, body, briefing_id, author_id, is_anonymous, created_at)
  values (case when v_anonymous then gen_random_uuid() else p_id end, m.org_id, m.store_id, v_recipient, v_kind, v_body,
          v_briefing_id, case when v_anonymous then null else m.id end, v_anonymous,
          case when v_anonymous then date_trunc('day', now()) else least(coalesce(p_created_at, now()), now()) end)
  on conflict do nothing;
  return case when found then 'applied' else 'duplicate' end;
end $$;
comment on function private.apply_feedback(public.members, uuid, jsonb, timestamptz) is 'Mutation feedback: to the store manager or head office; anonymous ones keep no author and no time of day, and no briefing link that fewer than 5 members of the sender''s store could have made.';

create or replace function public.feedback_inbox(p_status text default null, p_limit int default 500) returns json
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
             'body', x.body, 'briefing_id', b.id, 'briefing_title', b.title, 'is_anonymous', x.is_anonymous,
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
    -- Also for anonymous items stored before their link was vetted on arrival.
    left join public.briefings b on b.id = x.briefing_id
      and (not x.is_anonymous or private.link_keeps_anonymity(b, x.store_id))
    left join public.members a on a.id = x.author_id and not x.is_anonymous
  );
end $$;
comment on function public.feedback_inbox(text, int) is 'Managers: store feedback for the stores they manage; HR/admin: all feedback of the organisation; newest day first, at most p_limit; anonymous rows show no author, only the day, and their briefing link only when 5 or more members of their store could have made it.';
