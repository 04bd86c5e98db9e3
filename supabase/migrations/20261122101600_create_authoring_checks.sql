-- Argument checks shared by the values, kudos and learning calls: bad
-- arguments are refused with 22023 and a stable code in detail, before
-- anything is written. (Who may author is private.require_hr, from 101500.)

create function private.invalid_argument(p_code text, p_message text) returns void
language plpgsql set search_path = '' as $$
begin
  raise exception using errcode = '22023', message = p_message, detail = p_code;
end $$;
comment on function private.invalid_argument(text, text) is 'Raises 22023 (invalid parameter): detail carries the stable machine code, message the readable reason.';

create function private.argument_text(p_value text, p_field text, p_max int, p_min int default 1) returns text
language plpgsql immutable set search_path = '' as $$
declare v text := btrim(p_value);
begin
  if p_value is null then
    perform private.invalid_argument('missing_field', format('%s is required', p_field));
  end if;
  if char_length(v) < p_min then
    perform private.invalid_argument('too_short', format('%s must have at least %s characters', p_field, p_min));
  end if;
  if char_length(v) > p_max then
    perform private.invalid_argument('too_long', format('%s must be at most %s characters (got %s)', p_field, p_max, char_length(v)));
  end if;
  return v;
end $$;
comment on function private.argument_text(text, text, int, int) is 'A required argument, trimmed, within length limits; raises 22023 missing_field, too_short or too_long.';

create function private.json_argument_text(p jsonb, p_key text, p_where text, p_max int, p_code text) returns text
language plpgsql immutable set search_path = '' as $$
declare v jsonb := p -> p_key;
begin
  if v is null or jsonb_typeof(v) <> 'string' then
    perform private.invalid_argument(p_code, format('%s: %s must be text', p_where, p_key));
  end if;
  if btrim(v #>> '{}') = '' then
    perform private.invalid_argument('too_short', format('%s: %s must not be empty', p_where, p_key));
  end if;
  if char_length(btrim(v #>> '{}')) > p_max then
    perform private.invalid_argument('too_long', format('%s: %s must be at most %s characters (got %s)',
                                                 p_where, p_key, p_max, char_length(btrim(v #>> '{}'))));
  end if;
  return btrim(v #>> '{}');
end $$;
comment on function private.json_argument_text(jsonb, text, text, int, text) is 'A required, non-empty text field of a JSON object, trimmed; raises 22023 p_code when missing or not text, too_short or too_long.';
