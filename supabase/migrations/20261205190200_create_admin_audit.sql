-- The log of admin actions: who changed what about which person, store or
-- department, and when. Written only by the admin functions, in the transaction
-- that makes the change (so a refused or rolled-back change leaves no row), with
-- the changed fields only: before holds their old values (null for a creation),
-- after their new ones. Read by HR through admin_audit_log and
-- admin_audit_export_page. Append-only: no role may change or delete a row.

create table private.admin_audit (
  id bigint generated always as identity primary key,
  org_id uuid not null references public.organizations (id),
  at timestamptz not null default now(),
  actor_member_id uuid not null references public.members (id),
  action text not null check (action in (
    'store_created', 'store_updated', 'department_created', 'department_updated',
    'person_created', 'person_updated', 'person_deactivated', 'person_reactivated')),
  target_member_id uuid references public.members (id),
  target_store_id uuid references public.stores (id),
  target_department_id uuid references public.departments (id),
  before jsonb,
  after jsonb not null,
  reason text check (char_length(reason) <= 500)
);
comment on table private.admin_audit is 'Admin actions (stores, departments, people): who, when, what, and the changed fields before and after. Written by the admin RPCs in the same transaction; append-only.';
create index admin_audit_org_at on private.admin_audit (org_id, at desc, id desc);
create index admin_audit_member on private.admin_audit (target_member_id, at desc, id desc) where target_member_id is not null;
create index admin_audit_actor on private.admin_audit (actor_member_id);
create index admin_audit_store on private.admin_audit (target_store_id) where target_store_id is not null;
create index admin_audit_department on private.admin_audit (target_department_id) where target_department_id is not null;

alter table private.admin_audit enable row level security;
revoke all on private.admin_audit from public, anon, authenticated, service_role;
-- No policy: only the security definer functions (the table's owner) read and write it.

create trigger admin_audit_append_only before update or delete on private.admin_audit
  for each row execute function private.forbid_change();
comment on trigger admin_audit_append_only on private.admin_audit is 'The admin log is append-only: no row is changed or deleted.';

create function private.admin_log(
  p_actor public.members, p_action text, p_member_id uuid, p_store_id uuid, p_department_id uuid,
  p_before jsonb, p_after jsonb, p_reason text default null
) returns void
language sql security definer set search_path = '' as $$
  insert into private.admin_audit (org_id, actor_member_id, action, target_member_id, target_store_id, target_department_id, before, after, reason)
  values (p_actor.org_id, p_actor.id, p_action, p_member_id, p_store_id, p_department_id, p_before, p_after, p_reason)
$$;
comment on function private.admin_log(public.members, text, uuid, uuid, uuid, jsonb, jsonb, text) is 'Appends one admin action to private.admin_audit in the caller''s transaction.';
revoke execute on function private.admin_log(public.members, text, uuid, uuid, uuid, jsonb, jsonb, text) from public, anon, authenticated;

create function private.jsonb_changes(p_before jsonb, p_after jsonb) returns jsonb
language sql immutable set search_path = '' as $$
  select case when count(*) = 0 then null
              else jsonb_build_object('before', jsonb_object_agg(k, p_before -> k), 'after', jsonb_object_agg(k, p_after -> k)) end
  from (select k from jsonb_object_keys(p_after) k
        where (p_before -> k) is distinct from (p_after -> k)) c
$$;
comment on function private.jsonb_changes(jsonb, jsonb) is 'The keys of p_after whose value differs from p_before: {before, after} holding only those keys, or null when nothing changed.';
revoke execute on function private.jsonb_changes(jsonb, jsonb) from public, anon;

-- Argument readers for the admin calls: 22023 with a stable detail code.
create function private.admin_text(p jsonb, p_key text, p_max int) returns text
language plpgsql immutable set search_path = '' as $$
declare v jsonb := p -> p_key;
begin
  if v is null or jsonb_typeof(v) = 'null' then
    return null;
  end if;
  if jsonb_typeof(v) <> 'string' then
    perform private.invalid_argument('invalid_type', format('%s must be text', p_key));
  end if;
  if btrim(v #>> '{}') = '' then
    return null;
  end if;
  if char_length(btrim(v #>> '{}')) > p_max then
    perform private.invalid_argument('too_long', format('%s must be at most %s characters (got %s)', p_key, p_max, char_length(btrim(v #>> '{}'))));
  end if;
  return btrim(v #>> '{}');
end $$;
comment on function private.admin_text(jsonb, text, int) is 'An optional text field of an admin payload, trimmed (empty = null); 22023 invalid_type or too_long.';
revoke execute on function private.admin_text(jsonb, text, int) from public, anon;

create function private.admin_uuid(p jsonb, p_key text, p_code text) returns uuid
language plpgsql immutable set search_path = '' as $$
declare v jsonb := p -> p_key;
begin
  if v is null or jsonb_typeof(v) = 'null' then
    return null;
  end if;
  if jsonb_typeof(v) <> 'string' or (v #>> '{}') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    perform private.invalid_argument(p_code, format('%s must be a UUID', p_key));
  end if;
  return (v #>> '{}')::uuid;
end $$;
comment on function private.admin_uuid(jsonb, text, text) is 'An optional UUID field of an admin payload; 22023 p_code when it is not one.';
revoke execute on function private.admin_uuid(jsonb, text, text) from public, anon;

create function private.admin_forbidden(p_code text, p_message text) returns void
language plpgsql set search_path = '' as $$
begin
  raise exception using errcode = '42501', message = p_message, detail = p_code;
end $$;
comment on function private.admin_forbidden(text, text) is 'Raises 42501 for an admin action the caller may not take; detail carries the stable code.';
revoke execute on function private.admin_forbidden(text, text) from public, anon;
