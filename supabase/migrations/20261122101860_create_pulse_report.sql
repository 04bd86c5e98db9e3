-- pulse_report: results of one pulse for HR/admin (the organisation) and
-- managers (answers from the stores they manage).
--
-- What it never lets anyone learn about a single person:
-- * Scores, groups and comments are shown only once the pulse has closed (and
--   save_pulse never reopens one). While it is open only the count of answers
--   is shown; otherwise comparing two calls around one person's answer would
--   reveal that answer (its score and its comment).
-- * Nothing but the count is shown below 5 answers.
-- * Groups (stores or departments) with fewer than 5 answers are folded into
--   one 'other' group. If 'other' would then hold 1 to 4 answers, the smallest
--   shown groups are folded into it too until it holds 5 or more: otherwise
--   the total minus the shown groups would give the hidden ones away.
-- * Comments are sorted by text and scores are counted per value: no order
--   that could follow when, or by whom, they were written.
-- * Only pulse_responses is read (never pulse_participation), by pulse and
--   scope; no id, xmin, ctid or time of an answer is ever returned. The one
--   exception: the count of an open pulse adds the answers still waiting in
--   private.pulse_answer_buffer, so it is the number of answers given and does
--   not jump in steps of 5 (which would tell when a batch moved).
-- * On a closed pulse it first moves the answers still buffered to
--   pulse_responses (private.flush_pulse_answers), in the caller's transaction,
--   never an answerer's; so it is volatile.

create function private.pulse_min_group() returns int
language sql immutable set search_path = '' as $$ select 5 $$;
comment on function private.pulse_min_group() is 'Fewest answers a pulse result (total or group) needs before anything but its count is shown.';

-- Net promoter score: % promoters (9-10) minus % detractors (0-6), rounded;
-- null for 1-5 scales and for no answers.
create function private.pulse_nps(p_scale text, p_promoters bigint, p_detractors bigint, p_total bigint) returns int
language sql immutable set search_path = '' as $$
  select case when p_scale = 'nps_0_10' and p_total > 0
              then round(100.0 * (p_promoters - p_detractors) / p_total)::int end
$$;
comment on function private.pulse_nps(text, bigint, bigint, bigint) is 'Net promoter score of a 0-10 pulse: rounded % of 9-10 minus % of 0-6; null for 1-5 scales.';

