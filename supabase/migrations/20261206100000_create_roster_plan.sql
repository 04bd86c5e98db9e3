-- Roster import at file size (#12): the per-person rules of admin_save_person
-- (20261205190400) for a whole batch in one query, so the dry run and apply no
-- longer run admin_save_person once per row (in a subtransaction, each with its
-- own lookups, person_fields and log row): 50,000 rows took ~120 s.
--
-- private.roster_plan takes admin_save_person payloads as the roster stages them
-- ({i, payload}: employee_id always; display_name, email, phone, locale, role,
-- store_id, department_id, managed_store_ids when the file has that column) and
-- answers, per item, what admin_save_person would do with that payload as the
-- caller, against the people as they are now (the person is found by employee
-- ID, as roster_apply finds them):
--   problem: the code admin_save_person would refuse with, checked in its order
--     (person_not_managed; display_name, employee_id, email, phone, locale,
--     role, store, department and managed stores as admin_text/admin_uuid read
--     them; then role_not_allowed, store_not_managed, cannot_change_self);
--   the person's fields after the save, and which stores they would run
--     (write_managed: the set store_managers is made to hold, null = left as is);
--   before/after: private.person_fields of the person now and after the save,
--     so the dry run's diff and the admin log rows are those admin_save_person makes.
-- Items are independent: each is judged against the database as it is, not as
-- the earlier items would leave it. The callers make that safe: roster_apply
-- runs the set-based write only for a batch whose employee IDs and emails are
-- all different (else it falls back to admin_save_person row by row).
--
-- The duplicate_employee_id check of admin_save_person is not repeated: the
-- person is found by the same lower-cased, trimmed ID the unique index
-- members_org_employee_id_key holds, so no other person can have it.

--
-- The person is found by an index probe per item (a hash join read every person of
-- the organisation), person_fields before/after is built from joined rows instead of
-- a call per person (its four queries each), and CTEs read more than once are
-- materialized so their subqueries run once per item.

create function private.roster_plan(p_me public.members, p_items jsonb)
returns table (
  i int, member_id uuid, problem text,
  display_name text, employee_id text, email text, phone text, role text, locale text,
  store_id uuid, department_id uuid, write_managed uuid[], before jsonb, after jsonb
)
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
declare
  v_hr boolean := p_me.role in ('hr', 'admin');
  -- Only a manager's stores limit them (as in admin_save_person).
  v_scope uuid[] := case when p_me.role in ('hr', 'admin') then null else private.store_ids_managed_by(p_me) end;
begin
  return query
  -- The person by employee ID, one index probe per item (a hash join read every person of a large organisation).
  with item as materialized (
    select (t.x ->> 'i')::int as i, t.x -> 'payload' as p,
      (select m from public.members m
       where m.org_id = p_me.org_id and lower(m.employee_id) = lower(btrim(t.x -> 'payload' ->> 'employee_id'))) as old
    from jsonb_array_elements(p_items) as t(x)
  ),
  -- Each field as admin_text reads it: t = trimmed text (empty = null), bad = not text.
  fields as materialized (
    select it.i, it.p, it.old, (it.old).id as mid,
      (select array_agg(sm.store_id order by sm.store_id) from public.store_managers sm where sm.member_id = (it.old).id) as old_managed,
      jsonb_typeof(it.p -> 'display_name') not in ('string', 'null') as dn_bad,
      case when jsonb_typeof(it.p -> 'display_name') = 'string' then nullif(btrim(it.p ->> 'display_name'), '') end as dn,
      jsonb_typeof(it.p -> 'employee_id') not in ('string', 'null') as eid_bad,
      case when jsonb_typeof(it.p -> 'employee_id') = 'string' then nullif(btrim(it.p ->> 'employee_id'), '') end as eid,
      jsonb_typeof(it.p -> 'email') not in ('string', 'null') as em_bad,
      case when jsonb_typeof(it.p -> 'email') = 'string' then nullif(btrim(it.p ->> 'email'), '') end as em,
      jsonb_typeof(it.p -> 'phone') not in ('string', 'null') as ph_bad,
      case when jsonb_typeof(it.p -> 'phone') = 'string' then nullif(btrim(it.p ->> 'phone'), '') end as ph,
      jsonb_typeof(it.p -> 'locale') not in ('string', 'null') as lc_bad,
      case when jsonb_typeof(it.p -> 'locale') = 'string' then nullif(btrim(it.p ->> 'locale'), '') end as lc,
      jsonb_typeof(it.p -> 'role') not in ('string', 'null') as rl_bad,
      case when jsonb_typeof(it.p -> 'role') = 'string' then nullif(btrim(it.p ->> 'role'), '') end as rl,
      -- admin_uuid: absent or null = null; anything but a UUID string is refused.
      case when jsonb_typeof(it.p -> 'store_id') not in ('string', 'null')
             or (jsonb_typeof(it.p -> 'store_id') = 'string'
                 and (it.p ->> 'store_id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then true
           when jsonb_typeof(it.p -> 'store_id') = 'string'
             then not exists (select 1 from public.stores s where s.id = (it.p ->> 'store_id')::uuid and s.org_id = p_me.org_id)
           else false end as st_bad,
      case when jsonb_typeof(it.p -> 'department_id') not in ('string', 'null')
             or (jsonb_typeof(it.p -> 'department_id') = 'string'
                 and (it.p ->> 'department_id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then true
           when jsonb_typeof(it.p -> 'department_id') = 'string'
             then not exists (select 1 from public.departments d where d.id = (it.p ->> 'department_id')::uuid and d.org_id = p_me.org_id)
           else false end as dp_bad,
      jsonb_typeof(it.p -> 'managed_store_ids') not in ('array', 'null')
        or jsonb_array_length(case when jsonb_typeof(it.p -> 'managed_store_ids') = 'array' then it.p -> 'managed_store_ids' end) > 5000
        as mg_type_bad,
      mg.bad as mg_bad,
      mg.ids as managed
    from item it
    -- managed_store_ids as admin_save_person reads it: every element a UUID of a store of the organisation, then distinct and sorted.
    left join lateral (
      select bool_or(e.u is null or not exists (select 1 from public.stores s where s.id = e.u and s.org_id = p_me.org_id)) as bad,
             coalesce(array_agg(distinct e.u order by e.u) filter (where e.u is not null), '{}') as ids
      from (select case when jsonb_typeof(x.v) = 'string'
                             and (x.v #>> '{}') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                        then (x.v #>> '{}')::uuid end as u
            from jsonb_array_elements(it.p -> 'managed_store_ids') as x(v)
            where jsonb_typeof(it.p -> 'managed_store_ids') = 'array') e
    ) mg on true
  ),
  -- The person after the save (fields the payload leaves out keep their value; a new person starts as staff, en).
  saved as (
    select r.*,
      case when r.mid is null or r.p ? 'display_name' then r.dn else (r.old).display_name end as n_display_name,
      r.eid as n_employee_id,
      case when r.p ? 'email' then r.em else (r.old).email end as n_email,
      case when r.p ? 'phone' then r.ph else (r.old).phone end as n_phone,
      case when r.p ? 'role' then r.rl else coalesce((r.old).role, 'staff') end as n_role,
      case when r.p ? 'locale' then coalesce(r.lc, 'en') else coalesce((r.old).locale, 'en') end as n_locale,
      case when r.p ? 'store_id' and not r.st_bad then (r.p ->> 'store_id')::uuid
           when r.p ? 'store_id' then null else (r.old).store_id end as n_store_id,
      case when r.p ? 'department_id' and not r.dp_bad then (r.p ->> 'department_id')::uuid
           when r.p ? 'department_id' then null else (r.old).department_id end as n_department_id,
      jsonb_typeof(r.p -> 'managed_store_ids') = 'array' as has_managed
    from fields r
  ),
  judged as materialized (
    select n.*,
      case
        when n.mid is not null and not v_hr
             and ((n.old).role <> 'staff' or (n.old).store_id is null or not ((n.old).store_id = any (v_scope))) then 'person_not_managed'
        when (n.mid is null or n.p ? 'display_name') and n.dn_bad then 'invalid_type'
        when (n.mid is null or n.p ? 'display_name') and char_length(n.dn) > 120 then 'too_long'
        when (n.mid is null or n.p ? 'display_name') and n.dn is null then 'missing_field'
        when n.eid_bad then 'invalid_type'
        when char_length(n.eid) > 32 then 'too_long'
        when n.eid is null then 'missing_field'
        when n.eid !~ '^[[:alnum:]]([[:alnum:]._/-]*[[:alnum:]])?$' then 'invalid_employee_id'
        when n.p ? 'email' and n.em_bad then 'invalid_type'
        when n.p ? 'email' and char_length(n.em) > 254 then 'too_long'
        when n.p ? 'email' and n.em !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' then 'invalid_email'
        when n.p ? 'email' and n.em is not null
             and exists (select 1 from public.members o
                         where o.org_id = p_me.org_id and o.email is not null and lower(o.email) = lower(n.em)
                           and o.id is distinct from n.mid) then 'duplicate_email'
        when n.p ? 'phone' and n.ph_bad then 'invalid_type'
        when n.p ? 'phone' and char_length(n.ph) > 32 then 'too_long'
        when n.p ? 'phone' and n.ph !~ '^\+?[0-9][0-9 ]*[0-9]$' then 'invalid_phone'
        when n.p ? 'locale' and n.lc_bad then 'invalid_type'
        when n.p ? 'locale' and char_length(n.lc) > 8 then 'too_long'
        when n.p ? 'locale' and coalesce(n.lc, 'en') not in ('en', 'es') then 'invalid_locale'
        when n.p ? 'role' and n.rl_bad then 'invalid_type'
        when n.p ? 'role' and char_length(n.rl) > 16 then 'too_long'
        when n.p ? 'role' and (n.rl is null or n.rl not in ('staff', 'manager', 'hr', 'admin')) then 'invalid_role'
        when n.p ? 'store_id' and n.st_bad then 'unknown_store'
        when n.p ? 'department_id' and n.dp_bad then 'unknown_department'
        when n.mg_type_bad then 'invalid_type'
        when n.has_managed and n.mg_bad then 'unknown_store'
        when not v_hr and n.n_role <> 'staff' then 'role_not_allowed'
        when not v_hr and n.has_managed and cardinality(n.managed) > 0 then 'role_not_allowed'
        when not v_hr and (n.n_store_id is null or not (n.n_store_id = any (v_scope))) then 'store_not_managed'
        when v_hr and n.mid = p_me.id and n.n_role <> (n.old).role then 'cannot_change_self'
      end as problem,
      -- What store_managers will hold: admin_save_person's v_managed (null = not touched).
      case when n.n_role <> 'manager' then '{}'::uuid[]
           when n.has_managed then n.managed
           when n.mid is null or n.old_managed is null then case when n.n_store_id is null then '{}'::uuid[] else array[n.n_store_id] end
      end as w_managed
    from saved n
  )
  -- person_fields before and after, built from the joined rows (the same keys and values, without a call per person).
  select j.i, j.mid, j.problem,
    j.n_display_name, j.n_employee_id, j.n_email, j.n_phone, j.n_role, j.n_locale, j.n_store_id, j.n_department_id,
    j.w_managed,
    case when j.mid is not null then jsonb_build_object(
      'display_name', (j.old).display_name, 'employee_id', (j.old).employee_id, 'email', (j.old).email, 'phone', (j.old).phone,
      'role', (j.old).role, 'locale', (j.old).locale,
      'store_id', (j.old).store_id, 'store_code', os.code,
      'department_id', (j.old).department_id, 'department_name', od.name,
      'managed_store_ids', coalesce(to_jsonb(j.old_managed), '[]'),
      'managed_store_codes', coalesce((select jsonb_agg(s.code order by s.id) from public.stores s where s.id = any (j.old_managed)), '[]'))
    end,
    case when j.problem is null then jsonb_build_object(
      'display_name', j.n_display_name, 'employee_id', j.n_employee_id, 'email', j.n_email, 'phone', j.n_phone,
      'role', j.n_role, 'locale', j.n_locale,
      'store_id', j.n_store_id, 'store_code', ns.code,
      'department_id', j.n_department_id, 'department_name', nd.name,
      'managed_store_ids', coalesce(to_jsonb(coalesce(j.w_managed, j.old_managed)), '[]'),
      'managed_store_codes', case when cardinality(coalesce(j.w_managed, j.old_managed)) > 0 then
        (select jsonb_agg(s.code order by s.id) from public.stores s where s.id = any (coalesce(j.w_managed, j.old_managed))) else '[]' end)
    end
  from judged j
  left join public.stores os on os.id = (j.old).store_id
  left join public.departments od on od.id = (j.old).department_id
  left join public.stores ns on ns.id = j.n_store_id
  left join public.departments nd on nd.id = j.n_department_id;
end $$;
comment on function private.roster_plan(public.members, jsonb) is 'For roster items [{i, payload}] (admin_save_person payloads, the person found by employee ID): what admin_save_person would do as p_me, set-based: the refusal code in its order, or the person''s fields after the save, the stores they would run (null = unchanged) and person_fields before and after. Reads only.';
revoke execute on function private.roster_plan(public.members, jsonb) from public, anon, authenticated;
