-- Deleting a push subscription (sign-out, a 404/410 from the push service, a leaver,
-- the device cap) cascades to its queued messages. The only index on
-- push_queue.subscription_id covered unsent messages, so the cascade scanned every
-- row, sent ones kept 7 days included: one 410 cost a scan of a week's messages. A
-- full index serves the cascade and push_claim's per-device lookups alike.

create index push_queue_subscription on private.push_queue (subscription_id);
comment on index private.push_queue_subscription is 'Cascading a subscription''s deletion to its messages, sent ones included, and push_claim''s per-device lookups.';
drop index private.push_queue_pending_subscription;
