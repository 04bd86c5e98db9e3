-- Moving buffered pulse answers into public.pulse_responses.
--
-- private.move_pulse_answers moves a pulse's buffered answers in one statement,
-- and only if there are at least p_at_least of them: deleted from the buffer
-- and inserted into pulse_responses in random order, each under a new random
-- id (reusing the buffer's id would pair the stored answer with the dead
-- buffer row, which keeps the answerer's xmin until vacuum). Every row moved
-- by one call shares the xmin of the calling transaction, so answerers call it
-- with 5 (apply_pulse_response), and only transactions that are not an
-- answer's move fewer (private.flush_pulse_answers, on a closed pulse). Rows
-- are taken FOR UPDATE SKIP LOCKED and the minimum is checked on what was
-- taken: two answers arriving together, each seeing 4 + itself, cannot both
-- move (one takes the 5 rows, the other finds them taken and moves nothing),
-- so no batch is ever smaller than asked, and answerers never wait for each
-- other.
--
-- private.flush_pulse_answers moves all of a closed pulse's remaining answers.
-- It first takes the pulse's advisory lock exclusive (key:
-- private.pulse_answers_lock_key); apply_pulse_response holds the same lock
-- shared while it writes an answer. So an answer still in flight when the
-- pulse closed is waited for and moved too, and a closed pulse's results
-- never change after they were first shown. An advisory lock, not a row lock
-- on the pulse, because a row lock would write the locker's transaction id
-- into the pulse row.

create function private.pulse_answers_lock_key(p_pulse_id uuid) returns bigint
language sql immutable set search_path = '' as $$
  select hashtextextended('frontline.pulse_answers:' || p_pulse_id::text, 0)
$$;
comment on function private.pulse_answers_lock_key(uuid) is 'Advisory lock key for a pulse''s answers: shared while one is written, exclusive while a closed pulse''s remainder moves.';

create function private.move_pulse_answers(p_pulse_id uuid, p_at_least int) returns int
language plpgsql volatile set search_path = '' as $$
declare
  v_moved int;
begin
  with taken as materialized (
    select b.id from private.pulse_answer_buffer b where b.pulse_id = p_pulse_id
    for update skip locked
  ), moved as (
    delete from private.pulse_answer_buffer b using taken t
    where b.id = t.id and (select count(*) from taken) >= p_at_least
    returning b.pulse_id, b.store_id, b.department_id, b.score, b.comment
  )
  insert into public.pulse_responses (pulse_id, store_id, department_id, score, comment)
  select m.pulse_id, m.store_id, m.department_id, m.score, m.comment from moved m order by random();
  get diagnostics v_moved = row_count;
  return v_moved;
end $$;
comment on function private.move_pulse_answers(uuid, int) is 'Moves a pulse''s buffered answers (if at least p_at_least can be taken) to pulse_responses in one statement, in random order under new random ids; answers how many moved.';

create function private.flush_pulse_answers(p_pulse_id uuid) returns int
language plpgsql volatile set search_path = '' as $$
begin
  perform pg_advisory_xact_lock(private.pulse_answers_lock_key(p_pulse_id));
  return private.move_pulse_answers(p_pulse_id, 1);
end $$;
comment on function private.flush_pulse_answers(uuid) is 'For a closed pulse, outside any answerer''s transaction: waits for answers in flight, then moves all remaining buffered answers to pulse_responses.';

revoke execute on function private.pulse_answers_lock_key(uuid), private.move_pulse_answers(uuid, int), private.flush_pulse_answers(uuid)
  from public, anon, authenticated, service_role;
