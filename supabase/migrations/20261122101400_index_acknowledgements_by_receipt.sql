-- The audit trail is read in the order the server received acknowledgements,
-- ties broken by id. With id in the index an export walks it in that order and
-- streams from the first row, instead of sorting a million rows first.
create index acknowledgements_org_received_id on public.acknowledgements (org_id, received_at, id);
drop index public.acknowledgements_org_received;
