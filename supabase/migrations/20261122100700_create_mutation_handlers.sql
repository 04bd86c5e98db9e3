-- One handler per sync_push mutation type. Each validates its payload, checks
-- the caller may do it, writes, and answers 'applied' or 'duplicate'; expected
-- refusals raise through private.reject with a stable code.

create function private.apply_ack(m public.members, p_id uuid, p jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_briefing_id uuid := private.req_uuid(p, 'briefing_id');
  v_version int := private.req_int(p, 'version', 1, 1000000);
  v_hash text := private.req_text(p, 'content_hash', 64, 64);
  v_acked_at timestamptz := private.req_timestamptz(p, 'acked_at');
  v_briefing public.briefings;
  v_version_hash text;
begin
  if v_acked_at > now() + interval '5 minutes' then
    perform private.reject('invalid_timestamp', 'acked_at is in the future');
  end if;
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
  select v.content_hash into v_version_hash from public.briefing_versions v
  where v.briefing_id = v_briefing_id and v.version = v_version;
  if v_version_hash is null then
    perform private.reject('unknown_version', format('This briefing has no version %s', v_version));
  end if;
  if v_version_hash <> lower(v_hash) then
    perform private.reject('hash_mismatch', format('The acknowledged text does not match version %s of this briefing', v_version));
  end if;
  insert into public.acknowledgements (id, org_id, briefing_id, version, content_hash, member_id, acked_at)
  values (p_id, m.org_id, v_briefing_id, v_version, v_version_hash, m.id, v_acked_at)
  on conflict do nothing;
  return case when found then 'applied' else 'duplicate' end;
end $$;
comment on function private.apply_ack(public.members, uuid, jsonb) is 'Mutation ack: the caller read and understood this exact version and hash; a second ack of a version is a duplicate.';

-- Scores a quiz on the server so a phone cannot claim a pass: the percentage of
-- questions whose chosen options equal the correct set exactly.
create function private.score_quiz(p_quiz jsonb, p_answers jsonb) returns int
language plpgsql immutable set search_path = '' as $$
declare
  v_question jsonb;
  v_given jsonb;
  v_options text[];
  v_chosen text[];
  v_correct int := 0;
  v_total int := jsonb_array_length(p_quiz);
begin
  if jsonb_typeof(p_answers) is distinct from 'object' then
    perform private.reject('invalid_answers', 'answers must map question ids to lists of option ids');
  end if;
  if exists (select 1 from jsonb_object_keys(p_answers) k
             where not exists (select 1 from jsonb_array_elements(p_quiz) q where q ->> 'id' = k)) then
    perform private.reject('invalid_answers', 'answers name a question that is not in this lesson version');
  end if;
  for v_question in select value from jsonb_array_elements(p_quiz) loop
    v_given := p_answers -> (v_question ->> 'id');
    if v_given is null or jsonb_typeof(v_given) <> 'array' or jsonb_array_length(v_given) = 0 then
      perform private.reject('incomplete_attempt', format('question %s was not answered', v_question ->> 'id'));
    end if;
    v_options := array(select o ->> 'id' from jsonb_array_elements(v_question -> 'options') o);
    v_chosen := array(select distinct e #>> '{}' from jsonb_array_elements(v_given) e order by 1);
    if exists (select 1 from jsonb_array_elements(v_given) e where jsonb_typeof(e) <> 'string')
       or not (v_chosen <@ v_options) then
      perform private.reject('invalid_answers', format('question %s was answered with an unknown option', v_question ->> 'id'));
    end if;
    if v_question ->> 'kind' = 'single' and cardinality(v_chosen) <> 1 then
      perform private.reject('invalid_answers', format('question %s takes exactly one answer', v_question ->> 'id'));
    end if;
    if v_chosen = array(select distinct e #>> '{}' from jsonb_array_elements(v_question -> 'correct') e order by 1) then
      v_correct := v_correct + 1;
    end if;
  end loop;
  return case when v_total = 0 then 100 else round(100.0 * v_correct / v_total)::int end;
end $$;
comment on function private.score_quiz(jsonb, jsonb) is 'Quiz score 0-100 for answers {question_id: [option_id]}; rejects unknown, missing or malformed answers.';

create function private.apply_lesson_attempt(m public.members, p_id uuid, p jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_lesson_id uuid := private.req_uuid(p, 'lesson_id');
  v_version int := private.req_int(p, 'lesson_version', 1, 1000000);
  v_started timestamptz := private.req_timestamptz(p, 'started_at');
  v_completed timestamptz := private.req_timestamptz(p, 'completed_at');
  v_lesson public.lessons;
  v_content public.lesson_versions;
  v_score int;
begin
  if v_completed < v_started or v_completed > now() + interval '5 minutes' then
    perform private.reject('invalid_timestamp', 'completed_at must be after started_at and not in the future');
  end if;
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
  insert into public.lesson_attempts (id, org_id, lesson_id, lesson_version, member_id, store_id, answers, score, passed,
                                      started_at, completed_at)
  values (p_id, m.org_id, v_lesson_id, v_version, m.id, m.store_id, p -> 'answers', v_score, v_score >= v_content.pass_mark,
          v_started, v_completed)
  on conflict do nothing;
  return case when found then 'applied' else 'duplicate' end;
end $$;
comment on function private.apply_lesson_attempt(public.members, uuid, jsonb) is 'Mutation lesson_attempt: stores a completed quiz, scored here against the version it was taken on.';

create function private.apply_feedback(m public.members, p_id uuid, p jsonb, p_created_at timestamptz) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_kind text := private.req_text(p, 'kind', 20);
  v_recipient text := private.req_text(p, 'recipient', 20);
  v_body text := private.req_text(p, 'body', 4000);
  v_anonymous boolean := private.opt_bool(p, 'anonymous', false);
  v_briefing_id uuid := private.opt_uuid(p, 'briefing_id');
begin
  if v_kind not in ('suggestion', 'question', 'concern', 'praise') then
    perform private.reject('invalid_value', 'kind must be suggestion, question, concern or praise');
  end if;
  if v_recipient not in ('store', 'head_office') then
    perform private.reject('invalid_value', 'recipient must be store or head_office');
  end if;
  if v_recipient = 'store' and m.store_id is null then
    perform private.reject('no_store', 'You have no store; send this to head office instead');
  end if;
  if v_briefing_id is not null and not exists (
       select 1 from public.briefings b where b.id = v_briefing_id and private.briefing_visible_to(b, m)) then
    perform private.reject('unknown_briefing', 'No briefing with this id is addressed to you');
  end if;
  -- Anonymous: no author, a random id and only the day, so nothing ties it to the sender.
  insert into public.feedback (id, org_id, store_id, recipient, kind, body, briefing_id, author_id, is_anonymous, created_at)
  values (case when v_anonymous then gen_random_uuid() else p_id end, m.org_id, m.store_id, v_recipient, v_kind, v_body,
          v_briefing_id, case when v_anonymous then null else m.id end, v_anonymous,
          case when v_anonymous then date_trunc('day', now()) else least(coalesce(p_created_at, now()), now()) end)
  on conflict do nothing;
  return case when found then 'applied' else 'duplicate' end;
end $$;
comment on function private.apply_feedback(public.members, uuid, jsonb, timestamptz) is 'Mutation feedback: to the store manager or head office; anonymous ones keep no author and no time of day.';

create function private.apply_pulse_response(m public.members, p jsonb) returns text
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
  insert into public.pulse_participation (pulse_id, member_id) values (v_pulse_id, m.id) on conflict do nothing;
  if not found then
    perform private.reject('already_answered', 'You have already answered this pulse');
  end if;
  insert into public.pulse_responses (pulse_id, store_id, department_id, score, comment)
  values (v_pulse_id, m.store_id, m.department_id, v_score, v_comment);
  return 'applied';
end $$;
comment on function private.apply_pulse_response(public.members, jsonb) is 'Mutation pulse_response: records that the member answered and, separately and unlinked, the answer.';

create function private.apply_kudos(m public.members, p_id uuid, p jsonb, p_created_at timestamptz) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_to uuid := private.req_uuid(p, 'to_member_id');
  v_value_id uuid := private.opt_uuid(p, 'value_card_id');
  v_message text := private.req_text(p, 'message', 500);
  v_recipient public.members;
begin
  if v_to = m.id then
    perform private.reject('self_kudos', 'Kudos are for colleagues, not for yourself');
  end if;
  select x.* into v_recipient from public.members x where x.id = v_to and x.org_id = m.org_id and x.active;
  if v_recipient.id is null then
    perform private.reject('unknown_member', 'No active colleague with this id');
  end if;
  if v_value_id is not null and not exists (
       select 1 from public.value_cards c where c.id = v_value_id and c.org_id = m.org_id and c.archived_at is null) then
    perform private.reject('unknown_value', 'No value card with this id');
  end if;
  insert into public.kudos (id, org_id, from_member_id, to_member_id, value_card_id, store_id, message, created_at)
  values (p_id, m.org_id, m.id, v_to, v_value_id, v_recipient.store_id, v_message, least(coalesce(p_created_at, now()), now()))
  on conflict do nothing;
  return case when found then 'applied' else 'duplicate' end;
end $$;
comment on function private.apply_kudos(public.members, uuid, jsonb, timestamptz) is 'Mutation kudos: thanks an active colleague of the same organisation, optionally for a value.';
