-- The audit CSV says which language each acknowledgement was read in: a
-- language column, last (after clock_flag), formula-neutralised like every
-- text cell. The row type changes, so audit_export_page is dropped and created
-- again (from 20261205120000_page_audit_export.sql) with its grants.

drop function public.audit_export_page(timestamptz, timestamptz, timestamptz, uuid, int);
create function public.audit_export_page(
  p_from timestamptz default null, p_to timestamptz default null,
  p_after_received_at timestamptz default null, p_after_id uuid default null, p_limit int default 1000)
returns table (id uuid, received_at timestamptz, person text, employee_email text, store text, briefing text, version int,
               content_hash text, acked_on_device_at text, received_by_server_at text, clock_flag text, language text)
-- Custom plans: the key is then a constant the index scan starts from.
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  v_me public.members := private.require_member();
begin
  perform private.require_hr('export the audit trail');
  if p_limit is null or p_limit < 1 or p_limit > 1000 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 1000', detail = 'invalid_limit';
  end if;
  if (p_after_received_at is null) <> (p_after_id is null) then
    raise exception using errcode = '22023', message = 'p_after_received_at and p_after_id go together', detail = 'invalid_cursor';
  end if;
  return query
    select k.id, k.received_at,
           private.csv_cell(m.display_name), private.csv_cell(m.email), private.csv_cell(s.name), private.csv_cell(v.title),
           k.version, k.content_hash, k.acked_at::text, k.received_at::text, k.clock_flag, private.csv_cell(k.language)
    from (select a.id, a.received_at, a.member_id, a.briefing_id, a.version, a.content_hash, a.acked_at, a.clock_flag, a.language
          from public.acknowledgements a
          where a.org_id = v_me.org_id
            and a.received_at >= coalesce(p_from, '-infinity') and a.received_at < coalesce(p_to, 'infinity')
            -- One row comparison, no OR: the index scan starts right after the key.
            and (a.received_at, a.id) > (coalesce(p_after_received_at, '-infinity'), coalesce(p_after_id, '00000000-0000-0000-0000-000000000000'))
          order by a.received_at, a.id
          limit p_limit) k
    -- Outer joins: a row the count counted is never dropped from the file.
    left join public.members m on m.id = k.member_id
    left join public.stores s on s.id = m.store_id
    left join public.briefing_versions v on v.briefing_id = k.briefing_id and v.version = k.version
    order by k.received_at, k.id;
end $$;
comment on function public.audit_export_page(timestamptz, timestamptz, timestamptz, uuid, int) is 'HR: up to p_limit (1..1000) acknowledgements of the organisation received in [p_from, p_to), after (p_after_received_at, p_after_id) in (received_at, id) order; pass the last row''s received_at and id for the next page; an empty page is the end. Columns after id and received_at are the CSV''s: text cells formula-neutralised by private.csv_cell, times as Postgres prints them, the store the member''s current one, language the text that was on screen (en, es). 42501 forbidden for anyone but HR/admin; 22023 invalid_limit, invalid_cursor.';


revoke execute on function public.audit_export_page(timestamptz, timestamptz, timestamptz, uuid, int) from public, anon;
grant execute on function public.audit_export_page(timestamptz, timestamptz, timestamptz, uuid, int) to authenticated, service_role;

-- The one-call export (kept for direct Accept: text/csv callers) gets the same
-- column in the same place, so both give the same file. A view's columns can
-- only be appended, so language goes last on private.audit_trail too; the
-- function's row type changes, so it is dropped and created again (from
-- 20261205100200_neutralise_csv_formulas.sql) with its grants.
create or replace view private.audit_trail as
  select k.id, k.received_at,
         p.person, p.employee_email, p.store, v.briefing,
         k.version, k.content_hash, k.acked_at as acked_on_device_at, k.received_at as received_by_server_at,
         k.clock_flag, k.language
  from public.acknowledgements k
  cross join lateral (select m.display_name as person, m.email as employee_email, s.name as store
                      from public.members m left join public.stores s on s.id = m.store_id
                      where m.id = k.member_id offset 0) p
  cross join lateral (select x.title as briefing from public.briefing_versions x
                      where x.briefing_id = k.briefing_id and x.version = k.version offset 0) v
  where k.org_id = (select private.my_org_id()) and (select private.require_hr('export the audit trail'));
comment on view private.audit_trail is 'Acknowledgements of the caller''s organisation with person, store, the acknowledged version''s title, the device clock flag and the language read; raises 42501 unless the caller is HR. Runs with its owner''s rights.';

drop function public.audit_export(timestamptz, timestamptz);
create function public.audit_export(p_from timestamptz default null, p_to timestamptz default null)
returns table (person text, employee_email text, store text, briefing text, version int, content_hash text,
               acked_on_device_at timestamptz, received_by_server_at timestamptz, clock_flag text, language text)
-- Inlined into the caller's query: no security definer and no SET clause (see 20261122101500_create_audit_export.sql).
language sql stable as $$
  select private.csv_cell(t.person), private.csv_cell(t.employee_email), private.csv_cell(t.store),
         private.csv_cell(t.briefing), t.version, t.content_hash,
         t.acked_on_device_at, t.received_by_server_at, t.clock_flag, private.csv_cell(t.language)
  from private.audit_trail t
  where t.received_at >= coalesce(p_from, '-infinity') and t.received_at < coalesce(p_to, 'infinity')
  order by t.received_at, t.id
$$;
comment on function public.audit_export(timestamptz, timestamptz) is 'HR: every acknowledgement of the organisation received in [p_from, p_to) (open ends when null), oldest first; the store is the member''s current one; clock_flag says how far to trust acked_on_device_at (null, device_ahead, before_version); language is the text read (en, es); text cells are formula-neutralised by private.csv_cell. Call with Accept: text/csv to stream. Hosted PostgREST cuts it at max_rows without saying so: the app pages with audit_export_start and audit_export_page instead.';
revoke execute on function public.audit_export(timestamptz, timestamptz) from public, anon;
grant execute on function public.audit_export(timestamptz, timestamptz) to authenticated, service_role;
