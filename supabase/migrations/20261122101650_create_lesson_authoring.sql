-- HR author lessons: content cards, a quiz and the audience. The shape is
-- checked strictly here (the phone and private.score_quiz trust it), and the
-- stored JSON is rebuilt from the checked fields only. A change of cards, quiz
-- or pass mark makes a new version (lessons triggers); attempts keep the
-- version they were taken on. Archiving or re-targeting leaves a tombstone, so
-- phones that had the lesson drop it on their next sync.

create function private.check_lesson_cards(p jsonb) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  v_card jsonb;
  v_n int := 0;
  v_out jsonb := '[]';
begin
  if p is null or jsonb_typeof(p) <> 'array' or jsonb_array_length(p) not between 1 and 20 then
    perform private.invalid_argument('invalid_cards', 'cards must be a list of 1 to 20 cards {title, body}');
  end if;
  for v_card in select e from jsonb_array_elements(p) e loop
    v_n := v_n + 1;
    if jsonb_typeof(v_card) <> 'object' or exists (select 1 from jsonb_object_keys(v_card) k where k not in ('title', 'body')) then
      perform private.invalid_argument('invalid_cards', format('card %s must be an object with only title and body', v_n));
    end if;
    v_out := v_out || jsonb_build_array(jsonb_build_object(
      'title', private.json_argument_text(v_card, 'title', format('card %s', v_n), 200, 'invalid_cards'),
      'body', private.json_argument_text(v_card, 'body', format('card %s', v_n), 4000, 'invalid_cards')));
  end loop;
  return v_out;
end $$;
comment on function private.check_lesson_cards(jsonb) is 'Checks lesson cards [{title, body}] (1-20; title up to 200, body up to 4,000 characters) and answers them trimmed; raises 22023.';

create function private.check_lesson_quiz(p jsonb) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  v_q jsonb;
  v_o jsonb;
  v_n int := 0;
  v_where text;
  v_options jsonb;
  v_option_ids text[];
  v_correct text[];
  v_out jsonb := '[]';
