-- sync_pull, redefined from 20261206170300 with one change: values cards and
-- lessons carry language (the original's) and translation (20261207120000),
-- or null, as briefings do, so a phone shows each in its reader's language
-- offline and offers the other with one tap.

create or replace function public.sync_pull(p_cursor bigint default 0, p_limit int default 500) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_hi bigint := private.sync_high_water();
  v_change private.member_audience_changes;
  v_kinds text[];
  v_ids uuid[];
  v_seqs bigint[];
  v_more boolean;
  v_end bigint;
  v_removed uuid[];
  v_total bigint;
begin
  if p_cursor is null or p_cursor < 0 then
    raise exception using errcode = '22023', message = 'p_cursor must be 0 or a cursor returned by sync_pull', detail = 'invalid_cursor';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 1000', detail = 'invalid_limit';
  end if;

  -- A member whose audience changed starts over from 0 after dropping what
  -- only the old audience could see; cursor 0 never triggers this again.
  if p_cursor > 0 then
    select c.* into v_change from private.member_audience_changes c
    where c.member_id = v_me.id and c.sync_seq > p_cursor and c.sync_seq < v_hi
    order by c.sync_seq limit 1;
    if found then
      return json_build_object(
        'cursor', 0, 'has_more', true, 'reset', true, 'server_time', now(), 'me', private.me_json(v_me),
        'briefings', '[]'::json, 'value_cards', '[]'::json, 'lessons', '[]'::json,
        'pulses', '[]'::json, 'acks', '[]'::json, 'attempts', '[]'::json,
        'removed', to_json(private.ids_lost_by_move(v_me, v_change, p_cursor)));
    end if;
  end if;

  with candidates as (
    (select 'briefing'::text as kind, b.id, b.sync_seq from public.briefings b
      where b.org_id = v_me.org_id and b.sync_seq > p_cursor and b.sync_seq < v_hi
        and private.briefing_visible_to(b, v_me)
      order by b.sync_seq limit p_limit + 1)
    union all
    (select 'value_card', c.id, c.sync_seq from public.value_cards c
      where c.org_id = v_me.org_id and c.sync_seq > p_cursor and c.sync_seq < v_hi and c.archived_at is null
      order by c.sync_seq limit p_limit + 1)
    union all
    (select 'lesson', l.id, l.sync_seq from public.lessons l
      where l.org_id = v_me.org_id and l.sync_seq > p_cursor and l.sync_seq < v_hi and l.archived_at is null
        and private.audience_includes(l.store_ids, l.department_ids, l.roles, v_me.store_id, v_me.department_id, v_me.role)
      order by l.sync_seq limit p_limit + 1)
    union all
    (select 'pulse', p.id, p.sync_seq from public.pulses p
      where p.org_id = v_me.org_id and p.sync_seq > p_cursor and p.sync_seq < v_hi and p.archived_at is null
        and private.audience_includes(p.store_ids, p.department_ids, p.roles, v_me.store_id, v_me.department_id, v_me.role)
      order by p.sync_seq limit p_limit + 1)
    union all
    (select 'ack', a.id, a.sync_seq from public.acknowledgements a
      where a.member_id = v_me.id and a.sync_seq > p_cursor and a.sync_seq < v_hi
      order by a.sync_seq limit p_limit + 1)
    union all
    (select 'attempt', a.id, a.sync_seq from public.lesson_attempts a
      where a.member_id = v_me.id and a.sync_seq > p_cursor and a.sync_seq < v_hi
      order by a.sync_seq limit p_limit + 1)
    union all
    (select 'removed', t.item_id, t.sync_seq from private.sync_tombstones t
      where t.org_id = v_me.org_id and t.sync_seq > p_cursor and t.sync_seq < v_hi
        and (t.author_id = v_me.id
             or private.audience_includes(t.store_ids, t.department_ids, t.roles, v_me.store_id, v_me.department_id, v_me.role))
      order by t.sync_seq limit p_limit + 1)
  ), page as (
    select kind, id, sync_seq from candidates order by sync_seq limit p_limit + 1
  )
  select array_agg(kind order by sync_seq), array_agg(id order by sync_seq), array_agg(sync_seq order by sync_seq)
  into v_kinds, v_ids, v_seqs from page;

  -- A first sync reports how much is coming, so a new phone can show progress.
  if p_cursor = 0 then
    select (select count(*) from public.briefings b
             where b.org_id = v_me.org_id and b.sync_seq < v_hi and private.briefing_visible_to(b, v_me))
         + (select count(*) from public.value_cards c
             where c.org_id = v_me.org_id and c.sync_seq < v_hi and c.archived_at is null)
         + (select count(*) from public.lessons l
             where l.org_id = v_me.org_id and l.sync_seq < v_hi and l.archived_at is null
               and private.audience_includes(l.store_ids, l.department_ids, l.roles, v_me.store_id, v_me.department_id, v_me.role))
         + (select count(*) from public.pulses p
             where p.org_id = v_me.org_id and p.sync_seq < v_hi and p.archived_at is null
               and private.audience_includes(p.store_ids, p.department_ids, p.roles, v_me.store_id, v_me.department_id, v_me.role))
         + (select count(*) from public.acknowledgements a where a.member_id = v_me.id and a.sync_seq < v_hi)
         + (select count(*) from public.lesson_attempts a where a.member_id = v_me.id and a.sync_seq < v_hi)
    into v_total;
  end if;

  v_more := coalesce(cardinality(v_ids), 0) > p_limit;
  if v_more then
    v_kinds := v_kinds[1:p_limit];
    v_ids := v_ids[1:p_limit];
    v_end := v_seqs[p_limit];
  else
    -- Nothing visible is left below the high-water mark: jump the cursor there.
    v_end := greatest(p_cursor, v_hi - 1);
  end if;

  select array(
    select distinct r.id from unnest(v_kinds, v_ids) as r(kind, id)
    where r.kind = 'removed'
      and not exists (select 1 from public.briefings b where b.id = r.id and private.briefing_visible_to(b, v_me))
      and not exists (select 1 from public.lessons l where l.id = r.id and l.archived_at is null and l.org_id = v_me.org_id
                        and private.audience_includes(l.store_ids, l.department_ids, l.roles, v_me.store_id, v_me.department_id, v_me.role))
      and not exists (select 1 from public.pulses p where p.id = r.id and p.archived_at is null and p.org_id = v_me.org_id
                        and private.audience_includes(p.store_ids, p.department_ids, p.roles, v_me.store_id, v_me.department_id, v_me.role))
      and not exists (select 1 from public.value_cards c where c.id = r.id and c.archived_at is null and c.org_id = v_me.org_id)
    -- Expiry is a matter of time, not of a write: a catching-up phone is told
    -- about recently expired briefings it may still hold.
    union
    select b.id from public.briefings b
    where p_cursor > 0 and not v_more
      and b.org_id = v_me.org_id and b.retracted_at is null
      and b.expires_at <= now() and b.expires_at > now() - interval '30 days'
      and (b.author_id = v_me.id
           or private.audience_includes(b.store_ids, b.department_ids, b.roles, v_me.store_id, v_me.department_id, v_me.role))
  ) into v_removed;

  return json_build_object(
    'cursor', v_end,
    'has_more', v_more,
    'total', v_total,
    -- The phone decides what is live from this, not from its own clock, which may be days off.
    'server_time', now(),
    'me', private.me_json(v_me),
    -- Built inline (no per-row function call) with the author joined once: half the page's cost at 500 rows.
    'briefings', coalesce((select json_agg(json_build_object(
                             'id', b.id, 'kind', b.kind, 'title', b.title, 'body', b.body, 'priority', b.priority,
                             'author_id', b.author_id, 'author_name', a.display_name,
                             'store_ids', b.store_ids, 'department_ids', b.department_ids, 'roles', b.roles,
                             'shift_date', b.shift_date, 'shift_start', b.shift_start, 'shift_end', b.shift_end,
                             'requires_ack', b.requires_ack, 'ack_due_at', b.ack_due_at,
                             'publish_at', b.publish_at, 'expires_at', b.expires_at,
                             'version', b.version, 'content_hash', b.content_hash, 'narrow_audience', b.narrow_audience,
                             -- The reader's language, when this version has it: the phone picks which text to show.
                             'language', b.language,
                             'translation', case when b.translation_language is not null then
                               json_build_object('language', b.translation_language, 'title', b.translation_title,
                                                 'body', b.translation_body) end,
                             -- What changed: the text this version replaced, so the phone can show before/after.
                             'previous', case when b.version > 1 then
                               (select json_build_object('version', v.version, 'title', v.title, 'body', v.body,
                                                         'translation', case when v.translation_language is not null then
                                                           json_build_object('language', v.translation_language,
                                                                             'title', v.translation_title, 'body', v.translation_body) end)
                                from public.briefing_versions v where v.briefing_id = b.id and v.version = b.version - 1) end,
                             'created_at', b.created_at, 'updated_at', b.updated_at, 'sync_seq', b.sync_seq) order by b.sync_seq)
                           from public.briefings b
                           left join public.members a on a.id = b.author_id
                           where b.id = any (array(select r.id from unnest(v_kinds, v_ids) r(kind, id) where r.kind = 'briefing'))), '[]'::json),
    'value_cards', coalesce((select json_agg(json_build_object(
                               'id', c.id, 'title', c.title, 'statement', c.statement, 'on_the_floor', c.on_the_floor,
                               'examples', to_json(c.examples), 'position', c.position,
                               'language', c.language, 'translation', c.translation, 'updated_at', c.updated_at,
                               'sync_seq', c.sync_seq) order by c.sync_seq)
                             from public.value_cards c
                             where c.id = any (array(select r.id from unnest(v_kinds, v_ids) r(kind, id) where r.kind = 'value_card'))), '[]'::json),
    'lessons', coalesce((select json_agg(json_build_object(
                           'id', l.id, 'title', l.title, 'summary', l.summary, 'minutes', l.minutes,
                           'cards', l.cards, 'quiz', l.quiz, 'pass_mark', l.pass_mark, 'version', l.version,
                           'language', l.language, 'translation', l.translation,
                           'required_by', (select min(r.due_on) from public.lesson_requirements r
                                           where r.lesson_id = l.id
                                             and private.audience_includes(r.store_ids, r.department_ids, r.roles,
                                                   v_me.store_id, v_me.department_id, v_me.role)),
                           'updated_at', l.updated_at, 'sync_seq', l.sync_seq) order by l.sync_seq)
                         from public.lessons l
                         where l.id = any (array(select r.id from unnest(v_kinds, v_ids) r(kind, id) where r.kind = 'lesson'))), '[]'::json),
    'pulses', coalesce((select json_agg(json_build_object(
                          'id', p.id, 'question', p.question, 'scale', p.scale, 'allow_comment', p.allow_comment,
                          'opens_at', p.opens_at, 'closes_at', p.closes_at, 'updated_at', p.updated_at,
                          'sync_seq', p.sync_seq) order by p.sync_seq)
                        from public.pulses p
                        where p.id = any (array(select r.id from unnest(v_kinds, v_ids) r(kind, id) where r.kind = 'pulse'))), '[]'::json),
    'acks', coalesce((select json_agg(json_build_object(
                        'id', a.id, 'briefing_id', a.briefing_id, 'version', a.version, 'content_hash', a.content_hash,
                        'language', a.language,
                        'acked_at', a.acked_at, 'received_at', a.received_at, 'sync_seq', a.sync_seq) order by a.sync_seq)
                      from public.acknowledgements a
                      where a.id = any (array(select r.id from unnest(v_kinds, v_ids) r(kind, id) where r.kind = 'ack'))), '[]'::json),
    'attempts', coalesce((select json_agg(json_build_object(
                            'id', a.id, 'lesson_id', a.lesson_id, 'lesson_version', a.lesson_version,
                            'percent', a.score, 'passed', a.passed, 'completed_at', a.completed_at) order by a.sync_seq)
                          from public.lesson_attempts a
                          where a.id = any (array(select r.id from unnest(v_kinds, v_ids) r(kind, id) where r.kind = 'attempt'))), '[]'::json),
    'removed', to_json(coalesce(v_removed, '{}'::uuid[]))
  );
end $$;
comment on function public.sync_pull(bigint, int) is 'One page (p_limit rows, sync_seq order) of what the caller may hold, changed after p_cursor, plus removed ids; total (first page only) counts every row a first sync will bring; reset=true means drop removed and pull again from 0; briefings past version 1 carry previous {version, title, body, translation}; narrow_audience true means anonymous feedback citing the briefing will lose the link; server_time is the server''s clock when it answered, for phones whose own clock is wrong; lessons carry required_by, the earliest date a requirement that applies to the caller sets, or null; attempts are the caller''s own lesson attempts as the server scored them; briefings carry language (the original''s) and translation {language, title, body} or null, acks the language that was read; values cards and lessons carry language and translation (their shapes: 20261207120000) or null.';
