-- People as a roster knows them: an employee ID (unique per organisation,
-- ignoring case; what a roster import matches on), an optional phone, and an
-- optional email (most frontline staff have no company address). A person now
-- exists before they can sign in: members.user_id was made nullable in
-- 20261205120100 for deleted logins, and a person imported from a roster has
-- none until activation links one. Such a person is active (they work here,
-- briefings are addressed to them and reports count them as not yet
-- acknowledged); nothing signs in as them, since every membership helper
-- matches m.user_id = auth.uid(), which never matches null.

alter table public.members
  add column employee_id text check (char_length(employee_id) <= 32 and employee_id ~ '^[[:alnum:]]([[:alnum:]._/-]*[[:alnum:]])?$'),
  add column phone text check (char_length(phone) <= 32 and phone ~ '^\+?[0-9][0-9 ]*[0-9]$');
comment on column public.members.employee_id is 'The person''s ID in the HR system (unique per organisation, case-insensitive); rosters match people by it.';
comment on column public.members.phone is 'Optional phone number: an optional +, then digits and spaces, at most 32 characters.';

alter table public.members alter column email drop not null;
alter table public.members add constraint members_email_length check (char_length(email) <= 254);
comment on column public.members.email is 'Optional email (many frontline staff have none); unique per organisation, case-insensitive. Not the login: auth.users holds that.';

-- The demo people keep the IDs the sample roster uses (the seed sets the same on a
-- fresh database). Nobody else is given an invented ID: HR sets real ones.
update public.members m set employee_id = v.employee_id
from (values
  ('3e000000-0000-4000-8000-000000000001'::uuid, 'E1001'),
  ('3e000000-0000-4000-8000-000000000002'::uuid, 'E1002'),
  ('3e000000-0000-4000-8000-000000000003'::uuid, 'E1003'),
  ('3e000000-0000-4000-8000-000000000004'::uuid, 'E1004'),
  ('3e000000-0000-4000-8000-000000000005'::uuid, 'E1005'),
  ('3e000000-0000-4000-8000-000000000006'::uuid, 'E1006')
) as v (id, employee_id)
where m.id = v.id and m.employee_id is null;

create unique index members_org_employee_id_key on public.members (org_id, lower(employee_id)) where employee_id is not null;
comment on index public.members_org_employee_id_key is 'An employee ID names one person of an organisation, whatever its case.';
create unique index members_org_email_key on public.members (org_id, lower(email)) where email is not null;
comment on index public.members_org_email_key is 'An email names one person of an organisation, whatever its case.';

-- admin_people pages by (display_name, id) within an organisation, active or not.
create index members_org_name_id on public.members (org_id, display_name, id);
comment on index public.members_org_name_id is 'admin_people''s keyset walk: people of an organisation by name, then id.';

-- Search by any part of the name, employee ID or email: a trigram index on one
-- lower-cased text, matched with LIKE '%...%' (three characters or more use it;
-- shorter ones walk the organisation, 50,000 people in a few milliseconds).
create extension if not exists pg_trgm with schema extensions;
create index members_search_trgm on public.members using gin (
  lower(display_name || ' ' || coalesce(employee_id, '') || ' ' || coalesce(email, '')) extensions.gin_trgm_ops);
comment on index public.members_search_trgm is 'admin_people''s search: name, employee ID and email, any substring, case-insensitive.';

-- Only losing a login deactivates. The trigger from 20261205120100 fired for every
-- row without a user, so a person added before activation (or reactivated by HR)
-- was forced inactive; now it fires only when user_id goes from set to null (the
-- auth user was deleted).
drop trigger members_deactivate_without_user on public.members;
create trigger members_deactivate_without_user before update of user_id on public.members
  for each row when (old.user_id is not null and new.user_id is null) execute function private.deactivate_member_without_user();
comment on trigger members_deactivate_without_user on public.members is 'Deleting a member''s auth user (user_id set to null) deactivates the member; a person who never had a login stays as they are.';
comment on function private.deactivate_member_without_user() is 'Trigger: a member whose login is gone (user_id set to null after its auth.users row was deleted) is deactivated, never deleted.';
