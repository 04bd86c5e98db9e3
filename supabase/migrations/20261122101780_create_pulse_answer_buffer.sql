-- Pulse answers wait here until their pulse has 5 of them (or has closed), and
-- only then move, together and in random order, to public.pulse_responses.
--
-- Why: the transaction that records "who answered" (pulse_participation) is the
-- answerer's own. Had it also inserted the answer into pulse_responses, both
-- rows would carry the same xmin and sit at the same place in their heaps'
-- insertion order, so anyone with table-owner access could pair them. Moving
-- answers in batches of 5 or more from one transaction means every stored
-- answer shares its xmin with at least 4 others and its physical position in
-- the batch is random (see private.flush_pulse_answers).
--
-- The buffer itself is as bare as pulse_responses: a random id, no member, no
-- time, no serial, no sync_seq. No API role may read or write it. While an
-- answer waits here its row carries the answerer's xmin; once moved, the
-- deleted row stays on disk as a dead tuple (still with that xmin and the
-- answer) until vacuum removes it, so autovacuum is told to visit this table
-- after every change (threshold 0, scale factor 0), which shortens that window
-- to the next autovacuum round (autovacuum_naptime) once no older snapshot
-- still needs the rows.

create table private.pulse_answer_buffer (
  id uuid primary key default gen_random_uuid(),
  pulse_id uuid not null references public.pulses (id),
  store_id uuid references public.stores (id),
  department_id uuid references public.departments (id),
  score int not null check (score between 0 and 10),
  comment text check (char_length(comment) <= 1000)
) with (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
comment on table private.pulse_answer_buffer is 'Pulse answers waiting for their pulse to reach 5 (or close) before moving, in random order, to pulse_responses; never readable by API roles.';
create index pulse_answer_buffer_pulse on private.pulse_answer_buffer (pulse_id);
alter table private.pulse_answer_buffer enable row level security;

-- Like the other anonymous tables: no API role may touch it, not even service_role.
revoke all on private.pulse_answer_buffer from public, anon, authenticated, service_role;