create function public.pulse_report(p_pulse_id uuid, p_group_by text default 'store') returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_all boolean := v_me.role in ('hr', 'admin');
  v_scope uuid[];
  v_pulse public.pulses;
  v_min int := private.pulse_min_group();
  v_none constant uuid := '00000000-0000-0000-0000-000000000000';
  v_closed boolean;
  v_n bigint;
  v_average numeric;
  v_nps int;
  v_distribution json := '[]';
  v_groups json := '[]';
  v_comments json := '[]';
  v_folded uuid[];
  v_other bigint;
  v_row record;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only managers and HR can see pulse results', detail = 'forbidden';
  end if;
  if p_group_by is null or p_group_by not in ('store', 'department') then
    raise exception using errcode = '22023', message = 'p_group_by must be store or department', detail = 'invalid_group_by';
  end if;
  select p.* into v_pulse from public.pulses p where p.id = p_pulse_id and p.org_id = v_me.org_id;
  if v_pulse.id is null then
    raise exception using errcode = '22023', message = 'No pulse with this id in your organisation', detail = 'unknown_pulse';
  end if;
  v_scope := private.store_ids_managed_by(v_me);
  v_closed := now() >= v_pulse.closes_at;
  -- Closed: answers still waiting for a batch of 5 move now (in this caller's
  -- transaction, never an answerer's), so the results below hold them all.
  if v_closed then
    perform private.flush_pulse_answers(v_pulse.id);
  end if;

  -- The count counts stored and buffered answers alike, so it is the number of
  -- answers given (as before buffering), not a number that moves in steps of 5.
  v_n := (select count(*) from public.pulse_responses r
          where r.pulse_id = v_pulse.id and (v_all or r.store_id = any (v_scope)))
       + (select count(*) from private.pulse_answer_buffer b
          where b.pulse_id = v_pulse.id and (v_all or b.store_id = any (v_scope)));

  if v_closed and v_n >= v_min then
    select round(avg(r.score), 2),
           private.pulse_nps(v_pulse.scale, count(*) filter (where r.score >= 9), count(*) filter (where r.score <= 6), count(*))
    into v_average, v_nps
    from public.pulse_responses r
    where r.pulse_id = v_pulse.id and (v_all or r.store_id = any (v_scope));

    select json_agg(json_build_object('score', g.score, 'count', coalesce(c.n, 0)) order by g.score)
    into v_distribution
    from generate_series(case v_pulse.scale when 'nps_0_10' then 0 else 1 end,
                         case v_pulse.scale when 'nps_0_10' then 10 else 5 end) g(score)
    left join (select r.score, count(*) as n from public.pulse_responses r
               where r.pulse_id = v_pulse.id and (v_all or r.store_id = any (v_scope))
               group by r.score) c on c.score = g.score;

    -- Groups under the minimum are folded; then the smallest shown groups join
    -- them while 'other' holds 1 to min-1 answers (see the header).
    v_folded := '{}';
    v_other := 0;
    for v_row in
      select coalesce(case p_group_by when 'store' then r.store_id else r.department_id end, v_none) as key, count(*) as n
      from public.pulse_responses r
      where r.pulse_id = v_pulse.id and (v_all or r.store_id = any (v_scope))
      group by 1
      order by 2, 1
    loop
      if v_row.n < v_min or (v_other > 0 and v_other < v_min) then
        v_folded := v_folded || v_row.key;
        v_other := v_other + v_row.n;
      end if;
    end loop;

    select coalesce(json_agg(json_build_object(
             'group_id', case when y.key = v_none then null else y.key end,
             'name', case when y.is_other then 'other'
                          when p_group_by = 'store' then (select s.name from public.stores s where s.id = y.key)
                          else (select d.name from public.departments d where d.id = y.key) end,
             'is_other', y.is_other, 'responses', y.n, 'average', y.average, 'nps', y.nps)
             order by y.is_other, (case when y.key = v_none then 1 else 0 end),
                      (case p_group_by when 'store' then (select s.name from public.stores s where s.id = y.key)
                                       else (select d.name from public.departments d where d.id = y.key) end), y.key), '[]'::json)
    into v_groups
    from (
      select case when x.is_other then v_none else x.key end as key, x.is_other, count(*) as n, round(avg(x.score), 2) as average,
             private.pulse_nps(v_pulse.scale, count(*) filter (where x.score >= 9), count(*) filter (where x.score <= 6), count(*)) as nps
      from (select r.score, k.key, k.key = any (v_folded) as is_other
            from public.pulse_responses r
            cross join lateral (select coalesce(case p_group_by when 'store' then r.store_id else r.department_id end, v_none) as key) k
            where r.pulse_id = v_pulse.id and (v_all or r.store_id = any (v_scope))) x
      group by 1, 2
    ) y
    where y.n >= v_min;

    select coalesce(json_agg(c.comment order by c.comment collate "C"), '[]'::json)
    into v_comments
    from (select r.comment from public.pulse_responses r
          where r.pulse_id = v_pulse.id and (v_all or r.store_id = any (v_scope)) and r.comment is not null) c;
  end if;

  return json_build_object(
    'pulse_id', v_pulse.id, 'question', v_pulse.question, 'scale', v_pulse.scale,
    'opens_at', v_pulse.opens_at, 'closes_at', v_pulse.closes_at, 'closed', v_closed, 'group_by', p_group_by,
    'responses', v_n, 'average', v_average, 'nps', v_nps,
    'distribution', v_distribution, 'groups', v_groups, 'comments', v_comments);
end $$;
comment on function public.pulse_report(uuid, text) is 'HR (organisation) and managers (their stores): a pulse''s answer count (stored and buffered), and once it has closed with 5+ answers its average, NPS, distribution, groups of 5+ (smaller ones folded into ''other'') and comments sorted by text; on a closed pulse first moves any buffered answers to pulse_responses.';

revoke execute on function public.pulse_report(uuid, text) from public, anon;
grant execute on function public.pulse_report(uuid, text) to authenticated;
