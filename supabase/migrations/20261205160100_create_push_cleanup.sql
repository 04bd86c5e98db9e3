-- Cleanup of the push queue (issue 11): a message sent, or given up after its
-- attempts, is kept 7 days (for looking into a complaint), then deleted by
-- push_cleanup, which the scheduler calls (pg_cron, e.g. hourly; service_role only).
-- Unsent messages are never touched here: they are the sender's to deliver or give up.

create index push_queue_finished on private.push_queue (coalesce(sent_at, gave_up_at))
  where sent_at is not null or gave_up_at is not null;

create function public.push_cleanup(p_now timestamptz default now()) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_deleted bigint;
  v_batch constant int := 50000;
begin
  if p_now is null then
    perform private.invalid_argument('missing_field', 'p_now is required');
  end if;
  -- At most v_batch rows a call, so a call stays well inside the statement timeout;
  -- more = true asks the scheduler to call again.
  delete from private.push_queue q
  where q.id in (select f.id from private.push_queue f
                 where (f.sent_at is not null or f.gave_up_at is not null)
                   and coalesce(f.sent_at, f.gave_up_at) < p_now - interval '7 days'
                 limit v_batch);
  get diagnostics v_deleted = row_count;
  return jsonb_build_object('deleted', v_deleted, 'more', v_deleted = v_batch);
end $$;
comment on function public.push_cleanup(timestamptz) is 'Scheduler (service_role): deletes push queue messages sent or given up more than 7 days before p_now (at most 50000 a call); answers {deleted, more}. Errors: 22023 missing_field.';

revoke execute on function public.push_cleanup(timestamptz) from public, anon, authenticated;
grant execute on function public.push_cleanup(timestamptz) to service_role;
