-- Training per lesson and store: of the active members of each store in the
-- lesson's current audience, how many took it (any version), how many passed
-- (any version), and the average of each one's best score. Managers see their
-- stores, HR the organisation; head office (no store) is not counted, as in
-- compliance_report. Live lessons only.

create function public.training_report() returns json
-- Custom plans: the caller's stores are a constant then, so a manager's plan
-- starts from their members and HR's from the organisation's attempts.
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_me public.members := private.require_member();
  v_scope uuid[];
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can see the training report', detail = 'forbidden';
  end if;
  v_scope := private.store_ids_managed_by(v_me);

  return json_build_object('lessons', coalesce((
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
      where m.org_id = v_me.org_id and m.active and m.store_id = any (v_scope)
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
      where m.org_id = v_me.org_id and m.active and m.store_id = any (v_scope)
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
comment on function public.training_report() is 'Managers (their stores) and HR (the organisation): per live lesson and store, the active audience, how many took it and passed (any version), and the average best score.';

revoke execute on function public.training_report() from public, anon;
grant execute on function public.training_report() to authenticated;
