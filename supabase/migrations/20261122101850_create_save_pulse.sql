-- save_pulse: HR/admin create a pulse or change one. Once a pulse has answers,
-- what was asked (question, scale, comment, opening time) stays as answered;
-- a closed pulse cannot be changed or reopened, so its results (shown only
-- after closing, see pulse_report) are one final snapshot that later answers
-- can never be compared with. A closing time in the past closes it now.
-- An answer still waiting in private.pulse_answer_buffer counts as an answer,
-- and closing a pulse moves its remaining buffered answers (usually fewer
-- than 5) to pulse_responses in random order, in HR's transaction, after
-- taking the pulse's answer lock exclusive so answers being written finish first.

create function public.save_pulse(
  p_id uuid default null,
  p_question text default null,
  p_scale text default null,
  p_allow_comment boolean default true,
  p_store_ids uuid[] default '{}',
  p_department_ids uuid[] default '{}',
  p_roles text[] default '{}',
  p_opens_at timestamptz default null,
  p_closes_at timestamptz default null
) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_old public.pulses;
  v_new public.pulses;
  v_question text := btrim(coalesce(p_question, ''));
  v_answered boolean := false;
begin
  if v_me.role not in ('hr', 'admin') then
    raise exception using errcode = '42501', message = 'Only HR can create or change pulses', detail = 'forbidden';
  end if;
  if char_length(v_question) < 1 or char_length(v_question) > 500 then
    raise exception using errcode = '22023', message = 'The question must have 1 to 500 characters', detail = 'invalid_question';
  end if;
  if p_scale is null or p_scale not in ('nps_0_10', 'scale_1_5') then
    raise exception using errcode = '22023', message = 'p_scale must be nps_0_10 or scale_1_5', detail = 'invalid_scale';
  end if;
  if p_allow_comment is null then
    raise exception using errcode = '22023', message = 'p_allow_comment must be true or false', detail = 'invalid_allow_comment';
  end if;
  v_new.store_ids := array(select distinct x from unnest(coalesce(p_store_ids, '{}')) x where x is not null order by 1);
  v_new.department_ids := array(select distinct x from unnest(coalesce(p_department_ids, '{}')) x where x is not null order by 1);
  v_new.roles := array(select distinct x from unnest(coalesce(p_roles, '{}')) x order by 1);
  if exists (select 1 from unnest(v_new.store_ids) s(id)
             where not exists (select 1 from public.stores x where x.id = s.id and x.org_id = v_me.org_id)) then
    raise exception using errcode = '22023', message = 'p_store_ids names a store outside your organisation', detail = 'unknown_store';
  end if;
  if exists (select 1 from unnest(v_new.department_ids) d(id)
             where not exists (select 1 from public.departments x where x.id = d.id and x.org_id = v_me.org_id)) then
    raise exception using errcode = '22023', message = 'p_department_ids names a department outside your organisation',
      detail = 'unknown_department';
  end if;
  if not (v_new.roles <@ array['staff', 'manager', 'hr', 'admin']) then
    raise exception using errcode = '22023', message = 'p_roles must be a list of staff, manager, hr, admin', detail = 'invalid_roles';
  end if;
  if p_closes_at is null then
    raise exception using errcode = '22023', message = 'p_closes_at is required', detail = 'invalid_window';
  end if;

  if p_id is not null then
    -- The pulse's answer lock first, exclusive: answers in flight finish
    -- before this looks for answers or closes the pulse (and, as in
    -- apply_pulse_response, before the pulse row is locked).
    perform pg_advisory_xact_lock(private.pulse_answers_lock_key(p_id));
    select x.* into v_old from public.pulses x where x.id = p_id for update;
    if v_old.id is not null and v_old.org_id <> v_me.org_id then
      raise exception using errcode = '22023', message = 'No pulse with this id in your organisation', detail = 'unknown_pulse';
    end if;
  end if;

  if v_old.id is null then
    v_new.opens_at := coalesce(p_opens_at, now());
    v_new.closes_at := p_closes_at;
    if v_new.closes_at <= greatest(v_new.opens_at, now()) then
      raise exception using errcode = '22023', message = 'p_closes_at must be in the future and after p_opens_at', detail = 'invalid_window';
    end if;
    insert into public.pulses (id, org_id, question, scale, allow_comment, store_ids, department_ids, roles, opens_at, closes_at)
    values (coalesce(p_id, gen_random_uuid()), v_me.org_id, v_question, p_scale, p_allow_comment, v_new.store_ids,
            v_new.department_ids, v_new.roles, v_new.opens_at, v_new.closes_at)
    returning * into v_new;
  else
    if v_old.closes_at <= now() then
      raise exception using errcode = '22023', message = 'This pulse has closed and can no longer be changed', detail = 'pulse_closed';
    end if;
    v_answered := exists (select 1 from public.pulse_responses r where r.pulse_id = v_old.id)
                  or exists (select 1 from private.pulse_answer_buffer b where b.pulse_id = v_old.id);
    v_new.opens_at := coalesce(p_opens_at, v_old.opens_at);
    if v_answered and (v_question <> v_old.question or p_scale <> v_old.scale or p_allow_comment <> v_old.allow_comment
                       or v_new.opens_at <> v_old.opens_at) then
      raise exception using errcode = '22023', message = 'This pulse has answers: its question, scale, comment option and opening time stay as they were',
        detail = 'pulse_answered';
    end if;
    -- Closing early: a time in the past means now.
    v_new.closes_at := greatest(p_closes_at, now());
    if v_new.closes_at <= v_new.opens_at then
      raise exception using errcode = '22023', message = 'p_closes_at must be after p_opens_at', detail = 'invalid_window';
    end if;
    -- Phones that held it under the old audience are told to drop it (sync_pull
    -- keeps it for those still in the new audience).
    if (v_old.store_ids, v_old.department_ids, v_old.roles) is distinct from (v_new.store_ids, v_new.department_ids, v_new.roles) then
      insert into private.sync_tombstones (org_id, item_type, item_id, store_ids, department_ids, roles)
      values (v_old.org_id, 'pulse', v_old.id, v_old.store_ids, v_old.department_ids, v_old.roles);
    end if;
    update public.pulses set question = v_question, scale = p_scale, allow_comment = p_allow_comment,
      store_ids = v_new.store_ids, department_ids = v_new.department_ids, roles = v_new.roles,
      opens_at = v_new.opens_at, closes_at = v_new.closes_at
    where id = v_old.id
    returning * into v_new;
    -- Closed now: answers still waiting for a batch of 5 move here, in a
    -- transaction that is HR's, not any answerer's.
    if v_new.closes_at <= now() then
      perform private.flush_pulse_answers(v_new.id);
    end if;
  end if;

  return json_build_object('id', v_new.id, 'question', v_new.question, 'scale', v_new.scale, 'allow_comment', v_new.allow_comment,
                           'store_ids', v_new.store_ids, 'department_ids', v_new.department_ids, 'roles', v_new.roles,
                           'opens_at', v_new.opens_at, 'closes_at', v_new.closes_at, 'created_at', v_new.created_at,
                           'updated_at', v_new.updated_at);
end $$;
comment on function public.save_pulse(uuid, text, text, boolean, uuid[], uuid[], text[], timestamptz, timestamptz) is 'HR/admin create a pulse (p_id new or null) or change an open one (what was asked is fixed once answered; closed ones are final; closing one moves its buffered answers to pulse_responses); answers the pulse.';

revoke execute on function public.save_pulse(uuid, text, text, boolean, uuid[], uuid[], text[], timestamptz, timestamptz) from public, anon;
grant execute on function public.save_pulse(uuid, text, text, boolean, uuid[], uuid[], text[], timestamptz, timestamptz) to authenticated;