begin
  if p is null or jsonb_typeof(p) <> 'array' or jsonb_array_length(p) not between 1 and 20 then
    perform private.invalid_argument('invalid_quiz', 'quiz must be a list of 1 to 20 questions');
  end if;
  for v_q in select e from jsonb_array_elements(p) e loop
    v_n := v_n + 1;
    v_where := format('question %s', v_n);
    if jsonb_typeof(v_q) <> 'object'
       or exists (select 1 from jsonb_object_keys(v_q) k where k not in ('id', 'prompt', 'kind', 'options', 'correct', 'explanation')) then
      perform private.invalid_argument('invalid_quiz', format('%s must be an object with only id, prompt, kind, options, correct and explanation', v_where));
    end if;
    if jsonb_typeof(v_q -> 'kind') is distinct from 'string' or v_q ->> 'kind' not in ('single', 'multiple') then
      perform private.invalid_argument('invalid_quiz', format('%s: kind must be single or multiple', v_where));
    end if;
    if jsonb_typeof(v_q -> 'options') is distinct from 'array' or jsonb_array_length(v_q -> 'options') not between 2 and 10 then
      perform private.invalid_argument('invalid_quiz', format('%s: options must be a list of 2 to 10 options {id, text}', v_where));
    end if;
    v_options := '[]';
    for v_o in select e from jsonb_array_elements(v_q -> 'options') e loop
      if jsonb_typeof(v_o) <> 'object' or exists (select 1 from jsonb_object_keys(v_o) k where k not in ('id', 'text')) then
        perform private.invalid_argument('invalid_quiz', format('%s: each option must be an object with only id and text', v_where));
      end if;
      v_options := v_options || jsonb_build_array(jsonb_build_object(
        'id', private.json_argument_text(v_o, 'id', v_where || ' option', 40, 'invalid_quiz'),
        'text', private.json_argument_text(v_o, 'text', v_where || ' option', 300, 'invalid_quiz')));
    end loop;
    v_option_ids := array(select o ->> 'id' from jsonb_array_elements(v_options) o);
    if cardinality(v_option_ids) <> (select count(distinct x) from unnest(v_option_ids) x) then
      perform private.invalid_argument('invalid_quiz', format('%s: option ids must be different', v_where));
    end if;
    if jsonb_typeof(v_q -> 'correct') is distinct from 'array'
       or exists (select 1 from jsonb_array_elements(v_q -> 'correct') e where jsonb_typeof(e) <> 'string') then
      perform private.invalid_argument('invalid_correct', format('%s: correct must be a list of option ids', v_where));
    end if;
    v_correct := array(select e #>> '{}' from jsonb_array_elements(v_q -> 'correct') e);
    if not (v_correct <@ v_option_ids) then
      perform private.invalid_argument('unknown_option', format('%s: correct names an option that is not in its options', v_where));
    end if;
    if cardinality(v_correct) = 0 or cardinality(v_correct) <> (select count(distinct x) from unnest(v_correct) x) then
      perform private.invalid_argument('invalid_correct', format('%s: correct must name at least one option, each once', v_where));
    end if;
    if v_q ->> 'kind' = 'single' and cardinality(v_correct) <> 1 then
      perform private.invalid_argument('invalid_correct', format('%s: a single-choice question has exactly one correct option', v_where));
    end if;
    v_out := v_out || jsonb_build_array(jsonb_build_object(
      'id', private.json_argument_text(v_q, 'id', v_where, 40, 'invalid_quiz'),
      'prompt', private.json_argument_text(v_q, 'prompt', v_where, 500, 'invalid_quiz'),
      'kind', v_q ->> 'kind',
      'options', v_options,
      'correct', to_jsonb(v_correct),
      'explanation', private.json_argument_text(v_q, 'explanation', v_where, 1000, 'invalid_quiz')));
  end loop;
  if jsonb_array_length(v_out) <> (select count(distinct q ->> 'id') from jsonb_array_elements(v_out) q) then
    perform private.invalid_argument('invalid_quiz', 'question ids must be different');
  end if;
  return v_out;
end $$;
comment on function private.check_lesson_quiz(jsonb) is 'Checks a lesson quiz [{id, prompt, kind single|multiple, options [{id, text}], correct [option ids], explanation}] and answers it trimmed; raises 22023.';

create function private.lesson_json(l public.lessons) returns json
language sql stable set search_path = '' as $$
  select json_build_object('id', l.id, 'title', l.title, 'summary', l.summary, 'minutes', l.minutes,
                           'cards', l.cards, 'quiz', l.quiz, 'pass_mark', l.pass_mark, 'version', l.version,
                           'store_ids', to_json(l.store_ids), 'department_ids', to_json(l.department_ids),
                           'roles', to_json(l.roles), 'updated_at', l.updated_at, 'sync_seq', l.sync_seq)
$$;
comment on function private.lesson_json(public.lessons) is 'A lesson as sync_pull sends it, plus its audience (for authors).';

create function public.save_lesson(
  p_id uuid, p_title text, p_summary text, p_minutes int, p_cards jsonb, p_quiz jsonb, p_pass_mark int default 80,
  p_store_ids uuid[] default '{}', p_department_ids uuid[] default '{}', p_roles text[] default '{}',
  p_base_version int default null
) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_hr boolean := private.require_hr('author lessons');
  v_me public.members := private.my_member();
  v_title text := private.argument_text(p_title, 'title', 200);
  v_summary text := private.argument_text(coalesce(p_summary, ''), 'summary', 1000, 0);
  v_cards jsonb := private.check_lesson_cards(p_cards);
  v_quiz jsonb := private.check_lesson_quiz(p_quiz);
  v_store_ids uuid[];
  v_department_ids uuid[];
  v_roles text[];
  v_existing public.lessons;
  v_lesson public.lessons;
begin
  if p_minutes is null or p_minutes not between 1 and 10 then
    perform private.invalid_argument('out_of_range', 'minutes must be a whole number from 1 to 10');
  end if;
  if p_pass_mark is null or p_pass_mark not between 0 and 100 then
    perform private.invalid_argument('out_of_range', 'pass_mark must be a whole number from 0 to 100');
  end if;
  if array_position(coalesce(p_store_ids, '{}'), null) is not null
     or array_position(coalesce(p_department_ids, '{}'), null) is not null
     or array_position(coalesce(p_roles, '{}'), null) is not null then
    perform private.invalid_argument('invalid_type', 'store_ids, department_ids and roles must not contain null');
  end if;
  v_store_ids := array(select distinct x from unnest(coalesce(p_store_ids, '{}')) x order by 1);
  v_department_ids := array(select distinct x from unnest(coalesce(p_department_ids, '{}')) x order by 1);
  v_roles := array(select distinct x from unnest(coalesce(p_roles, '{}')) x order by 1);
  if exists (select 1 from unnest(v_store_ids) x
             where not exists (select 1 from public.stores s where s.id = x and s.org_id = v_me.org_id)) then
    perform private.invalid_argument('unknown_store', 'store_ids names a store outside your organisation');
  end if;
  if exists (select 1 from unnest(v_department_ids) x
             where not exists (select 1 from public.departments d where d.id = x and d.org_id = v_me.org_id)) then
    perform private.invalid_argument('unknown_department', 'department_ids names a department outside your organisation');
  end if;
  if not (v_roles <@ array['staff', 'manager', 'hr', 'admin']) then
    perform private.invalid_argument('invalid_roles', 'roles must be a list of staff, manager, hr, admin');
  end if;

  if p_id is not null then
    select l.* into v_existing from public.lessons l where l.id = p_id for update;
    -- Another organisation's lesson looks like no lesson at all.
    if v_existing.id is not null and v_existing.org_id <> v_me.org_id then
      perform private.invalid_argument('unknown_lesson', 'No lesson with this id that you can edit');
    end if;
    if v_existing.archived_at is not null then
      perform private.invalid_argument('lesson_archived', 'This lesson is archived and can no longer be edited');
    end if;
  end if;
  -- Editing from a stale copy would silently overwrite someone else's change.
  if p_base_version is not null and p_base_version is distinct from v_existing.version then
    perform private.invalid_argument('version_conflict',
      format('This lesson changed since you opened it (now version %s); reload and edit again', coalesce(v_existing.version, 0)));
  end if;

  if v_existing.id is null then
    insert into public.lessons (id, org_id, title, summary, minutes, cards, quiz, pass_mark, store_ids, department_ids, roles)
    values (coalesce(p_id, gen_random_uuid()), v_me.org_id, v_title, v_summary, p_minutes, v_cards, v_quiz, p_pass_mark,
            v_store_ids, v_department_ids, v_roles)
    returning * into v_lesson;
  else
    -- Saving the same lesson again writes nothing, so it costs no phone a sync.
    update public.lessons l set title = v_title, summary = v_summary, minutes = p_minutes, cards = v_cards, quiz = v_quiz,
      pass_mark = p_pass_mark, store_ids = v_store_ids, department_ids = v_department_ids, roles = v_roles
    where l.id = v_existing.id
      and (l.title, l.summary, l.minutes, l.cards, l.quiz, l.pass_mark, l.store_ids, l.department_ids, l.roles)
          is distinct from (v_title, v_summary, p_minutes, v_cards, v_quiz, p_pass_mark, v_store_ids, v_department_ids, v_roles)
    returning * into v_lesson;
    if not found then
      v_lesson := v_existing;
    end if;
  end if;
  return private.lesson_json(v_lesson);
end $$;
comment on function public.save_lesson(uuid, text, text, int, jsonb, jsonb, int, uuid[], uuid[], text[], int) is 'HR: creates or edits a lesson (cards, quiz, pass mark, audience; empty list = everyone); new content makes a new version; p_base_version guards against stale edits.';

create function public.archive_lesson(p_id uuid) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_hr boolean := private.require_hr('archive lessons');
  v_me public.members := private.my_member();
  v_lesson public.lessons;
begin
  select l.* into v_lesson from public.lessons l where l.id = p_id and l.org_id = v_me.org_id for update;
  if v_lesson.id is null then
    perform private.invalid_argument('unknown_lesson', 'No lesson with this id that you can archive');
  end if;
  -- Archiving twice changes nothing.
  if v_lesson.archived_at is null then
    update public.lessons l set archived_at = now() where l.id = p_id returning * into v_lesson;
  end if;
  return json_build_object('id', v_lesson.id, 'archived_at', v_lesson.archived_at);
end $$;
comment on function public.archive_lesson(uuid) is 'HR: archives a lesson: phones drop it on their next sync; its attempts stay.';

revoke execute on function public.save_lesson(uuid, text, text, int, jsonb, jsonb, int, uuid[], uuid[], text[], int),
  public.archive_lesson(uuid) from public, anon;
grant execute on function public.save_lesson(uuid, text, text, int, jsonb, jsonb, int, uuid[], uuid[], text[], int),
  public.archive_lesson(uuid) to authenticated;
