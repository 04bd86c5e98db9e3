-- pulse_trend: HR/admin see the organisation's last p_limit pulses (by opening
-- time), oldest first, each with its answer count and, once it has closed with
-- at least 5 answers, its average and NPS. As in pulse_report, an open pulse
-- or one under 5 answers shows its count only, and only pulse_responses is
-- counted (never pulse_participation), plus the answers of open pulses still
-- waiting in private.pulse_answer_buffer. Closed pulses in the list first have
-- their buffered answers moved (private.flush_pulse_answers, in HR's
-- transaction, never an answerer's), so it is volatile.

create function public.pulse_trend(p_limit int default 12) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_min int := private.pulse_min_group();
  v_pulse_id uuid;
begin
  if v_me.role not in ('hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only HR can see the pulse trend', detail = 'forbidden';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 100 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 100', detail = 'invalid_limit';
  end if;
  -- Closed pulses in the list: answers still buffered move now, in HR's
  -- transaction (each takes the pulse's answer lock, so an answer still being
  -- written is waited for), in id order.
  for v_pulse_id in
    select p.id from (select x.id, x.closes_at from public.pulses x where x.org_id = v_me.org_id
                      order by x.opens_at desc, x.id desc limit p_limit) p
    where p.closes_at <= now()
    order by p.id
  loop
    perform private.flush_pulse_answers(v_pulse_id);
  end loop;
  return (
    select coalesce(json_agg(json_build_object(
             'pulse_id', t.id, 'question', t.question, 'scale', t.scale, 'opens_at', t.opens_at, 'closes_at', t.closes_at,
             'closed', t.closed, 'responses', t.n,
             'average', case when t.closed and t.n >= v_min then t.average end,
             'nps', case when t.closed and t.n >= v_min then t.nps end)
             order by t.opens_at, t.id), '[]'::json)
    from (
      select p.id, p.question, p.scale, p.opens_at, p.closes_at, now() >= p.closes_at as closed, s.n + w.n as n, s.average, s.nps
      from (select x.* from public.pulses x where x.org_id = v_me.org_id order by x.opens_at desc, x.id desc limit p_limit) p
      cross join lateral (
        select count(*) as n, round(avg(r.score), 2) as average,
               private.pulse_nps(p.scale, count(*) filter (where r.score >= 9), count(*) filter (where r.score <= 6), count(*)) as nps
        from public.pulse_responses r where r.pulse_id = p.id
      ) s
      -- Open pulses show their count only; it includes answers still buffered.
      cross join lateral (select count(*) as n from private.pulse_answer_buffer b where b.pulse_id = p.id) w
    ) t
  );
end $$;
comment on function public.pulse_trend(int) is 'HR/admin: the last p_limit pulses oldest first with answer counts (stored and buffered), and average and NPS for closed pulses with 5+ answers; first moves closed pulses'' buffered answers to pulse_responses.';

revoke execute on function public.pulse_trend(int) from public, anon;
grant execute on function public.pulse_trend(int) to authenticated;
