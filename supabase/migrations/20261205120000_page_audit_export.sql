-- The audit export in keyset pages. Hosted PostgREST caps every table-returning
-- RPC at max_rows (1,000 in supabase/config.toml) without saying so, and runs
-- each call under the authenticated role's 8 s statement timeout, so the
-- one-call audit_export gave HR a file silently cut at 1,000 rows. Now:
--   audit_export_start(p_from, p_to) fixes the range's upper end at the
--     server's now() and counts the rows in it, once;
--   audit_export_page(p_from, p_to, p_after_received_at, p_after_id, p_limit)
--     answers at most p_limit (1..1000) rows after the given (received_at, id),
--     in that order: an index walk on acknowledgements_org_received_id that
--     starts at the key, so page 1,000 of a million rows costs what page 1 does.
-- The client loops until a page comes back empty and fails the file unless the
-- rows it wrote equal the count.
--
-- Rows are JSON, not CSV: the client writes the file itself, so it is the same
-- on any Supabase (PostgREST's own text/csv has no header when there are no
-- rows and quotes fields as record text). Times are sent as Postgres prints
-- them, which is what the CSV has always shown.

create function public.audit_export_start(p_from timestamptz default null, p_to timestamptz default null) returns json
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  -- Acknowledgements received from now on fall outside the file, so an export
  -- running during a shift-start storm still matches its count. A push whose
  -- transaction began before this one and commits after it would still add a
  -- row below v_to: rare, and then the count check fails the file loudly.
  v_to timestamptz := least(coalesce(p_to, 'infinity'), now());
begin
  perform private.require_hr('export the audit trail');
  return json_build_object(
    'from', p_from,
    'to', v_to,
    'total', (select count(*) from public.acknowledgements k
              where k.org_id = v_me.org_id
                and k.received_at >= coalesce(p_from, '-infinity') and k.received_at < v_to));
end $$;
comment on function public.audit_export_start(timestamptz, timestamptz) is 'HR: starts an export of [p_from, p_to): answers {from, to, total}, where to is p_to or the server''s now(), whichever is earlier, and total the rows audit_export_page will give for [from, to). 42501 forbidden for anyone but HR/admin.';

create function public.audit_export_page(
  p_from timestamptz default null, p_to timestamptz default null,
  p_after_received_at timestamptz default null, p_after_id uuid default null, p_limit int default 1000)
returns table (id uuid, received_at timestamptz, person text, employee_email text, store text, briefing text, version int,
               content_hash text, acked_on_device_at text, received_by_server_at text, clock_flag text)
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
           k.version, k.content_hash, k.acked_at::text, k.received_at::text, k.clock_flag
    from (select a.id, a.received_at, a.member_id, a.briefing_id, a.version, a.content_hash, a.acked_at, a.clock_flag
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
comment on function public.audit_export_page(timestamptz, timestamptz, timestamptz, uuid, int) is 'HR: up to p_limit (1..1000) acknowledgements of the organisation received in [p_from, p_to), after (p_after_received_at, p_after_id) in (received_at, id) order; pass the last row''s received_at and id for the next page; an empty page is the end. Columns after id and received_at are the CSV''s: text cells formula-neutralised by private.csv_cell, times as Postgres prints them, the store the member''s current one. 42501 forbidden for anyone but HR/admin; 22023 invalid_limit, invalid_cursor.';

revoke execute on function public.audit_export_start(timestamptz, timestamptz) from public, anon;
grant execute on function public.audit_export_start(timestamptz, timestamptz) to authenticated;
revoke execute on function public.audit_export_page(timestamptz, timestamptz, timestamptz, uuid, int) from public, anon;
grant execute on function public.audit_export_page(timestamptz, timestamptz, timestamptz, uuid, int) to authenticated;

comment on function public.audit_export(timestamptz, timestamptz) is 'HR: every acknowledgement of the organisation received in [p_from, p_to) in one call, as CSV with Accept: text/csv. Hosted PostgREST cuts it at max_rows without saying so: the app pages with audit_export_start and audit_export_page instead.';
