-- Content in the reader's language (issue 13, point 7). A briefing is written
-- in one language (its original: 'en' or 'es', by default its author's locale;
-- existing briefings are 'en') and may carry one translation into the other
-- supported language, title and body. With two supported languages "at most
-- one translation per other language" is one set of columns; a third language
-- would move them to a table keyed (briefing_id, version, language).
--
-- A translation is part of the version: the content hash covers it, so any
-- change to the original or the translation makes a new version, and an
-- acknowledgement of version N names exactly the texts N had (briefing_versions
-- keeps both). A briefing without a translation hashes as before (title,
-- newline, body), so every existing hash and acknowledgement stays valid.
-- Each acknowledgement records which of the version's languages was on screen.

alter table public.briefings
  add column language text not null default 'en' check (language in ('en', 'es')),
  add column translation_language text check (translation_language in ('en', 'es')),
  add column translation_title text check (char_length(translation_title) between 1 and 200),
  add column translation_body text check (char_length(translation_body) between 1 and 20000),
  add constraint briefings_translation_whole check (
    (translation_language is null) = (translation_title is null)
    and (translation_language is null) = (translation_body is null)),
  add constraint briefings_translation_other_language check (translation_language is distinct from language);
comment on column public.briefings.language is 'The language title and body are written in (en, es): the original.';
comment on column public.briefings.translation_language is 'The language of the one translation (not the original''s), or null when there is none.';
comment on column public.briefings.translation_title is 'The translation''s title; part of the version''s content hash.';
comment on column public.briefings.translation_body is 'The translation''s body; part of the version''s content hash.';

alter table public.briefing_versions
  add column language text not null default 'en' check (language in ('en', 'es')),
  add column translation_language text check (translation_language in ('en', 'es')),
  add column translation_title text,
  add column translation_body text;
comment on column public.briefing_versions.language is 'The original''s language in this version.';
comment on column public.briefing_versions.translation_language is 'The language of this version''s translation, or null.';
comment on column public.briefing_versions.translation_title is 'This version''s translated title, as readers of translation_language saw it.';
comment on column public.briefing_versions.translation_body is 'This version''s translated body, as readers of translation_language saw it.';

alter table public.acknowledgements
  add column language text not null default 'en' check (language in ('en', 'es'));
comment on column public.acknowledgements.language is 'Which of the version''s texts was on screen when acknowledged: its original''s language or its translation''s (en before translations existed).';

create function private.briefing_content_hash(p_title text, p_body text, p_translation_language text,
                                              p_translation_title text, p_translation_body text) returns text
language sql immutable set search_path = '' as $$
  select case when p_translation_language is null then private.content_hash(p_title, p_body)
    else encode(sha256(convert_to(p_title || E'\n' || p_body || E'\n\x1f' || p_translation_language || E'\n'
                                  || p_translation_title || E'\n' || p_translation_body, 'UTF8')), 'hex') end
$$;
comment on function private.briefing_content_hash(text, text, text, text, text) is 'SHA-256 (hex) a version''s acknowledgements name: of title and body alone (private.content_hash) without a translation, else of both texts and the translation''s language.';
revoke all on function private.briefing_content_hash(text, text, text, text, text) from public, anon;

create or replace function private.version_briefing() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.content_hash := private.briefing_content_hash(new.title, new.body, new.translation_language,
                                                     new.translation_title, new.translation_body);
  if tg_op = 'INSERT' then
    new.version := 1;
  elsif new.content_hash <> old.content_hash then
    new.version := old.version + 1;
  else
    new.version := old.version;
  end if;
  return new;
end $$;
comment on function private.version_briefing() is 'Trigger: hashes the texts (original and translation) and bumps the version when any of them change.';

create or replace function private.archive_briefing_version() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' or new.version <> old.version then
    insert into public.briefing_versions (briefing_id, version, title, body, content_hash,
                                          language, translation_language, translation_title, translation_body)
    values (new.id, new.version, new.title, new.body, new.content_hash,
            new.language, new.translation_language, new.translation_title, new.translation_body);
  end if;
  if tg_op = 'UPDATE'
     and ((new.retracted_at is not null and old.retracted_at is null)
          or (old.store_ids, old.department_ids, old.roles) is distinct from (new.store_ids, new.department_ids, new.roles)) then
    insert into private.sync_tombstones (org_id, item_type, item_id, author_id, store_ids, department_ids, roles)
    values (old.org_id, 'briefing', old.id, old.author_id, old.store_ids, old.department_ids, old.roles);
  end if;
  return null;
end $$;
comment on function private.archive_briefing_version() is 'Trigger: keeps each version''s texts (original and translation), and a tombstone when a briefing is retracted or re-targeted.';
