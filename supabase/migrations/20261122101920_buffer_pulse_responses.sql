-- apply_pulse_response (the sync_push handler for pulse_response) now writes
-- the answer to private.pulse_answer_buffer instead of pulse_responses. The
-- answer that finds 5 or more waiting moves all of them, in random order, to
-- pulse_responses (private.move_pulse_answers), so no stored answer is written
-- by its answerer's transaction alone; whatever is left when the pulse closes
-- is moved by save_pulse, pulse_report or pulse_trend, never by an answerer
-- (private.flush_pulse_answers). Same signature, same checks, same rejection
-- codes as before.
--
-- One change to the checks: after taking the pulse's answer lock (shared), the
-- closing time is checked again against the clock (not only against the
-- transaction's start), so an answer whose push began before the pulse closed
-- but reaches this point after it is refused (pulse_closed) rather than
-- landing after the closed pulse's results were first shown.

create or replace function private.apply_pulse_response(m public.members, p jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_pulse_id uuid := private.req_uuid(p, 'pulse_id');
  v_comment text := private.opt_text(p, 'comment', 1000);
  v_pulse public.pulses;
  v_score int;
begin
  select x.* into v_pulse from public.pulses x where x.id = v_pulse_id;
  if v_pulse.id is null or v_pulse.org_id <> m.org_id or v_pulse.archived_at is not null
     or not private.audience_includes(v_pulse.store_ids, v_pulse.department_ids, v_pulse.roles,
                                      m.store_id, m.department_id, m.role) then
    perform private.reject('unknown_pulse', 'No pulse with this id is addressed to you');
  end if;
  if now() < v_pulse.opens_at or now() >= v_pulse.closes_at then
    perform private.reject('pulse_closed', 'This pulse is not open for answers');
  end if;
  v_score := case v_pulse.scale when 'nps_0_10' then private.req_int(p, 'score', 0, 10)
                                else private.req_int(p, 'score', 1, 5) end;
  if v_comment is not null and not v_pulse.allow_comment then
    perform private.reject('comments_not_allowed', 'This pulse takes no comment');
  end if;

  -- Shared with other answerers; save_pulse and the flush of a closed pulse
  -- take it exclusive (see 20261122101790). Then the pulse as it is now
  -- (save_pulse may have closed it while this push waited).
  perform pg_advisory_xact_lock_shared(private.pulse_answers_lock_key(v_pulse_id));
  select x.closes_at into v_pulse.closes_at from public.pulses x where x.id = v_pulse_id;
  if clock_timestamp() >= v_pulse.closes_at then
    perform private.reject('pulse_closed', 'This pulse is not open for answers');
  end if;

  insert into public.pulse_participation (pulse_id, member_id) values (v_pulse_id, m.id) on conflict do nothing;
  if not found then
    perform private.reject('already_answered', 'You have already answered this pulse');
  end if;
  insert into private.pulse_answer_buffer (pulse_id, store_id, department_id, score, comment)
  values (v_pulse_id, m.store_id, m.department_id, v_score, v_comment);
  -- 5 waiting, this one included: move them all (never fewer than 5, see
  -- private.move_pulse_answers).
  if (select count(*) from private.pulse_answer_buffer b where b.pulse_id = v_pulse_id) >= private.pulse_min_group() then
    perform private.move_pulse_answers(v_pulse_id, private.pulse_min_group());
  end if;
  return 'applied';
end $$;
comment on function private.apply_pulse_response(public.members, jsonb) is 'Mutation pulse_response: records that the member answered and buffers the answer, which moves to pulse_responses only in a random-order batch of 5 or more (or once the pulse has closed).';
