-- A scheduled briefing's notification goes out at its publish time (issue 13.3).
-- Publishing already queued its messages for greatest(now(), publish_at); but
-- an edit that only moved a still-scheduled briefing's publish time left them at
-- the old time: moved later, staff were notified of a briefing their phones still
-- hid; moved earlier, they were notified late. Now such a move re-queues them for
-- the new time. A briefing already published is not re-announced by a changed
-- publish time (its messages have gone).

create or replace function private.queue_briefing_push() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'UPDATE' and new.retracted_at is not null then
    -- Retracted: nothing more about it goes out (a sender already holding a message
    -- finds it gone at push_done: it counts as stale).
    delete from private.push_queue q where q.ref_id = new.id and q.sent_at is null;
    return null;
  end if;
  if new.retracted_at is null
     and (tg_op = 'INSERT' or new.version <> old.version
          or (new.publish_at is distinct from old.publish_at and old.publish_at > now()))
     and (new.requires_ack or new.priority in ('important', 'critical')) then
    if tg_op = 'UPDATE' then
      -- The previous text's (or time's) messages that have not gone yet are superseded.
      delete from private.push_queue q where q.ref_id = new.id and q.sent_at is null;
    end if;
    perform private.enqueue_push(private.briefing_push_audience(new), 'briefing', new.id, new.version, new.title,
                                 '/briefings/' || new.id, 'briefing:' || new.id, new.priority = 'critical',
                                 greatest(now(), new.publish_at));
  end if;
  return null;
end $$;
comment on function private.queue_briefing_push() is 'Trigger: a briefing published, given new text, or a still-scheduled one given a new publish time, that needs acknowledging or is important/critical queues a push to its audience''s devices (not the author''s) for its publish time; a retraction drops its unsent messages.';
revoke all on function private.queue_briefing_push() from public, anon;

drop trigger briefings_queue_push on public.briefings;
create trigger briefings_queue_push after insert or update of title, body, retracted_at, publish_at on public.briefings
  for each row execute function private.queue_briefing_push();
comment on trigger briefings_queue_push on public.briefings is 'Queues Web Push messages in the publishing transaction, for the briefing''s publish time.';
