-- Activation codes by email (issue 12 item 3): HR or a store manager sends each
-- person who has not activated, and has an email, a fresh code by email instead of
-- on paper. The send-activation Edge Function calls these functions with the
-- caller's own JWT, so who may reach whom is decided here, as for printed codes
-- (issue_activation_code's rule: HR anyone active of their organisation but
-- themselves, managers their stores' staff):
--   issue_emailed_activation_codes   sorts the asked-for people (by id, or a whole
--     store) into ready / no_email / already_active / out_of_scope / no_employee_id
--     and issues a code for each ready one, marked for email delivery;
--   record_activation_emails         after the provider took the messages, logs
--     'activation_code_emailed' for those (only codes this caller issued for email,
--     each once; the code itself is never logged);
--   activation_email_preview         the same sorting without issuing, for the
--     screen's "Email codes to N people".

alter table private.activation_codes
  add column delivery text not null default 'shown' check (delivery in ('shown', 'email')),
  add column delivered_at timestamptz;
comment on column private.activation_codes.delivery is 'How the plain code left the server: shown (on screen or a printed sheet) or email (send-activation).';
comment on column private.activation_codes.delivered_at is 'delivery = email: when the mail provider accepted the message (null: not sent, or sending failed).';

-- The action list is extended from what it is now rather than restated, so actions
-- that other migrations of the same days added are kept whichever order they land in.
do $$
declare
  v_def text;
begin
  select pg_get_constraintdef(c.oid) into v_def
  from pg_constraint c
  where c.conrelid = 'private.admin_audit'::regclass and c.conname = 'admin_audit_action_check';
  if v_def is null or position('ARRAY[' in v_def) = 0 then
    raise exception 'admin_audit_action_check is not the expected action list: %', v_def;
  end if;
  if position('''activation_code_emailed''' in v_def) = 0 then
    execute 'alter table private.admin_audit drop constraint admin_audit_action_check';
    execute 'alter table private.admin_audit add constraint admin_audit_action_check '
      || replace(v_def, 'ARRAY[', 'ARRAY[''activation_code_emailed''::text, ');
  end if;
end $$;

create function private.activation_email_targets(p_me public.members, p_member_ids uuid[], p_store_id uuid)
returns table (member_id uuid, status text)
language plpgsql stable security definer set search_path = '' as $$
declare
  v_hr boolean := p_me.role in ('hr', 'admin');
  v_scope uuid[];
  v_store public.stores;
begin
  if p_me.role not in ('manager', 'hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only managers and HR can issue activation codes');
  end if;
  if (p_member_ids is null) = (p_store_id is null) then
    perform private.invalid_argument('missing_field', 'Give either p_member_ids or p_store_id');
  end if;
  if cardinality(p_member_ids) > 500 then
    perform private.invalid_argument('invalid_limit', 'At most 500 people at a time');
  end if;
  if not v_hr then
    v_scope := private.store_ids_managed_by(p_me);
  end if;
  if p_store_id is not null then
    select s.* into v_store from public.stores s where s.id = p_store_id and s.org_id = p_me.org_id;
    if v_store.id is null then
      perform private.invalid_argument('unknown_store', 'No such store in your organisation');
    end if;
    if not v_hr and not (v_store.id = any (v_scope)) then
      perform private.admin_forbidden('store_not_managed', 'Managers can send codes only for the stores they run');
    end if;
    -- As store_activation_sheet picks them: whoever has not activated, the caller aside.
    return query
      select m.id,
             case when m.employee_id is null then 'no_employee_id' when m.email is null then 'no_email' else 'ready' end
      from public.members m
      where m.store_id = v_store.id and m.org_id = p_me.org_id and m.active and m.user_id is null
        and m.id <> p_me.id and (v_hr or m.role = 'staff')
      order by m.display_name, m.id;
    return;
  end if;
  -- By id: an unknown id, someone of another organisation, inactive, the caller, or
  -- (for a manager) not staff of their stores all answer out_of_scope alike, so ids
  -- cannot be probed.
  return query
    select ids.id,
           case when m.id is null or m.id = p_me.id
                     or not (v_hr or (m.role = 'staff' and m.store_id is not null and m.store_id = any (v_scope))) then 'out_of_scope'
                when m.user_id is not null then 'already_active'
                when m.employee_id is null then 'no_employee_id'
                when m.email is null then 'no_email'
                else 'ready' end
    from (select distinct u.id from unnest(p_member_ids) u(id) where u.id is not null) ids
    left join public.members m on m.id = ids.id and m.org_id = p_me.org_id and m.active
    order by m.display_name nulls last, ids.id;
end $$;
comment on function private.activation_email_targets(public.members, uuid[], uuid) is 'Who an activation email would reach for p_me: each asked-for person (p_member_ids) or each not-yet-activated person of p_store_id, with ready | no_email | already_active | out_of_scope | no_employee_id, by issue_activation_code''s rule. 42501 forbidden, store_not_managed; 22023 missing_field, invalid_limit, unknown_store.';
revoke execute on function private.activation_email_targets(public.members, uuid[], uuid) from public, anon, authenticated;

create function public.activation_email_preview(p_member_ids uuid[] default null, p_store_id uuid default null) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
begin
  return jsonb_build_object('people', coalesce((
    select jsonb_agg(jsonb_build_object('member_id', t.member_id, 'status', t.status))
    from private.activation_email_targets(v_me, p_member_ids, p_store_id) t), '[]'::jsonb));
end $$;
comment on function public.activation_email_preview(uuid[], uuid) is 'What emailing activation codes would do, issuing nothing: {people [{member_id, status: ready | no_email | already_active | out_of_scope | no_employee_id}]}. Managers and HR, with issue_emailed_activation_codes''s scope and errors.';
revoke execute on function public.activation_email_preview(uuid[], uuid) from public, anon;
grant execute on function public.activation_email_preview(uuid[], uuid) to authenticated;

create function public.issue_emailed_activation_codes(p_member_ids uuid[] default null, p_store_id uuid default null) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_target record;
  v_person public.members;
  v_issued jsonb;
  v_people jsonb := '[]';
begin
  for v_target in select t.member_id, t.status from private.activation_email_targets(v_me, p_member_ids, p_store_id) t loop
    if v_target.status <> 'ready' then
      v_people := v_people || jsonb_build_object('member_id', v_target.member_id, 'status', v_target.status);
      continue;
    end if;
    -- Locked and read again: the person may have activated or lost their email since.
    select m.* into v_person from public.members m where m.id = v_target.member_id for update;
    if v_person.user_id is not null then
      v_people := v_people || jsonb_build_object('member_id', v_person.id, 'status', 'already_active');
      continue;
    end if;
    if v_person.email is null then
      v_people := v_people || jsonb_build_object('member_id', v_person.id, 'status', 'no_email');
      continue;
    end if;
    v_issued := private.issue_activation_code(v_me, v_person);
    update private.activation_codes c set delivery = 'email' where c.member_id = v_person.id and c.used_at is null;
    v_people := v_people || jsonb_build_array((v_issued - 'has_login') || jsonb_build_object(
      'status', 'issued', 'email', v_person.email, 'locale', v_person.locale));
  end loop;
  return jsonb_build_object(
    'sign_in_code', (select o.sign_in_code from public.organizations o where o.id = v_me.org_id),
    'people', v_people);
end $$;
comment on function public.issue_emailed_activation_codes(uuid[], uuid) is 'For send-activation (called with the caller''s JWT): a new code, for email delivery, for each asked-for person (p_member_ids, at most 500) or each not-yet-activated person of p_store_id whom the caller may reach and who has an email and an employee ID; earlier unused codes stop working; each logged as activation_code_issued. Answers {sign_in_code, people [{member_id, status}]}, an issued person also {display_name, employee_id, email, locale, code, expires_at}; other statuses: no_email, already_active, out_of_scope, no_employee_id. 42501 forbidden, store_not_managed; 22023 missing_field, invalid_limit, unknown_store.';
revoke execute on function public.issue_emailed_activation_codes(uuid[], uuid) from public, anon;
grant execute on function public.issue_emailed_activation_codes(uuid[], uuid) to authenticated;

create function public.record_activation_emails(p_member_ids uuid[]) returns int
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_row record;
  v_count int := 0;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only managers and HR can issue activation codes');
  end if;
  for v_row in
    update private.activation_codes c set delivered_at = now()
    from public.members m
    where c.member_id = any (p_member_ids) and m.id = c.member_id and c.issued_by = v_me.id
      and c.delivery = 'email' and c.delivered_at is null and c.used_at is null
    returning c.member_id, c.expires_at, m.email
  loop
    perform private.admin_log(v_me, 'activation_code_emailed', v_row.member_id, null, null, null,
                              jsonb_build_object('email', v_row.email, 'expires_at', v_row.expires_at));
    v_count := v_count + 1;
  end loop;
  return v_count;
end $$;
comment on function public.record_activation_emails(uuid[]) is 'For send-activation, once the mail provider accepted the messages: logs activation_code_emailed (the address and expiry, never the code) for each person whose open code the caller issued for email and has not recorded yet. Answers how many were logged. 42501 forbidden.';
revoke execute on function public.record_activation_emails(uuid[]) from public, anon;
grant execute on function public.record_activation_emails(uuid[]) to authenticated;
