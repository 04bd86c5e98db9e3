-- Publishing briefings from the outbox, and sync_push itself: a batch of client
-- mutations, each applied alone in its own savepoint, idempotent by client id.

create function private.may_manage_briefing(m public.members, b public.briefings) returns boolean
language sql stable set search_path = '' as $$
  select b.org_id = m.org_id and (
    m.role in ('hr', 'admin')
    or (m.role = 'manager' and (b.author_id = m.id
        or (cardinality(b.store_ids) > 0 and b.store_ids <@ private.store_ids_managed_by(m))))
  )
$$;
comment on function private.may_manage_briefing(public.members, public.briefings) is 'HR manage every briefing of their organisation; managers their own and those only for stores they manage.';

create function private.apply_briefing(m public.members, p jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_action text := private.req_text(p, 'action', 20);
  v_id uuid := private.req_uuid(p, 'briefing_id');
  v_existing public.briefings;
  v_new public.briefings;
  v_base int;
  v_managed uuid[] := private.store_ids_managed_by(m);
begin
  if m.role not in ('manager', 'hr', 'admin') then
    perform private.reject('forbidden', 'Only managers and HR can send briefings');
  end if;
  if v_action not in ('publish', 'edit', 'retract') then
    perform private.reject('invalid_value', 'action must be publish, edit or retract');
  end if;
  select b.* into v_existing from public.briefings b where b.id = v_id for update;
  if v_action <> 'publish' and (v_existing.id is null or not private.may_manage_briefing(m, v_existing)) then
    perform private.reject('unknown_briefing', 'No briefing with this id that you can change');
  end if;
  if v_action = 'retract' then
    if v_existing.retracted_at is null then
      update public.briefings set retracted_at = now() where id = v_id;
    end if;
    return 'applied';
  end if;
  if v_action = 'publish' and v_existing.id is not null then
    perform private.reject('already_exists', 'A briefing with this id already exists');
  end if;
  if v_existing.retracted_at is not null then
    perform private.reject('briefing_retracted', 'A retracted briefing cannot be edited');
  end if;

  v_new.id := v_id;
  v_new.org_id := m.org_id;
  v_new.author_id := coalesce(v_existing.author_id, m.id);
  v_new.title := private.req_text(p, 'title', 200);
  v_new.body := private.req_text(p, 'body', 20000);
  v_new.kind := coalesce(private.opt_text(p, 'kind', 20), 'shift');
  v_new.priority := coalesce(private.opt_text(p, 'priority', 20), 'normal');
  v_new.store_ids := private.opt_uuid_array(p, 'store_ids');
  v_new.department_ids := private.opt_uuid_array(p, 'department_ids');
  if jsonb_typeof(coalesce(nullif(p -> 'roles', 'null'), '[]')) <> 'array' then
    perform private.reject('invalid_type', 'roles must be a list of staff, manager, hr, admin');
  end if;
  v_new.roles := array(select distinct e #>> '{}' from jsonb_array_elements(coalesce(nullif(p -> 'roles', 'null'), '[]')) e order by 1);
  v_new.requires_ack := private.opt_bool(p, 'requires_ack', false);
  v_new.ack_due_at := private.opt_timestamptz(p, 'ack_due_at');
  v_new.publish_at := coalesce(private.opt_timestamptz(p, 'publish_at'), v_existing.publish_at, now());
  v_new.expires_at := private.opt_timestamptz(p, 'expires_at');

  if v_new.kind not in ('shift', 'news', 'policy') then
    perform private.reject('invalid_value', 'kind must be shift, news or policy');
  end if;
  if v_new.priority not in ('normal', 'important', 'critical') then
    perform private.reject('invalid_value', 'priority must be normal, important or critical');
  end if;
  if not (v_new.roles <@ array['staff', 'manager', 'hr', 'admin']) then
    perform private.reject('invalid_value', 'roles must be a list of staff, manager, hr, admin');
  end if;
  if m.role = 'manager' and (cardinality(v_new.store_ids) = 0 or not (v_new.store_ids <@ v_managed)) then
    perform private.reject('forbidden_audience', 'Managers can send briefings only to stores they manage');
  end if;
  if not (v_new.store_ids <@ v_managed) then
    perform private.reject('unknown_store', 'store_ids names a store outside your organisation');
  end if;
  if exists (select 1 from unnest(v_new.department_ids) d(id)
             where not exists (select 1 from public.departments x where x.id = d.id and x.org_id = m.org_id)) then
    perform private.reject('unknown_department', 'department_ids names a department outside your organisation');
  end if;
  if v_new.expires_at is not null and v_new.expires_at <= v_new.publish_at then
    perform private.reject('invalid_value', 'expires_at must be after publish_at');
  end if;
  if v_new.ack_due_at is not null and not v_new.requires_ack then
    perform private.reject('invalid_value', 'ack_due_at needs requires_ack');
  end if;
  if p ? 'shift_date' and jsonb_typeof(p -> 'shift_date') <> 'null' then
    if jsonb_typeof(p -> 'shift_date') <> 'string' or (p ->> 'shift_date') !~ '^\d{4}-\d{2}-\d{2}$' then
      perform private.reject('invalid_type', 'shift_date must be a date like 2026-11-22');
    end if;
    v_new.shift_date := (p ->> 'shift_date')::date;
  end if;
  if p ? 'shift_start' and jsonb_typeof(p -> 'shift_start') <> 'null' then
    if (p ->> 'shift_start') !~ '^\d{2}:\d{2}$' then
      perform private.reject('invalid_type', 'shift_start must be a time like 09:00');
    end if;
    v_new.shift_start := (p ->> 'shift_start')::time;
  end if;
  if p ? 'shift_end' and jsonb_typeof(p -> 'shift_end') <> 'null' then
    if (p ->> 'shift_end') !~ '^\d{2}:\d{2}$' then
      perform private.reject('invalid_type', 'shift_end must be a time like 17:00');
    end if;
    v_new.shift_end := (p ->> 'shift_end')::time;
  end if;

  if v_action = 'publish' then
    insert into public.briefings (id, org_id, author_id, kind, title, body, priority, store_ids, department_ids, roles,
                                  shift_date, shift_start, shift_end, requires_ack, ack_due_at, publish_at, expires_at)
    values (v_new.id, v_new.org_id, v_new.author_id, v_new.kind, v_new.title, v_new.body, v_new.priority, v_new.store_ids,
            v_new.department_ids, v_new.roles, v_new.shift_date, v_new.shift_start, v_new.shift_end, v_new.requires_ack,
            v_new.ack_due_at, v_new.publish_at, v_new.expires_at);
    return 'applied';
  end if;

  -- Editing from a stale copy would silently overwrite someone else's change.
  if p ? 'base_version' and jsonb_typeof(p -> 'base_version') <> 'null' then
    v_base := private.req_int(p, 'base_version', 1, 1000000);
    if v_base <> v_existing.version then
      perform private.reject('version_conflict',
        format('This briefing changed since you opened it (now version %s); reload and edit again', v_existing.version));
    end if;
  end if;
  update public.briefings set
    kind = v_new.kind, title = v_new.title, body = v_new.body, priority = v_new.priority,
    store_ids = v_new.store_ids, department_ids = v_new.department_ids, roles = v_new.roles,
    shift_date = v_new.shift_date, shift_start = v_new.shift_start, shift_end = v_new.shift_end,
    requires_ack = v_new.requires_ack, ack_due_at = v_new.ack_due_at, publish_at = v_new.publish_at,
    expires_at = v_new.expires_at
  where id = v_id;
  return 'applied';
end $$;
comment on function private.apply_briefing(public.members, jsonb) is 'Mutation briefing: publish, edit (title/body change = new version) or retract, within the stores the caller manages.';

-- Maps an unexpected SQL error inside one mutation to a stable rejection code.
create function private.rejection_code(p_sqlstate text, p_detail text) returns text
language sql immutable set search_path = '' as $$
  select case
    when p_sqlstate = 'P0001' and coalesce(p_detail, '') <> '' then p_detail
    when p_sqlstate in ('22P02', '22007', '22008', '22003', '23514', '23502') then 'invalid_payload'
    when p_sqlstate = '22001' then 'too_long'
    when p_sqlstate = '23503' then 'unknown_reference'
    when p_sqlstate = '42501' then 'forbidden'
    else 'server_error'
  end
$$;
comment on function private.rejection_code(text, text) is 'Stable machine code for a rejected mutation.';

create function public.sync_push(p_mutations jsonb) returns jsonb
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
comment on function public.sync_push(jsonb) is 'Applies up to 500 client mutations {id, type, payload, created_at}, each alone; answers applied, duplicate or rejected (with code and message) per id.';

revoke execute on function public.sync_push(jsonb) from public, anon;
grant execute on function public.sync_push(jsonb) to authenticated;
