-- Values cards and lessons in the reader's language (issue 13, point 7), as
-- briefings already are (20261206170000). Each is written in one language (its
-- original: 'en' or 'es', fixed when created, by default the author's locale;
-- existing rows are 'en') and may carry one translation into the other
-- language. Here the translation is one JSON value, checked and rebuilt by the
-- save functions, because a lesson's is the same shape as its cards and quiz:
--   value card: {language, title, statement, on_the_floor, examples[]}
--   lesson:     {language, title, summary, cards [{title, body}] (as many as the
--                original), quiz [{id, prompt, options [{id, text}], explanation}]
--                (the original's questions and options, same ids, same order)}
-- A lesson's translation carries no answers: kind and correct stay the
-- original's, so an attempt in either language is scored the same way, and a
-- translation alone makes no new lesson version (its sync_seq still moves, so
-- phones pull it). The editor sends the translation on every save: null there
-- means the card or lesson has none.

alter table public.value_cards
  add column language text not null default 'en' check (language in ('en', 'es')),
  add column translation jsonb,
  add constraint value_cards_translation_other_language check (
    translation is null or (translation ->> 'language' in ('en', 'es') and translation ->> 'language' <> language));
comment on column public.value_cards.language is 'The language title, statement, on_the_floor and examples are written in (en, es): the original.';
comment on column public.value_cards.translation is 'The one translation {language, title, statement, on_the_floor, examples} into the other language, or null.';

alter table public.lessons
  add column language text not null default 'en' check (language in ('en', 'es')),
  add column translation jsonb,
  add constraint lessons_translation_other_language check (
    translation is null or (translation ->> 'language' in ('en', 'es') and translation ->> 'language' <> language));
comment on column public.lessons.language is 'The language the lesson''s texts are written in (en, es): the original.';
comment on column public.lessons.translation is 'The one translation {language, title, summary, cards, quiz texts} into the other language, or null; answers stay the original''s.';

create function private.content_language(p_existing text, p_asked text, p_locale text) returns text
language plpgsql immutable set search_path = '' as $$
declare v text := coalesce(p_existing, p_asked, p_locale, 'en');
begin
  if v not in ('en', 'es') then
    perform private.invalid_argument('invalid_language', 'language must be en or es');
  end if;
  return v;
end $$;
comment on function private.content_language(text, text, text) is 'The original''s language of a card or lesson: fixed once it exists, else the one asked for, else the author''s locale; raises 22023 invalid_language.';

create function private.translation_language(p jsonb, p_original text) returns text
language plpgsql immutable set search_path = '' as $$
begin
  if jsonb_typeof(p) <> 'object' then
    perform private.invalid_argument('invalid_translation', 'translation must be an object or null');
  end if;
  if jsonb_typeof(p -> 'language') is distinct from 'string' or p ->> 'language' not in ('en', 'es') or p ->> 'language' = p_original then
    perform private.invalid_argument('invalid_language',
      format('translation.language must be the other supported language than the original (%s)', p_original));
  end if;
  return p ->> 'language';
end $$;
comment on function private.translation_language(jsonb, text) is 'The language of a translation object, which must be the supported language the original is not in; raises 22023 invalid_translation or invalid_language.';

create function private.optional_json_text(p jsonb, p_key text, p_where text, p_max int) returns text
language plpgsql immutable set search_path = '' as $$
declare v jsonb := p -> p_key;
begin
  if v is null or v = 'null'::jsonb then
    return '';
  end if;
  if jsonb_typeof(v) <> 'string' then
    perform private.invalid_argument('invalid_translation', format('%s: %s must be text', p_where, p_key));
  end if;
  if char_length(btrim(v #>> '{}')) > p_max then
    perform private.invalid_argument('too_long', format('%s: %s must be at most %s characters (got %s)',
                                                 p_where, p_key, p_max, char_length(btrim(v #>> '{}'))));
  end if;
  return btrim(v #>> '{}');
end $$;
comment on function private.optional_json_text(jsonb, text, text, int) is 'An optional text field of a JSON object, trimmed ('''' when absent); raises 22023 invalid_translation or too_long.';

create function private.check_value_card_translation(p jsonb, p_original text) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  v_language text;
  v_examples jsonb := '[]';
  v_e jsonb;
  v_n int := 0;
begin
  if p is null or p = 'null'::jsonb then
    return null;
  end if;
  v_language := private.translation_language(p, p_original);
  if exists (select 1 from jsonb_object_keys(p) k where k not in ('language', 'title', 'statement', 'on_the_floor', 'examples')) then
    perform private.invalid_argument('invalid_translation', 'translation takes only language, title, statement, on_the_floor and examples');
  end if;
  if p ? 'examples' and p -> 'examples' <> 'null'::jsonb then
    if jsonb_typeof(p -> 'examples') <> 'array' then
      perform private.invalid_argument('invalid_translation', 'translation: examples must be a list of texts');
    end if;
    if jsonb_array_length(p -> 'examples') > 10 then
      perform private.invalid_argument('too_many_examples', format('A values card takes at most 10 examples (got %s)', jsonb_array_length(p -> 'examples')));
    end if;
    for v_e in select e from jsonb_array_elements(p -> 'examples') e loop
      v_n := v_n + 1;
      v_examples := v_examples || jsonb_build_array(private.json_argument_text(jsonb_build_object('text', v_e), 'text',
                                                      format('translation example %s', v_n), 500, 'invalid_translation'));
    end loop;
  end if;
  return jsonb_build_object(
    'language', v_language,
    'title', private.json_argument_text(p, 'title', 'translation', 120, 'invalid_translation'),
    'statement', private.json_argument_text(p, 'statement', 'translation', 1000, 'invalid_translation'),
    'on_the_floor', private.optional_json_text(p, 'on_the_floor', 'translation', 2000),
    'examples', v_examples);
end $$;
comment on function private.check_value_card_translation(jsonb, text) is 'Checks a values card translation {language, title, statement, on_the_floor, examples} against the card''s limits and answers it trimmed (null for none); raises 22023.';

create function private.check_lesson_translation(p jsonb, p_original text, p_cards jsonb, p_quiz jsonb) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  v_language text;
  v_cards jsonb := '[]';
  v_quiz jsonb := '[]';
  v_card jsonb;
  v_q jsonb;
  v_original_q jsonb;
  v_o jsonb;
  v_options jsonb;
  v_n int := 0;
  v_where text;
begin
  if p is null or p = 'null'::jsonb then
    return null;
  end if;
  v_language := private.translation_language(p, p_original);
  if exists (select 1 from jsonb_object_keys(p) k where k not in ('language', 'title', 'summary', 'cards', 'quiz')) then
    perform private.invalid_argument('invalid_translation', 'translation takes only language, title, summary, cards and quiz');
  end if;
  if jsonb_typeof(p -> 'cards') is distinct from 'array' or jsonb_array_length(p -> 'cards') <> jsonb_array_length(p_cards) then
    perform private.invalid_argument('invalid_translation',
      format('translation: cards must be a list of %s cards {title, body}, one for each of the lesson''s', jsonb_array_length(p_cards)));
  end if;
  for v_card in select e from jsonb_array_elements(p -> 'cards') e loop
    v_n := v_n + 1;
    if jsonb_typeof(v_card) <> 'object' or exists (select 1 from jsonb_object_keys(v_card) k where k not in ('title', 'body')) then
      perform private.invalid_argument('invalid_translation', format('translation card %s must be an object with only title and body', v_n));
    end if;
    v_cards := v_cards || jsonb_build_array(jsonb_build_object(
      'title', private.json_argument_text(v_card, 'title', format('translation card %s', v_n), 200, 'invalid_translation'),
      'body', private.json_argument_text(v_card, 'body', format('translation card %s', v_n), 4000, 'invalid_translation')));
  end loop;

  if jsonb_typeof(p -> 'quiz') is distinct from 'array' or jsonb_array_length(p -> 'quiz') <> jsonb_array_length(p_quiz) then
    perform private.invalid_argument('invalid_translation',
      format('translation: quiz must be a list of %s questions, one for each of the lesson''s', jsonb_array_length(p_quiz)));
  end if;
  v_n := 0;
  for v_q, v_original_q in select t.e, o.e from jsonb_array_elements(p -> 'quiz') with ordinality t(e, n)
                            join jsonb_array_elements(p_quiz) with ordinality o(e, n) using (n) order by n loop
    v_n := v_n + 1;
    v_where := format('translation question %s', v_n);
    if jsonb_typeof(v_q) <> 'object'
       or exists (select 1 from jsonb_object_keys(v_q) k where k not in ('id', 'prompt', 'options', 'explanation')) then
      perform private.invalid_argument('invalid_translation', format('%s must be an object with only id, prompt, options and explanation', v_where));
    end if;
    -- The same question, the same options in the same order: only the words differ.
    if v_q -> 'id' is distinct from v_original_q -> 'id' then
      perform private.invalid_argument('invalid_translation', format('%s: id must be the original''s (%s)', v_where, v_original_q ->> 'id'));
    end if;
    if jsonb_typeof(v_q -> 'options') is distinct from 'array'
       or jsonb_array_length(v_q -> 'options') <> jsonb_array_length(v_original_q -> 'options') then
      perform private.invalid_argument('invalid_translation',
        format('%s: options must be the original''s %s options {id, text}', v_where, jsonb_array_length(v_original_q -> 'options')));
    end if;
    v_options := '[]';
    for v_o in select t.e from jsonb_array_elements(v_q -> 'options') with ordinality t(e, n)
               join jsonb_array_elements(v_original_q -> 'options') with ordinality o(e, n) using (n)
               where t.e -> 'id' is not distinct from o.e -> 'id' order by n loop
      if jsonb_typeof(v_o) <> 'object' or exists (select 1 from jsonb_object_keys(v_o) k where k not in ('id', 'text')) then
        perform private.invalid_argument('invalid_translation', format('%s: each option must be an object with only id and text', v_where));
      end if;
      v_options := v_options || jsonb_build_array(jsonb_build_object(
        'id', v_o -> 'id', 'text', private.json_argument_text(v_o, 'text', v_where || ' option', 300, 'invalid_translation')));
    end loop;
    if jsonb_array_length(v_options) <> jsonb_array_length(v_original_q -> 'options') then
      perform private.invalid_argument('invalid_translation', format('%s: option ids must be the original''s, in its order', v_where));
    end if;
    v_quiz := v_quiz || jsonb_build_array(jsonb_build_object(
      'id', v_original_q -> 'id',
      'prompt', private.json_argument_text(v_q, 'prompt', v_where, 500, 'invalid_translation'),
      'options', v_options,
      'explanation', private.json_argument_text(v_q, 'explanation', v_where, 1000, 'invalid_translation')));
  end loop;

  return jsonb_build_object(
    'language', v_language,
    'title', private.json_argument_text(p, 'title', 'translation', 200, 'invalid_translation'),
    'summary', private.optional_json_text(p, 'summary', 'translation', 1000),
    'cards', v_cards,
    'quiz', v_quiz);
end $$;
comment on function private.check_lesson_translation(jsonb, text, jsonb, jsonb) is 'Checks a lesson translation against the checked original cards and quiz (as many cards; the same question and option ids in the same order; no answers) and answers it trimmed (null for none); raises 22023.';

revoke all on function private.content_language(text, text, text), private.translation_language(jsonb, text),
  private.optional_json_text(jsonb, text, text, int), private.check_value_card_translation(jsonb, text),
  private.check_lesson_translation(jsonb, text, jsonb, jsonb) from public, anon;

create or replace function private.value_card_json(c public.value_cards) returns json
language sql stable set search_path = '' as $$
  select json_build_object('id', c.id, 'title', c.title, 'statement', c.statement, 'on_the_floor', c.on_the_floor,
                           'examples', to_json(c.examples), 'position', c.position,
                           'language', c.language, 'translation', c.translation,
                           'updated_at', c.updated_at, 'sync_seq', c.sync_seq)
$$;
comment on function private.value_card_json(public.value_cards) is 'A values card as sync_pull sends it, with its original''s language and translation.';

create or replace function private.lesson_json(l public.lessons) returns json
language sql stable set search_path = '' as $$
  select json_build_object('id', l.id, 'title', l.title, 'summary', l.summary, 'minutes', l.minutes,
                           'cards', l.cards, 'quiz', l.quiz, 'pass_mark', l.pass_mark, 'version', l.version,
                           'language', l.language, 'translation', l.translation,
                           'store_ids', to_json(l.store_ids), 'department_ids', to_json(l.department_ids),
                           'roles', to_json(l.roles), 'updated_at', l.updated_at, 'sync_seq', l.sync_seq)
$$;
comment on function private.lesson_json(public.lessons) is 'A lesson as sync_pull sends it (with its original''s language and translation), plus its audience (for authors).';

drop function public.save_value_card(uuid, text, text, text, text[], int);
create function public.save_value_card(
  p_id uuid, p_title text, p_statement text, p_on_the_floor text default '', p_examples text[] default '{}',
  p_position int default null, p_language text default null, p_translation jsonb default null
) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_hr boolean := private.require_hr('write values cards');
  v_me public.members := private.my_member();
  v_existing public.value_cards;
  v_title text := private.argument_text(p_title, 'title', 120);
  v_statement text := private.argument_text(p_statement, 'statement', 1000);
  v_on_the_floor text := private.argument_text(coalesce(p_on_the_floor, ''), 'on_the_floor', 2000, 0);
  v_examples text[];
  v_language text;
  v_translation jsonb;
  v_live int;
  v_card public.value_cards;
begin
  if cardinality(coalesce(p_examples, '{}')) > 10 then
    perform private.invalid_argument('too_many_examples', format('A values card takes at most 10 examples (got %s)', cardinality(p_examples)));
  end if;
  if array_ndims(p_examples) > 1 then
    perform private.invalid_argument('invalid_type', 'examples must be a list of texts');
  end if;
  v_examples := array(select private.argument_text(e, format('example %s', n), 500)
                      from unnest(coalesce(p_examples, '{}')) with ordinality as x(e, n) order by n);

  perform private.lock_value_cards(v_me.org_id);
  if p_id is not null then
    select c.* into v_existing from public.value_cards c where c.id = p_id;
    -- Another organisation's card looks like no card at all.
    if v_existing.id is not null and v_existing.org_id <> v_me.org_id then
      perform private.invalid_argument('unknown_value_card', 'No values card with this id that you can edit');
    end if;
    if v_existing.archived_at is not null then
      perform private.invalid_argument('value_card_archived', 'This values card is archived and can no longer be edited');
    end if;
  end if;
  v_language := private.content_language(v_existing.language, p_language, v_me.locale);
  v_translation := private.check_value_card_translation(p_translation, v_language);
  select count(*) into v_live from public.value_cards c where c.org_id = v_me.org_id and c.archived_at is null;
  if p_position is not null
     and (p_position < 1 or p_position > v_live + case when v_existing.id is null then 1 else 0 end) then
    perform private.invalid_argument('out_of_range', format('position must be from 1 to %s',
                                                     v_live + case when v_existing.id is null then 1 else 0 end));
  end if;

  if v_existing.id is null then
    insert into public.value_cards (id, org_id, title, statement, on_the_floor, examples, position, language, translation)
    values (coalesce(p_id, gen_random_uuid()), v_me.org_id, v_title, v_statement, v_on_the_floor, v_examples,
            coalesce((select max(c.position) from public.value_cards c where c.org_id = v_me.org_id and c.archived_at is null), 0) + 1,
            v_language, v_translation)
    returning * into v_card;
  else
    -- Saving the same text again writes nothing, so it costs no phone a sync.
    update public.value_cards c set title = v_title, statement = v_statement, on_the_floor = v_on_the_floor, examples = v_examples,
      translation = v_translation
    where c.id = v_existing.id
      and (c.title, c.statement, c.on_the_floor, c.examples, c.translation)
          is distinct from (v_title, v_statement, v_on_the_floor, v_examples, v_translation);
    v_card := v_existing;
  end if;
  if p_position is not null then
    perform private.renumber_value_cards(v_me.org_id, v_card.id, p_position);
  end if;
  select c.* into v_card from public.value_cards c where c.id = v_card.id;
  return private.value_card_json(v_card);
end $$;
comment on function public.save_value_card(uuid, text, text, text, text[], int, text, jsonb) is 'HR: creates (at the end, or at p_position) or edits a values card of their organisation, with its translation (null = none; the original''s language is fixed at creation, default the author''s locale); answers the card as sync_pull sends it.';
revoke all on function public.save_value_card(uuid, text, text, text, text[], int, text, jsonb) from public, anon;
-- Dropped and made again, so service_role's grant (20261205130000) is given again too.
grant execute on function public.save_value_card(uuid, text, text, text, text[], int, text, jsonb) to authenticated, service_role;

drop function public.save_lesson(uuid, text, text, int, jsonb, jsonb, int, uuid[], uuid[], text[], int);
create function public.save_lesson(
  p_id uuid, p_title text, p_summary text, p_minutes int, p_cards jsonb, p_quiz jsonb, p_pass_mark int default 80,
  p_store_ids uuid[] default '{}', p_department_ids uuid[] default '{}', p_roles text[] default '{}',
  p_base_version int default null, p_language text default null, p_translation jsonb default null
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
  v_language text;
  v_translation jsonb;
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
  v_language := private.content_language(v_existing.language, p_language, v_me.locale);
  v_translation := private.check_lesson_translation(p_translation, v_language, v_cards, v_quiz);

  if v_existing.id is null then
    insert into public.lessons (id, org_id, title, summary, minutes, cards, quiz, pass_mark, store_ids, department_ids, roles,
                                language, translation)
    values (coalesce(p_id, gen_random_uuid()), v_me.org_id, v_title, v_summary, p_minutes, v_cards, v_quiz, p_pass_mark,
            v_store_ids, v_department_ids, v_roles, v_language, v_translation)
    returning * into v_lesson;
  else
    -- Saving the same lesson again writes nothing, so it costs no phone a sync.
    update public.lessons l set title = v_title, summary = v_summary, minutes = p_minutes, cards = v_cards, quiz = v_quiz,
      pass_mark = p_pass_mark, store_ids = v_store_ids, department_ids = v_department_ids, roles = v_roles,
      translation = v_translation
    where l.id = v_existing.id
      and (l.title, l.summary, l.minutes, l.cards, l.quiz, l.pass_mark, l.store_ids, l.department_ids, l.roles, l.translation)
          is distinct from (v_title, v_summary, p_minutes, v_cards, v_quiz, p_pass_mark, v_store_ids, v_department_ids, v_roles, v_translation)
    returning * into v_lesson;
    if not found then
      v_lesson := v_existing;
    end if;
  end if;
  return private.lesson_json(v_lesson);
end $$;
comment on function public.save_lesson(uuid, text, text, int, jsonb, jsonb, int, uuid[], uuid[], text[], int, text, jsonb) is 'HR: creates or edits a lesson (cards, quiz, pass mark, audience; empty list = everyone) with its translation (null = none; the original''s language is fixed at creation, default the author''s locale); new cards, quiz or pass mark make a new version; p_base_version guards against stale edits.';
revoke all on function public.save_lesson(uuid, text, text, int, jsonb, jsonb, int, uuid[], uuid[], text[], int, text, jsonb) from public, anon;
grant execute on function public.save_lesson(uuid, text, text, int, jsonb, jsonb, int, uuid[], uuid[], text[], int, text, jsonb) to authenticated, service_role;
