-- An acknowledgement records which text was on screen: payload language
-- ('en' or 'es'), one the acknowledged version has (its original or its
-- translation), else the ack is refused 'language_unavailable' (a phone cannot
-- claim someone read a translation that never existed). Absent (phones from
-- before translations) it is the version's original language. Redefined from
-- 20261205100000_record_device_clock_skew.sql (the latest apply_ack); sync_push
-- still calls it for 'ack' mutations and closed accounts' acks alike.

create or replace function private.apply_ack(m public.members, p_id uuid, p jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_briefing_id uuid := private.req_uuid(p, 'briefing_id');
  v_version int := private.req_int(p, 'version', 1, 1000000);
  v_hash text := private.req_text(p, 'content_hash', 64, 64);
  v_claimed timestamptz := private.req_timestamptz(p, 'acked_at');
  v_language text := private.opt_text(p, 'language', 2);
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
  -- A phone from before translations names no language: it showed the original.
  v_language := coalesce(v_language, v_text.language);
  if v_language is distinct from v_text.language and v_language is distinct from v_text.translation_language then
    perform private.reject('language_unavailable',
      format('Version %s of this briefing has no text in %s', v_version, v_language));
  end if;
  v_time := private.judge_device_time(v_claimed, v_text.created_at);
  insert into public.acknowledgements (id, org_id, briefing_id, version, content_hash, member_id, acked_at, clock_flag, language)
  values (p_id, m.org_id, v_briefing_id, v_version, v_text.content_hash, m.id, v_time.recorded_at, v_time.clock_flag, v_language)
  on conflict do nothing;
  return case when found then 'applied' else 'duplicate' end;
end $$;
comment on function private.apply_ack(public.members, uuid, jsonb) is 'Mutation ack: the caller read and understood this exact version and hash; a second ack of a version is a duplicate. The device''s acked_at is evidence, never a reason to refuse (see private.judge_device_time). language (en/es, default the original''s) is the text on screen and must be one this version has, else language_unavailable.';
