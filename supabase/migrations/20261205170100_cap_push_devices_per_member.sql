-- A member keeps at most 10 push devices (issue 11). Without a cap one account could
-- register endpoints by the thousand and make every briefing for them cost the sender
-- thousands of requests; a real person has a phone or two, plus the odd tablet. The
-- least recently saved device goes first, and with it what was queued for it.

create or replace function public.save_push_subscription(p_endpoint text, p_p256dh text, p_auth text, p_device text default null) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_endpoint text := btrim(p_endpoint);
  v_p256dh text := rtrim(btrim(p_p256dh), '=');
  v_auth text := rtrim(btrim(p_auth), '=');
  v_device text := nullif(btrim(p_device), '');
  v_key bytea;
  v_host text;
  v_row public.push_subscriptions;
begin
  if v_endpoint is null or char_length(v_endpoint) > 2048
     or v_endpoint !~ '^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/[!-~]*$' then
    perform private.invalid_argument('invalid_endpoint', 'The endpoint must be an https:// address of at most 2048 characters');
  end if;
  -- The sender POSTs to this address: no loopback, IP literals or single-label hosts
  -- (server-side request forgery), unless the database allows loopback for a local
  -- push service (alter database ... set frontline.push_allow_loopback = 'on').
  v_host := lower(substring(v_endpoint from '^https://([A-Za-z0-9.-]+)'));
  if (v_host ~ '^[0-9.]+$' or v_host = 'localhost' or v_host like '%.localhost' or v_host !~ '\.[a-z]')
     and not (coalesce(current_setting('frontline.push_allow_loopback', true), '') = 'on'
              and v_host in ('127.0.0.1', 'localhost')) then
    perform private.invalid_argument('invalid_endpoint', 'The endpoint must name a push service by its host name');
  end if;
  v_key := private.base64url_bytes(v_p256dh);
  if v_key is null or length(v_key) <> 65 or get_byte(v_key, 0) <> 4 then
    perform private.invalid_argument('invalid_p256dh', 'p256dh must be an uncompressed P-256 public key (65 bytes) in base64url');
  end if;
  v_key := private.base64url_bytes(v_auth);
  if v_key is null or length(v_key) <> 16 then
    perform private.invalid_argument('invalid_auth', 'auth must be a 16-byte secret in base64url');
  end if;
  if char_length(v_device) > 120 then
    perform private.invalid_argument('too_long', format('device must be at most 120 characters (got %s)', char_length(v_device)));
  end if;
  -- Store the canonical (unpadded) forms the sender encrypts with.
  v_p256dh := rtrim(v_p256dh, '=');
  v_auth := rtrim(v_auth, '=');

  -- Two saves of one member at once must count each other's device (the cap below).
  perform 1 from public.members m where m.id = v_me.id for no key update;

  -- A shared phone: the endpoint moves to the caller as a new row, and deleting the
  -- previous member's row drops whatever was queued for them (on delete cascade)
  -- before it can show on this person's phone.
  delete from public.push_subscriptions s where s.endpoint = v_endpoint and s.member_id <> v_me.id;

  insert into public.push_subscriptions as s (member_id, org_id, endpoint, p256dh, auth, device)
  values (v_me.id, v_me.org_id, v_endpoint, v_p256dh, v_auth, v_device)
  on conflict (endpoint) do update
    set p256dh = excluded.p256dh,
        auth = excluded.auth, device = coalesce(excluded.device, s.device), last_seen_at = now()
  returning s.* into v_row;

  -- Every device costs a request per message: beyond 10, the ones saved least recently
  -- go (a phone in use saves again at each sign-in and turn-on, so it stays).
  delete from public.push_subscriptions s
  where s.id in (select x.id from public.push_subscriptions x
                 where x.member_id = v_me.id and x.id <> v_row.id
                 order by x.last_seen_at desc, x.created_at desc, x.id
                 offset 9);
  return private.push_subscription_json(v_row);
end $$;
comment on function public.save_push_subscription(text, text, text, text) is 'Saves this device''s push subscription for the caller (upsert by endpoint; an endpoint of another member moves to the caller and drops what was queued for them); a member keeps at most 10 devices, the least recently saved dropped first. Errors: 22023 invalid_endpoint, invalid_p256dh, invalid_auth, too_long.';
