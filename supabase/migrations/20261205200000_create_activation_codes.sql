-- One-time activation codes (issue 12 item 3): how a person without a company
-- email gets a login. HR (anyone of their organisation) or a store manager (staff
-- of the stores they run) issues a code; the person types their employee ID, the
-- code and a new password into /activate, and the `activate` Edge Function redeems
-- the code (redeem_activation_code, service_role only), creates their auth user with
-- the Auth admin API and links it (link_activated_member). A forgotten password is
-- the same path: the manager issues a new code and activating again sets a new
-- password on the existing login.
--
-- A code is 12 characters of a 30-letter alphabet without look-alikes (no 0/O,
-- 1/I/L, U), about 59 bits, printed as XXXX-XXXX-XXXX. Only sha256(salt || code)
-- is kept, with a random salt per code: the plain code exists once, in the answer
-- to the call that issued it. Guessing online is capped at 5 wrong tries per
-- person's live code (then it is locked until a new code is issued), and a code
-- expires after 14 days; 59 bits also make an offline search of a stolen hash cost
-- about 2^58 sha256 per code, far beyond its 14-day life. Limiting tries per
-- address is the gateway's job (README, "Deploying the activate function").
--
-- Sign-in without email: a person's login address is their email when they have
-- one, else a synthetic, non-deliverable address derived from their employee ID and
-- their organisation's sign-in code (<employee id>@<sign-in code>.staff.invalid,
-- lower case). The app computes it from what the person types, so nothing on the
-- server answers "who is E1004" to an anonymous caller.

alter table public.organizations
  add column sign_in_code text not null default substr(replace(gen_random_uuid()::text, '-', ''), 1, 10)
    check (sign_in_code ~ '^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$');
create unique index organizations_sign_in_code_key on public.organizations (sign_in_code);
comment on column public.organizations.sign_in_code is 'Short code people type with their employee ID to sign in (lower-case letters, digits, dashes); part of their synthetic login address.';
update public.organizations set sign_in_code = 'demo' where id = '0a000000-0000-4000-8000-000000000001';

alter table private.admin_audit drop constraint admin_audit_action_check;
alter table private.admin_audit add constraint admin_audit_action_check check (action in (
  'store_created', 'store_updated', 'department_created', 'department_updated',
  'person_created', 'person_updated', 'person_deactivated', 'person_reactivated',
  'activation_code_issued', 'person_activated'));

