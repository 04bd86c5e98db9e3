-- Device time is evidence, not a gate. A phone's clock can be minutes or days
-- wrong, and refusing its acknowledgement or lesson attempt loses the action
-- for good (the phone treats a refusal as final). So the server always stores
-- the action and says how far to trust its device time:
--   clock_flag null             the claim is plausible and stored as claimed;
--   clock_flag 'device_ahead'   the claim is more than 5 minutes after the
--                               server received it; stored as claimed, since
--                               it is what the device said, beside received_at;
--   clock_flag 'before_version' the claim is earlier than the text it names
--                               existed, which cannot be true, so the claim is
--                               not recorded: the receipt time stands in for it;
--   clock_flag 'clock_moved'    (lesson attempts) completed before started: the
--                               clock was set back mid-lesson; started_at is
--                               recorded as completed_at.
-- received_at (the server's own time) is untouched in every case.

alter table public.acknowledgements add column clock_flag text
  check (clock_flag in ('device_ahead', 'before_version'));
comment on column public.acknowledgements.clock_flag is 'null, device_ahead (acked_at more than 5 min after received_at, kept as claimed) or before_version (the device claimed a time before this version existed; acked_at is the receipt time instead).';

alter table public.lesson_attempts add column clock_flag text
  check (clock_flag in ('device_ahead', 'before_version', 'clock_moved'));
comment on column public.lesson_attempts.clock_flag is 'null, device_ahead (completed_at more than 5 min after received_at, kept as claimed), before_version (claimed before the lesson version existed; both times are the receipt time) or clock_moved (completed before started; started_at set to completed_at).';

create type private.device_time as (recorded_at timestamptz, clock_flag text);
comment on type private.device_time is 'A device''s claimed time as the server records it, with the skew flag (see private.judge_device_time).';

create function private.judge_device_time(p_claimed timestamptz, p_not_before timestamptz) returns private.device_time
language sql stable set search_path = '' as $$
  select case
    when p_claimed < p_not_before then row(now(), 'before_version')::private.device_time
    when p_claimed > now() + interval '5 minutes' then row(p_claimed, 'device_ahead')::private.device_time
    else row(p_claimed, null)::private.device_time
  end
$$;
comment on function private.judge_device_time(timestamptz, timestamptz) is 'What to record for a device''s claimed time: the claim unless it is before p_not_before (then now()), and the skew flag: before_version, device_ahead (over 5 min after now()) or null.';

create or replace function private.apply_ack(m public.members, p_id uuid, p jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_briefing_id uuid := private.req_uuid(p, 'briefing_id');
  v_version int := private.req_int(p, 'version', 1, 1000000);
  v_hash text := private.req_text(p, 'content_hash', 64, 64);
  v_claimed timestamptz := private.req_timestamptz(p, 'acked_at');
  v_briefing public.briefings;
  v_text public.briefing_versions;
  v_time private.device_time;
begin
  select b.* into v_briefing from public.briefings b where b.id = v_briefing_id;
  -- Not-found and not-addressed look the same, so ids of others' briefings leak nothing.
  if v_briefing.id is null or v_briefing.org_id <> m.org_id
     or not (v_briefing.author_id = m.id
             or private.audience_includes(v_briefing.store_ids, v_briefing.department_ids, v_briefing.roles,
                                          m.store_id, m.department_id, m.role)) then
    perform private.reject('unknown_briefing', 'No briefing with this id is addressed to you');
  end if;
  if v_briefing.retracted_at is not null then
    perform private.reject('briefing_retracted', 'This briefing was retracted, so it can no longer be acknowledged');
  end if;
  select v.* into v_text from public.briefing_versions v
  where v.briefing_id = v_briefing_id and v.version = v_version;
  if v_text.briefing_id is null then
    perform private.reject('unknown_version', format('This briefing has no version %s', v_version));
  end if;
  if v_text.content_hash <> lower(v_hash) then
    perform private.reject('hash_mismatch', format('The acknowledged text does not match version %s of this briefing', v_version));
  end if;
  v_time := private.judge_device_time(v_claimed, v_text.created_at);
  insert into public.acknowledgements (id, org_id, briefing_id, version, content_hash, member_id, acked_at, clock_flag)
  values (p_id, m.org_id, v_briefing_id, v_version, v_text.content_hash, m.id, v_time.recorded_at, v_time.clock_flag)
  on conflict do nothing;
  return case when found then 'applied' else 'duplicate' end;
end $$;
comment on function private.apply_ack(public.members, uuid, jsonb) is 'Mutation ack: the caller read and understood this exact version and hash; a second ack of a version is a duplicate. The device''s acked_at is evidence, never a reason to refuse (see private.judge_device_time).';

create or replace function private.apply_lesson_attempt(m public.members, p_id uuid, p jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_lesson_id uuid := private.req_uuid(p, 'lesson_id');
  v_version int := private.req_int(p, 'lesson_version', 1, 1000000);
  v_started timestamptz := private.req_timestamptz(p, 'started_at');
  v_completed timestamptz := private.req_timestamptz(p, 'completed_at');
  v_lesson public.lessons;
  v_content public.lesson_versions;
  v_time private.device_time;
  v_flag text;
  v_score int;
begin
  select l.* into v_lesson from public.lessons l where l.id = v_lesson_id;
  if v_lesson.id is null or v_lesson.org_id <> m.org_id
     or not private.audience_includes(v_lesson.store_ids, v_lesson.department_ids, v_lesson.roles,
                                      m.store_id, m.department_id, m.role) then
    perform private.reject('unknown_lesson', 'No lesson with this id is assigned to you');
  end if;
  select v.* into v_content from public.lesson_versions v where v.lesson_id = v_lesson_id and v.version = v_version;
  if v_content.lesson_id is null then
    perform private.reject('unknown_version', format('This lesson has no version %s', v_version));
  end if;
  v_score := private.score_quiz(v_content.quiz, p -> 'answers');
  v_time := private.judge_device_time(v_completed, v_content.created_at);
  v_flag := v_time.clock_flag;
  if v_flag = 'before_version' then
    v_started := v_time.recorded_at;
  elsif v_started > v_completed then
    v_started := v_completed;
    v_flag := coalesce(v_flag, 'clock_moved');
  end if;
  insert into public.lesson_attempts (id, org_id, lesson_id, lesson_version, member_id, store_id, answers, score, passed,
                                      started_at, completed_at, clock_flag)
  values (p_id, m.org_id, v_lesson_id, v_version, m.id, m.store_id, p -> 'answers', v_score, v_score >= v_content.pass_mark,
          v_started, v_time.recorded_at, v_flag)
  on conflict do nothing;
  return case when found then 'applied' else 'duplicate' end;
end $$;
comment on function private.apply_lesson_attempt(public.members, uuid, jsonb) is 'Mutation lesson_attempt: stores a completed quiz, scored here against the version it was taken on; device times are evidence, flagged in clock_flag, never a reason to refuse.';

-- The audit trail shows the flag beside both times. A view's columns can only
-- be appended, so clock_flag goes last; audit_export's row type changes, so it
-- is dropped and created again with its grants.
create or replace view private.audit_trail as
  select k.id, k.received_at,
         p.person, p.employee_email, p.store, v.briefing,
         k.version, k.content_hash, k.acked_at as acked_on_device_at, k.received_at as received_by_server_at,
         k.clock_flag
  from public.acknowledgements k
  cross join lateral (select m.display_name as person, m.email as employee_email, s.name as store
                      from public.members m left join public.stores s on s.id = m.store_id
                      where m.id = k.member_id offset 0) p
  cross join lateral (select x.title as briefing from public.briefing_versions x
                      where x.briefing_id = k.briefing_id and x.version = k.version offset 0) v
  where k.org_id = (select private.my_org_id()) and (select private.require_hr('export the audit trail'));
comment on view private.audit_trail is 'Acknowledgements of the caller''s organisation with person, store, the acknowledged version''s title and the device clock flag; raises 42501 unless the caller is HR. Runs with its owner''s rights.';

drop function public.audit_export(timestamptz, timestamptz);
create function public.audit_export(p_from timestamptz default null, p_to timestamptz default null)
returns table (person text, employee_email text, store text, briefing text, version int, content_hash text,
               acked_on_device_at timestamptz, received_by_server_at timestamptz, clock_flag text)
-- Inlined into the caller's query: no security definer and no SET clause (see 20261122101500_create_audit_export.sql).
language sql stable as $$
  select t.person, t.employee_email, t.store, t.briefing, t.version, t.content_hash,
         t.acked_on_device_at, t.received_by_server_at, t.clock_flag
  from private.audit_trail t
  where t.received_at >= coalesce(p_from, '-infinity') and t.received_at < coalesce(p_to, 'infinity')
  order by t.received_at, t.id
$$;
comment on function public.audit_export(timestamptz, timestamptz) is 'HR: every acknowledgement of the organisation received in [p_from, p_to) (open ends when null), oldest first; the store is the member''s current one; clock_flag says how far to trust acked_on_device_at (null, device_ahead, before_version). Call with Accept: text/csv to stream.';
revoke execute on function public.audit_export(timestamptz, timestamptz) from public, anon;
grant execute on function public.audit_export(timestamptz, timestamptz) to authenticated;
