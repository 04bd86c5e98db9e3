-- The audit trail export: every acknowledgement of the caller's organisation,
-- HR only, in the order the server received them. Served as streaming CSV
-- (Accept: text/csv) by PostgREST and by the local stack, so 1,000,000 rows
-- never sit in memory at once: COPY pulls rows from the plan as it writes them.
--
-- Why not a plpgsql security definer function like the other RPCs: RETURN
-- QUERY collects every row in a tuplestore before the first one is sent. So:
--   private.audit_trail, a view that runs with its owner's rights (not the
--     caller's RLS), limited to the caller's organisation, and whose WHERE calls
--     private.require_hr(): for anyone but HR it raises 42501 before producing
--     any row (a one-time filter, checked before the scan starts);
--   public.audit_export, a plain SQL function (not security definer, no SET
--     clause) over that view, which Postgres inlines into the caller's query,
--     so its rows stream straight from an index walk in received order.

create function private.require_hr(p_action text) returns boolean
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
begin
  if v_me.role not in ('hr', 'admin') then
    raise exception using errcode = '42501', message = format('Only HR can %s', p_action), detail = 'forbidden';
  end if;
  return true;
end $$;
comment on function private.require_hr(text) is 'True for active HR and admins; raises 42501 (forbidden) for anyone else, naming p_action.';

create view private.audit_trail as
  select k.id, k.received_at,
         p.person, p.employee_email, p.store, v.briefing,
         k.version, k.content_hash, k.acked_at as acked_on_device_at, k.received_at as received_by_server_at
  from public.acknowledgements k
  -- Lookups per row (offset 0 keeps them lateral, memoized by Postgres) rather
  -- than hash joins: joins would make the planner sort all rows before the
  -- first one leaves, where these keep the index order and stream at once.
  cross join lateral (select m.display_name as person, m.email as employee_email, s.name as store
                      from public.members m left join public.stores s on s.id = m.store_id
                      where m.id = k.member_id offset 0) p
  cross join lateral (select x.title as briefing from public.briefing_versions x
                      where x.briefing_id = k.briefing_id and x.version = k.version offset 0) v
  where k.org_id = (select private.my_org_id()) and (select private.require_hr('export the audit trail'));
comment on view private.audit_trail is 'Acknowledgements of the caller''s organisation with person, store and the acknowledged version''s title; raises 42501 unless the caller is HR. Runs with its owner''s rights.';
revoke all on private.audit_trail from public, anon;
grant select on private.audit_trail to authenticated;

create function public.audit_export(p_from timestamptz default null, p_to timestamptz default null)
returns table (person text, employee_email text, store text, briefing text, version int, content_hash text,
               acked_on_device_at timestamptz, received_by_server_at timestamptz)
-- Inlined into the caller's query: no security definer and no SET clause (see the header).
language sql stable as $$
  select t.person, t.employee_email, t.store, t.briefing, t.version, t.content_hash,
         t.acked_on_device_at, t.received_by_server_at
  from private.audit_trail t
  where t.received_at >= coalesce(p_from, '-infinity') and t.received_at < coalesce(p_to, 'infinity')
  order by t.received_at, t.id
$$;
comment on function public.audit_export(timestamptz, timestamptz) is 'HR: every acknowledgement of the organisation received in [p_from, p_to) (open ends when null), oldest first; the store is the member''s current one. Call with Accept: text/csv to stream.';

create function public.audit_export_count(p_from timestamptz default null, p_to timestamptz default null) returns bigint
language plpgsql stable security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
begin
  perform private.require_hr('export the audit trail');
  return (select count(*) from public.acknowledgements k
          where k.org_id = v_me.org_id
            and k.received_at >= coalesce(p_from, '-infinity') and k.received_at < coalesce(p_to, 'infinity'));
end $$;
comment on function public.audit_export_count(timestamptz, timestamptz) is 'HR: how many rows audit_export will return for the same range, for a progress bar.';

revoke execute on function public.audit_export(timestamptz, timestamptz) from public, anon;
grant execute on function public.audit_export(timestamptz, timestamptz) to authenticated;
revoke execute on function public.audit_export_count(timestamptz, timestamptz) from public, anon;
grant execute on function public.audit_export_count(timestamptz, timestamptz) to authenticated;
