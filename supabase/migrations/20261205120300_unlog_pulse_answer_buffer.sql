-- Pulse anonymity under backups. The answerer's transaction writes both the
-- participation row (who answered) and the buffered answer (what), so the
-- write-ahead log held both under one transaction id: a point-in-time restore
-- (hosted Supabase's PITR replays that log), a physical backup taken during
-- the buffering window, or the log itself paired a person with their answer,
-- however carefully the live tables hide it.
-- An unlogged buffer is never written to the log and is left out of physical
-- backups, restores and replicas: the answer first reaches the log when
-- private.move_pulse_answers inserts it into pulse_responses, shuffled among 5
-- or more, in a transaction that records at most one participant. The cost:
-- a crash or failover empties the buffer, losing the answers still waiting
-- (at most 4 per open pulse, more for a closed pulse nobody has read yet),
-- while their participation rows stay, so those people cannot answer again.
-- Logical dumps (pg_dump, supabase db dump) still copy the buffer's rows
-- unless run with --no-unlogged-table-data; the README says so.
alter table private.pulse_answer_buffer set unlogged;
comment on table private.pulse_answer_buffer is 'Pulse answers waiting for their pulse to reach 5 (or close) before moving, in random order, to pulse_responses; never readable by API roles. Unlogged: never in the write-ahead log, physical backups or replicas, and emptied by a crash.';