create table private.activation_codes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id),
  member_id uuid not null references public.members (id) on delete cascade,
  salt bytea not null check (octet_length(salt) = 16),
  code_hash bytea not null check (octet_length(code_hash) = 32),
  issued_by uuid not null references public.members (id),
  issued_at timestamptz not null default now(),
  expires_at timestamptz not null,
  failed_attempts int not null default 0 check (failed_attempts >= 0),
  used_at timestamptz
);
comment on table private.activation_codes is 'One-time activation codes, as salted sha256 hashes only: one unused code per person (issuing a new one deletes the old), 14 days, 5 wrong tries, single use. Read and written only by the activation functions.';
create unique index activation_codes_one_open_per_member on private.activation_codes (member_id) where used_at is null;
comment on index private.activation_codes_one_open_per_member is 'A person has at most one code that has not been used.';
create index activation_codes_issued_by on private.activation_codes (issued_by);
create index activation_codes_org on private.activation_codes (org_id);
alter table private.activation_codes enable row level security;
revoke all on private.activation_codes from public, anon, authenticated, service_role;
-- No policy: only the security definer functions below (the table's owner) use it.

create function private.activation_code_normalize(p_code text) returns text
language sql immutable set search_path = '' as $$
  select upper(regexp_replace(coalesce(p_code, ''), '[^[:alnum:]]', '', 'g'))
$$;
comment on function private.activation_code_normalize(text) is 'A typed code as it is hashed: letters and digits only, upper case (dashes and spaces people type are dropped).';
revoke execute on function private.activation_code_normalize(text) from public, anon, authenticated;

create function private.activation_code_hash(p_salt bytea, p_code text) returns bytea
language sql immutable set search_path = '' as $$
  select extensions.digest(p_salt || convert_to(private.activation_code_normalize(p_code), 'UTF8'), 'sha256')
$$;
comment on function private.activation_code_hash(bytea, text) is 'sha256(salt || normalized code): all that is kept of a code.';
revoke execute on function private.activation_code_hash(bytea, text) from public, anon, authenticated;

create function private.new_activation_code() returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_alphabet constant text := '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  v_code text := '';
  v_byte int;
begin
  while char_length(v_code) < 12 loop
    v_byte := get_byte(extensions.gen_random_bytes(1), 0);
    -- 240 = 8 * 30: bytes above it are dropped so every letter is equally likely.
    if v_byte < 240 then
      v_code := v_code || substr(v_alphabet, v_byte % 30 + 1, 1);
    end if;
  end loop;
  return substr(v_code, 1, 4) || '-' || substr(v_code, 5, 4) || '-' || substr(v_code, 9, 4);
end $$;
comment on function private.new_activation_code() is 'A random code: 12 characters of 23456789ABCDEFGHJKMNPQRSTVWXYZ (about 59 bits) from pgcrypto''s random bytes, grouped XXXX-XXXX-XXXX.';
revoke execute on function private.new_activation_code() from public, anon, authenticated;

create function private.login_email(p_member public.members) returns text
language sql stable security definer set search_path = '' as $$
  select lower(coalesce(p_member.email, p_member.employee_id || '@' || o.sign_in_code || '.staff.invalid'))
  from public.organizations o where o.id = p_member.org_id
$$;
comment on function private.login_email(public.members) is 'The address a person signs in with: their email, else <employee id>@<sign-in code>.staff.invalid (never delivered: .invalid is reserved), lower case.';
revoke execute on function private.login_email(public.members) from public, anon, authenticated;

create function private.issue_activation_code(p_me public.members, p_person public.members) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_code text := private.new_activation_code();
  v_salt bytea := extensions.gen_random_bytes(16);
  v_expires timestamptz := now() + interval '14 days';
  v_replaced int;
begin
  if p_person.employee_id is null then
    perform private.invalid_argument('no_employee_id', 'A person needs an employee ID to activate');
  end if;
  if p_person.id = p_me.id then
    perform private.admin_forbidden('cannot_change_self', 'You cannot issue a code for yourself');
  end if;
  delete from private.activation_codes c where c.member_id = p_person.id and c.used_at is null;
  get diagnostics v_replaced = row_count;
  insert into private.activation_codes (org_id, member_id, salt, code_hash, issued_by, expires_at)
  values (p_person.org_id, p_person.id, v_salt, private.activation_code_hash(v_salt, v_code), p_me.id, v_expires);
  perform private.admin_log(p_me, 'activation_code_issued', p_person.id, null, null, null,
                            jsonb_build_object('expires_at', v_expires, 'replaced_code', v_replaced > 0, 'has_login', p_person.user_id is not null));
  return jsonb_build_object(
    'member_id', p_person.id, 'display_name', p_person.display_name, 'employee_id', p_person.employee_id,
    'has_login', p_person.user_id is not null, 'code', v_code, 'expires_at', v_expires);
end $$;
comment on function private.issue_activation_code(public.members, public.members) is 'Issues a new code for p_person (deleting any unused one) and logs it; the caller has checked p_me may. Answers {member_id, display_name, employee_id, has_login, code, expires_at}: the only time the plain code exists.';
revoke execute on function private.issue_activation_code(public.members, public.members) from public, anon, authenticated;

create function public.issue_activation_code(p_member_id uuid) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_person public.members;
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only managers and HR can issue activation codes');
  end if;
  select m.* into v_person from public.members m where m.id = p_member_id and m.org_id = v_me.org_id and m.active for update;
  if v_person.id is null then
    perform private.invalid_argument('unknown_person', 'No such active person in your organisation');
  end if;
  perform private.require_manages_person(v_me, private.store_ids_managed_by(v_me), v_person);
  return private.issue_activation_code(v_me, v_person) || jsonb_build_object('sign_in_code',
    (select o.sign_in_code from public.organizations o where o.id = v_me.org_id));
end $$;
comment on function public.issue_activation_code(uuid) is 'A new one-time activation code for a person (also how a forgotten password is reset): HR/admin for anyone active of their organisation but themselves, managers for staff of the stores they run. Earlier unused codes stop working; logged in the admin log. Answers {member_id, display_name, employee_id, has_login, code, expires_at, sign_in_code}. 42501 forbidden, person_not_managed, cannot_change_self; 22023 unknown_person, no_employee_id.';
revoke execute on function public.issue_activation_code(uuid) from public, anon;
grant execute on function public.issue_activation_code(uuid) to authenticated, service_role;

create function public.store_activation_sheet(p_store_id uuid, p_all boolean default false) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_hr boolean := v_me.role in ('hr', 'admin');
  v_store public.stores;
  v_person public.members;
  v_people jsonb := '[]';
begin
  if v_me.role not in ('manager', 'hr', 'admin') then
    perform private.admin_forbidden('forbidden', 'Only managers and HR can issue activation codes');
  end if;
  select s.* into v_store from public.stores s where s.id = p_store_id and s.org_id = v_me.org_id;
  if v_store.id is null then
    perform private.invalid_argument('unknown_store', 'No such store in your organisation');
  end if;
  if not v_hr and not (v_store.id = any (private.store_ids_managed_by(v_me))) then
    perform private.admin_forbidden('store_not_managed', 'Managers can print sheets only for the stores they run');
  end if;
  for v_person in
    select m.* from public.members m
    where m.store_id = v_store.id and m.org_id = v_me.org_id and m.active and m.employee_id is not null
      and m.id <> v_me.id and (v_hr or m.role = 'staff') and (coalesce(p_all, false) or m.user_id is null)
    order by m.display_name, m.id
    for update
  loop
    v_people := v_people || private.issue_activation_code(v_me, v_person);
  end loop;
  return jsonb_build_object(
    'store', jsonb_build_object('id', v_store.id, 'name', v_store.name, 'code', v_store.code),
    'sign_in_code', (select o.sign_in_code from public.organizations o where o.id = v_me.org_id),
    'people', v_people);
end $$;
comment on function public.store_activation_sheet(uuid, boolean) is 'Issues codes for a store''s printable sheet in one call: its active people with an employee ID who have not activated (p_all: everyone, which resets their passwords once used), except the caller; managers get their staff only, for stores they run. Each code is logged as issue_activation_code logs it. Answers {store {id, name, code}, sign_in_code, people [issue_activation_code''s answer]}. 42501 forbidden, store_not_managed; 22023 unknown_store.';
revoke execute on function public.store_activation_sheet(uuid, boolean) from public, anon;
grant execute on function public.store_activation_sheet(uuid, boolean) to authenticated, service_role;

create function public.redeem_activation_code(p_employee_id text, p_code text, p_sign_in_code text default null) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_row record;
  v_code_id uuid;
  v_person public.members;
  v_locked boolean := false;
  v_expired boolean := false;
  v_used boolean := false;
begin
  -- Employee IDs are unique per organisation; the same ID in two organisations is
  -- told apart by the code itself (a match by chance is 1 in 2^59) or the sign-in code.
  for v_row in
    select c.id, c.salt, c.code_hash, c.expires_at, c.failed_attempts, c.used_at, m as person
    from public.members m
    join public.organizations o on o.id = m.org_id
    join private.activation_codes c on c.member_id = m.id
    where lower(m.employee_id) = lower(btrim(p_employee_id)) and m.active
      and (nullif(btrim(p_sign_in_code), '') is null or o.sign_in_code = lower(btrim(p_sign_in_code)))
    order by c.issued_at desc
    for update of c
  loop
    if private.activation_code_hash(v_row.salt, p_code) = v_row.code_hash then
      if v_row.used_at is not null then
        v_used := true;
      elsif v_row.failed_attempts >= 5 then
        v_locked := true;
      elsif v_row.expires_at <= now() then
        v_expired := true;
      elsif v_code_id is null then
        v_code_id := v_row.id;
        v_person := v_row.person;
      end if;
    end if;
  end loop;
  if v_code_id is not null then
    update private.activation_codes c set used_at = now() where c.id = v_code_id;
    return jsonb_build_object('ok', true, 'code_id', v_code_id, 'member_id', v_person.id, 'user_id', v_person.user_id,
                              'email', private.login_email(v_person), 'display_name', v_person.display_name);
  end if;
  -- A wrong guess counts against every open code of that employee ID: 5 and it is locked.
  update private.activation_codes c set failed_attempts = c.failed_attempts + 1
  from public.members m join public.organizations o on o.id = m.org_id
  where c.member_id = m.id and c.used_at is null and not v_used and not v_expired
    and lower(m.employee_id) = lower(btrim(p_employee_id)) and m.active
    and (nullif(btrim(p_sign_in_code), '') is null or o.sign_in_code = lower(btrim(p_sign_in_code)));
  return jsonb_build_object('ok', false, 'error',
    case when v_used then 'code_used' when v_locked then 'too_many_attempts' when v_expired then 'code_expired'
         when exists (select 1 from private.activation_codes c join public.members m on m.id = c.member_id
                      join public.organizations o on o.id = m.org_id
                      where lower(m.employee_id) = lower(btrim(p_employee_id)) and m.active and c.used_at is null
                        and c.failed_attempts >= 5
                        and (nullif(btrim(p_sign_in_code), '') is null or o.sign_in_code = lower(btrim(p_sign_in_code))))
           then 'too_many_attempts'
         else 'invalid_code' end);
end $$;
comment on function public.redeem_activation_code(text, text, text) is 'service_role only (the activate Edge Function): checks an employee ID and code against the stored hashes; a right, open, unexpired code with fewer than 5 wrong tries is marked used in this transaction and answered {ok, code_id, member_id, user_id (null before a first activation), email (the login address), display_name}; otherwise {ok: false, error: invalid_code | code_expired | code_used | too_many_attempts}, and a wrong code counts a try against that ID''s open codes. Never tells whether an employee ID exists.';
revoke execute on function public.redeem_activation_code(text, text, text) from public, anon, authenticated;
grant execute on function public.redeem_activation_code(text, text, text) to service_role;

create function public.release_activation_code(p_code_id uuid) returns void
language sql security definer set search_path = '' as $$
  update private.activation_codes c set used_at = null
  where c.id = p_code_id and c.used_at is not null
    and not exists (select 1 from private.activation_codes o where o.member_id = c.member_id and o.used_at is null)
$$;
comment on function public.release_activation_code(uuid) is 'service_role only: the activate function gives a redeemed code back when creating the login failed (the code is open again unless a newer one was issued meanwhile).';
revoke execute on function public.release_activation_code(uuid) from public, anon, authenticated;
grant execute on function public.release_activation_code(uuid) to service_role;

create function public.link_activated_member(p_member_id uuid, p_user_id uuid) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_person public.members;
  v_first boolean;
begin
  select m.* into v_person from public.members m where m.id = p_member_id for update;
  if v_person.id is null then
    perform private.invalid_argument('unknown_person', 'No such person');
  end if;
  if v_person.user_id is not null and v_person.user_id <> p_user_id then
    perform private.invalid_argument('already_activated', 'This person already has another login');
  end if;
  v_first := v_person.user_id is null;
  if v_first then
    update public.members m set user_id = p_user_id where m.id = p_member_id returning * into v_person;
  end if;
  perform private.admin_log(v_person, 'person_activated', v_person.id, null, null, null,
                            jsonb_build_object('first_activation', v_first));
  return jsonb_build_object('member_id', v_person.id, 'first_activation', v_first);
end $$;
comment on function public.link_activated_member(uuid, uuid) is 'service_role only (the activate Edge Function): links a person to the auth user just created for them (or confirms the link on a password reset) and logs person_activated with the person as actor. 22023 unknown_person, already_activated.';
revoke execute on function public.link_activated_member(uuid, uuid) from public, anon, authenticated;
grant execute on function public.link_activated_member(uuid, uuid) to service_role;
