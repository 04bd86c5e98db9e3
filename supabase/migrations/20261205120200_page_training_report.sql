-- The training report in pages of stores. One call answered every live lesson
-- x every store in scope: for HR of a 2,000-store organisation about 10 MB of
-- JSON and a second of work in one request, past what a phone should parse and
-- close to hosted Supabase's 8 s statement timeout as lessons grow. Now a call
-- covers at most p_limit (1..100) stores of the caller's scope, by name, after
-- the given (name, id) key: every live lesson with rows for those stores only,
-- and `next`, the key to ask for the following stores (null on the last page).
-- Members, audiences and attempts are read only for the page's stores.

drop function public.training_report();

create function public.training_report(
  p_after_store_name text default null, p_after_store_id uuid default null, p_limit int default 50) returns json
-- Custom plans: the caller's stores are a constant then, so a manager's plan
-- starts from their members and HR's from the organisation's attempts.
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_me public.members := private.require_member();
  v_scope uuid[];
  v_page uuid[];
  v_next json;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can see the training report', detail = 'forbidden';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 100 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 100', detail = 'invalid_limit';
  end if;
  if (p_after_store_name is null) <> (p_after_store_id is null) then
    raise exception using errcode = '22023', message = 'p_after_store_name and p_after_store_id go together', detail = 'invalid_cursor';
  end if;
  v_scope := private.store_ids_managed_by(v_me);

  -- One more than asked, to know whether another page follows.
  select array_agg(s.id order by s.name, s.id),
         (array_agg(json_build_object('store_name', s.name, 'store_id', s.id) order by s.name, s.id))[p_limit]
  into v_page, v_next
  from (select s.id, s.name from public.stores s
        where s.id = any (v_scope)
          and (s.name, s.id) > (coalesce(p_after_store_name, ''), coalesce(p_after_store_id, '00000000-0000-0000-0000-000000000000'))
        order by s.name, s.id
        limit p_limit + 1) s;
  if coalesce(cardinality(v_page), 0) <= p_limit then
    v_next := null;
  else
    v_page := v_page[1:p_limit];
  end if;
  v_page := coalesce(v_page, '{}');

  return json_build_object('next', v_next, 'lessons', coalesce((
    with lesson as materialized (
      select l.id, l.title, l.version, l.pass_mark, l.store_ids, l.department_ids, l.roles
      from public.lessons l
      where l.org_id = v_me.org_id and l.archived_at is null
        and (cardinality(l.store_ids) = 0 or l.store_ids && v_scope)
    ),
    -- Audience sizes from member groups (store, department, role), never lesson x member.
    grp as materialized (
      select m.store_id, m.department_id, m.role, count(*) as n
      from public.members m
      where m.org_id = v_me.org_id and m.active and m.store_id = any (v_page)
      group by m.store_id, m.department_id, m.role
    ),
    audience as materialized (
      select l.id as lesson_id, g.store_id, sum(g.n) as n
      from lesson l
      join grp g on private.audience_includes(l.store_ids, l.department_ids, l.roles, g.store_id, g.department_id, g.role)
      group by l.id, g.store_id
    ),
    -- Each audience member's best score and whether any attempt passed, over every version.
    best as materialized (
      select a.lesson_id, m.store_id, a.member_id, max(a.score) as best, bool_or(a.passed) as passed
      from public.members m
      join public.lesson_attempts a on a.member_id = m.id
      join lesson l on l.id = a.lesson_id
      where m.org_id = v_me.org_id and m.active and m.store_id = any (v_page)
        and private.audience_includes(l.store_ids, l.department_ids, l.roles, m.store_id, m.department_id, m.role)
      group by a.lesson_id, m.store_id, a.member_id
    ),
    done as materialized (
      select b.lesson_id, b.store_id, count(*) as completed, count(*) filter (where b.passed) as passed,
             round(avg(b.best), 1) as average_score
      from best b
      group by b.lesson_id, b.store_id
    ),
    per_lesson as (
      select a.lesson_id,
             json_agg(json_build_object('store_id', s.id, 'store_name', s.name, 'audience', a.n,
                                        'completed', coalesce(d.completed, 0), 'passed', coalesce(d.passed, 0),
                                        'average_score', d.average_score)
                      order by s.name, s.id) as by_store
      from audience a
      join public.stores s on s.id = a.store_id
      left join done d on d.lesson_id = a.lesson_id and d.store_id = a.store_id
      group by a.lesson_id
    )
    select json_agg(json_build_object('lesson_id', l.id, 'title', l.title, 'version', l.version, 'pass_mark', l.pass_mark,
                                      'by_store', coalesce(p.by_store, '[]'::json))
                    order by l.title, l.id)
    from lesson l
    left join per_lesson p on p.lesson_id = l.id), '[]'::json));
end $$;
comment on function public.training_report(text, uuid, int) is 'Managers (their stores) and HR (the organisation): per live lesson, for up to p_limit (1..100, default 50) stores of the caller''s scope by name after (p_after_store_name, p_after_store_id): the active audience, how many took it and passed (any version), and the average best score; next is the key of the following page, null on the last. 42501 forbidden (staff); 22023 invalid_limit, invalid_cursor.';

revoke execute on function public.training_report(text, uuid, int) from public, anon;
grant execute on function public.training_report(text, uuid, int) to authenticated;
