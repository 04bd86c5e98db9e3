-- sync_push, safe for two phones of one person and honest about passing
-- failures. Pushes of one member run one at a time (a transaction-scoped
-- advisory lock taken first), so their row and index locks can never cross;
-- and an error a retry would cure (serialization failure, deadlock, lock or
-- statement timeout, lack of resources, lost connection) is re-raised instead
-- of being caught as a per-item 'server_error' refusal, which the phone would
-- keep as final. PostgREST answers those with 500 or 503, which phones retry.

create function private.push_lock_key(p_member_id uuid) returns bigint
language sql immutable set search_path = '' as $$
  select hashtextextended('frontline.sync_push:' || p_member_id::text, 0)
$$;
comment on function private.push_lock_key(uuid) is 'Advisory lock key that serialises one member''s sync_push calls; a rare hash collision only makes two members'' pushes wait for each other.';

create function private.is_transient_error(p_sqlstate text) returns boolean
language sql immutable set search_path = '' as $$
  select left(p_sqlstate, 2) in ('08', '40', '53', '57', '58')
      or p_sqlstate in ('55P03', '55006')
$$;
comment on function private.is_transient_error(text) is 'True for SQLSTATEs a retry may cure: connection (08), transaction rollback (40: serialization failure, deadlock), insufficient resources (53), operator intervention (57: statement timeout, shutdown), system (58), lock not available and object in use (55P03, 55006).';

create or replace function public.sync_push(p_mutations jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_mutation jsonb;
  v_id uuid;
  v_type text;
  v_owner uuid;
  v_anonymous boolean;
  v_status text;
  v_state text;
  v_message text;
  v_detail text;
  v_results jsonb[] := '{}';
begin
  if p_mutations is null or jsonb_typeof(p_mutations) <> 'array' then
    raise exception using errcode = '22023', message = 'p_mutations must be a JSON array of mutations', detail = 'invalid_batch';
  end if;
  if jsonb_array_length(p_mutations) > 500 then
    raise exception using errcode = '22023',
      message = format('At most 500 mutations per call (got %s)', jsonb_array_length(p_mutations)), detail = 'batch_too_large';
  end if;

  -- One push per member at a time: two phones of one person inserting the same
  -- acknowledgements in crossing orders would otherwise wait on each other's
  -- uncommitted unique-index entries, acknowledgements (briefing_id, member_id,
  -- version), and deadlock. The lock is per member, not global, so the storm
  -- at shift start stays parallel; what different members share (the tally
  -- rows, written in one sorted order at commit; a briefing two managers edit)
  -- cannot cross on these keys, and a rare deadlock there is re-raised below
  -- for a retry.
  perform pg_advisory_xact_lock(private.push_lock_key(v_me.id));

  for v_mutation in select value from jsonb_array_elements(p_mutations) loop
    v_id := null;
    begin
      if jsonb_typeof(v_mutation) <> 'object' then
        perform private.reject('invalid_mutation', 'Each mutation must be an object {id, type, payload, created_at}');
      end if;
      v_id := private.req_uuid(v_mutation, 'id');
      v_type := private.req_text(v_mutation, 'type', 40);
      if v_type not in ('ack', 'lesson_attempt', 'feedback', 'pulse_response', 'kudos', 'briefing') then
        perform private.reject('unknown_type', format('Unknown mutation type %s', v_type));
      end if;
      if jsonb_typeof(v_mutation -> 'payload') is distinct from 'object' then
        perform private.reject('invalid_payload', 'payload must be an object');
      end if;

      select a.member_id into v_owner from private.applied_mutations a where a.id = v_id;
      if found then
        if v_owner is not null and v_owner <> v_me.id then
          perform private.reject('id_conflict', 'This mutation id was already used by someone else');
        end if;
        v_status := 'duplicate';
      else
        v_status := case v_type
          when 'ack' then private.apply_ack(v_me, v_id, v_mutation -> 'payload')
          when 'lesson_attempt' then private.apply_lesson_attempt(v_me, v_id, v_mutation -> 'payload')
          when 'feedback' then private.apply_feedback(v_me, v_id, v_mutation -> 'payload', private.opt_timestamptz(v_mutation, 'created_at'))
          when 'pulse_response' then private.apply_pulse_response(v_me, v_mutation -> 'payload')
          when 'kudos' then private.apply_kudos(v_me, v_id, v_mutation -> 'payload', private.opt_timestamptz(v_mutation, 'created_at'))
          when 'briefing' then private.apply_briefing(v_me, v_mutation -> 'payload')
        end;
        -- Anonymous kinds leave no member and no time in the ledger.
        v_anonymous := v_type = 'pulse_response'
                       or (v_type = 'feedback' and coalesce((v_mutation #>> '{payload,anonymous}')::boolean, false));
        insert into private.applied_mutations (id, member_id, type, applied_at)
        values (v_id, case when v_anonymous then null else v_me.id end, v_type,
                case when v_anonymous then null else now() end);
      end if;
      v_results := v_results || jsonb_build_object('id', v_id, 'status', v_status);
    exception
      when unique_violation then
        -- A concurrent push of the same id (another tab or device) won the race.
        v_results := v_results || jsonb_build_object('id', v_id, 'status', 'duplicate');
      when others then
        get stacked diagnostics v_state = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail;
        -- A retry would cure it, so it is no verdict on this item: the whole
        -- call fails with a 5xx and the phone sends the batch again.
        if private.is_transient_error(v_state) then
          raise;
        end if;
        v_results := v_results || jsonb_build_object(
          'id', coalesce(to_jsonb(v_id), v_mutation -> 'id'),
          'status', 'rejected',
          'code', private.rejection_code(v_state, v_detail),
          'message', case when v_state in ('P0001', '42501') then v_message
                          when private.rejection_code(v_state, v_detail) = 'server_error' then 'The server could not apply this change'
                          else 'The payload has an invalid value: ' || v_message end);
    end;
  end loop;
  return jsonb_build_object('results', to_jsonb(v_results));
end $$;
comment on function public.sync_push(jsonb) is 'Applies up to 500 client mutations {id, type, payload, created_at}, each alone; answers applied, duplicate or rejected (with code and message) per id. One member''s pushes run one at a time; errors a retry would cure fail the whole call (5xx) instead of rejecting an item.';
