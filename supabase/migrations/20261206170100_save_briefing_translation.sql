-- Saving a briefing with its translation, through the one guarded path
-- (sync_push -> apply_briefing), redefined from 20261122100800_create_sync_push.sql
-- with: payload language (the original's, fixed at publish; default the
-- author's own locale) and translation {language, title, body} or null.
-- Only managers and HR reach this (staff are refused 'forbidden' as before,
-- and nobody may write public.briefings directly), so staff cannot write a
-- translation. An edit that does not name a translation (a phone from before
-- translations) keeps it only while title and body are unchanged: a changed
-- original never carries a stale translation into its new version.

create or replace function private.apply_briefing(m public.members, p jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_action text := private.req_text(p, 'action', 20);
  v_id uuid := private.req_uuid(p, 'briefing_id');
  v_existing public.briefings;
  v_new public.briefings;
  v_base int;
  v_managed uuid[] := private.store_ids_managed_by(m);
  v_translation jsonb;
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
  -- The original's language is fixed at publish: a version's acknowledgements name it.
  v_new.language := coalesce(v_existing.language, private.opt_text(p, 'language', 2), m.locale);
  if v_new.language not in ('en', 'es') then
    perform private.reject('invalid_value', 'language must be en or es');
  end if;
  if v_action = 'edit' and not (p ? 'translation') then
    -- A phone that predates translations edits without naming one: keep it only
    -- while the original is unchanged, so a new text never carries a stale translation.
    if (v_new.title, v_new.body) is not distinct from (v_existing.title, v_existing.body) then
      v_new.translation_language := v_existing.translation_language;
      v_new.translation_title := v_existing.translation_title;
      v_new.translation_body := v_existing.translation_body;
    end if;
  elsif jsonb_typeof(p -> 'translation') = 'object' then
    v_translation := p -> 'translation';
    v_new.translation_language := private.req_text(v_translation, 'language', 2);
    v_new.translation_title := private.req_text(v_translation, 'title', 200);
    v_new.translation_body := private.req_text(v_translation, 'body', 20000);
    if v_new.translation_language not in ('en', 'es') or v_new.translation_language = v_new.language then
      perform private.reject('invalid_language',
        format('translation.language must be the other supported language than the original (%s)', v_new.language));
    end if;
  elsif p ? 'translation' and jsonb_typeof(p -> 'translation') <> 'null' then
    perform private.reject('invalid_type', 'translation must be an object {language, title, body} or null');
  end if;

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
                                  shift_date, shift_start, shift_end, requires_ack, ack_due_at, publish_at, expires_at,
                                  language, translation_language, translation_title, translation_body)
    values (v_new.id, v_new.org_id, v_new.author_id, v_new.kind, v_new.title, v_new.body, v_new.priority, v_new.store_ids,
            v_new.department_ids, v_new.roles, v_new.shift_date, v_new.shift_start, v_new.shift_end, v_new.requires_ack,
            v_new.ack_due_at, v_new.publish_at, v_new.expires_at,
            v_new.language, v_new.translation_language, v_new.translation_title, v_new.translation_body);
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
    expires_at = v_new.expires_at, translation_language = v_new.translation_language,
    translation_title = v_new.translation_title, translation_body = v_new.translation_body
  where id = v_id;
  return 'applied';
end $$;
comment on function private.apply_briefing(public.members, jsonb) is 'Mutation briefing: publish, edit (a change to title/body or to the translation = new version) or retract, within the stores the caller manages; language (en/es, fixed at publish, default the author''s locale) and translation {language, title, body} or null (absent on edit: kept only if title and body are unchanged).';
