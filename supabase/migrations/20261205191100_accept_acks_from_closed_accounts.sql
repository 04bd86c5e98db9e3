-- A closed account's phone may still deliver the acknowledgements it holds.
-- An acknowledgement is audit evidence, and a leaver's phone that was offline
-- when the account was closed may hold some made while the person still
-- worked here. So sync_push answers a deactivated member, within 30 days of
-- the closing (private.member_closures, server time), item by item instead of
-- refusing the call:
--   * an ack is applied, with every usual check, when the version it names
--     existed before the closing: only such versions ever reached the phone
--     (sync_pull refuses a closed account). The device's acked_at is stored as
--     evidence beside received_at, as for anyone; it is not the gate, since a
--     phone's clock may be wrong;
--   * an ack of a later version, and every other kind of mutation, is
--     rejected with code account_closed; a replayed id still answers duplicate.
-- After 30 days, or for a member never closed through the trigger, the call is
-- refused whole as before (42501 member_inactive). Every other RPC refuses a
-- deactivated member at once (private.require_member).

create function private.closed_account_grace() returns interval
language sql immutable set search_path = '' as $$ select interval '30 days' $$;
comment on function private.closed_account_grace() is 'How long after its closing a deactivated account may still deliver acknowledgements through sync_push.';

create function private.my_closing_time() returns timestamptz
language sql stable security definer set search_path = '' as $$
  select c.closed_at from public.members m
  join private.member_closures c on c.member_id = m.id
  where m.user_id = auth.uid() and not m.active and c.closed_at > now() - private.closed_account_grace()
$$;
comment on function private.my_closing_time() is 'When the caller''s account was closed, if it is deactivated and was closed less than private.closed_account_grace() ago; else null.';

create function private.check_closed_account_mutation(p_closed_at timestamptz, p_type text, p jsonb) returns void
language plpgsql stable set search_path = '' as $$
begin
  if p_type = 'ack' and exists (
       select 1 from public.briefing_versions v
       where v.briefing_id = private.req_uuid(p, 'briefing_id')
         and v.version = private.req_int(p, 'version', 1, 1000000)
         and v.created_at <= p_closed_at) then
    return;
  end if;
  perform private.reject('account_closed',
    'This account was closed: only acknowledgements of what it was shown before then can still be delivered');
end $$;
comment on function private.check_closed_account_mutation(timestamptz, text, jsonb) is 'Rejects (account_closed) a closed account''s mutation unless it is an ack of a briefing version that existed before the closing.';

create or replace function public.sync_push(p_mutations jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  -- Declared in this order: a closed account within its grace is not refused here.
  v_closed_at timestamptz := private.my_closing_time();
  v_me public.members := case when v_closed_at is null then private.require_member()
                              else (select m from public.members m where m.user_id = (select auth.uid())) end;
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
        if v_closed_at is not null then
          perform private.check_closed_account_mutation(v_closed_at, v_type, v_mutation -> 'payload');
        end if;
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
comment on function public.sync_push(jsonb) is 'Applies up to 500 client mutations {id, type, payload, created_at}, each alone; answers applied, duplicate or rejected (with code and message) per id. One member''s pushes run one at a time; errors a retry would cure fail the whole call (5xx) instead of rejecting an item. A closed account (30 days) may still deliver acks of versions older than its closing; the rest is rejected account_closed.';

revoke execute on function private.closed_account_grace(), private.my_closing_time(),
  private.check_closed_account_mutation(timestamptz, text, jsonb) from public;
