-- Web Push subscriptions (issue 11): one row per browser push endpoint, owned by
-- the member signed in on that device. An endpoint is a device, not a person: when
-- another member saves the same endpoint (a shared phone), it moves to them, so the
-- phone never shows the previous person's notifications. Only the owner reads a
-- subscription (policy and RPCs); the sender reads them through push_claim.

create table public.push_subscriptions (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references public.members (id),
  org_id uuid not null references public.organizations (id),
  endpoint text not null unique check (char_length(endpoint) between 12 and 2048),
  p256dh text not null check (char_length(p256dh) = 87),
  auth text not null check (char_length(auth) = 22),
  device text check (char_length(device) between 1 and 120),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
comment on table public.push_subscriptions is 'A device''s Web Push subscription (endpoint and its ECDH/auth keys, base64url) and the member it notifies; an endpoint belongs to one member at a time.';
create index push_subscriptions_member on public.push_subscriptions (member_id);
alter table public.push_subscriptions enable row level security;

create policy "members read their own push subscriptions" on public.push_subscriptions
  for select to authenticated using (member_id = (select private.my_member_id()));
comment on policy "members read their own push subscriptions" on public.push_subscriptions is 'Nobody, managers and HR included, reads another member''s devices.';

revoke all on public.push_subscriptions from public, anon, authenticated, service_role;
grant select on public.push_subscriptions to authenticated;
grant select, delete on public.push_subscriptions to service_role;

-- base64url without padding (trailing '=' tolerated and dropped), decoded to bytes.
create function private.base64url_bytes(p_value text) returns bytea
language plpgsql immutable set search_path = '' as $$
declare v text := rtrim(p_value, '=');
begin
  if v !~ '^[A-Za-z0-9_-]*$' then
    return null;
  end if;
  v := translate(v, '-_', '+/');
  return decode(v || repeat('=', (4 - char_length(v) % 4) % 4), 'base64');
exception when others then
  return null;
end $$;
comment on function private.base64url_bytes(text) is 'The bytes of a base64url string (padding optional), or null when it is not base64url.';

create function private.push_subscription_json(s public.push_subscriptions) returns jsonb
language sql stable set search_path = '' as $$
  select jsonb_build_object('id', s.id, 'endpoint', s.endpoint, 'device', s.device,
                            'created_at', s.created_at, 'last_seen_at', s.last_seen_at)
$$;
comment on function private.push_subscription_json(public.push_subscriptions) is 'A subscription as the phone sees it: never its keys.';

create function public.save_push_subscription(p_endpoint text, p_p256dh text, p_auth text, p_device text default null) returns jsonb
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
  return private.push_subscription_json(v_row);
end $$;
comment on function public.save_push_subscription(text, text, text, text) is 'Saves this device''s push subscription for the caller (upsert by endpoint; an endpoint of another member moves to the caller and drops what was queued for them). Errors: 22023 invalid_endpoint, invalid_p256dh, invalid_auth, too_long.';

create function public.delete_push_subscription(p_endpoint text) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  v_me public.members := private.require_member();
  v_count int;
begin
  delete from public.push_subscriptions s where s.endpoint = btrim(p_endpoint) and s.member_id = v_me.id;
  get diagnostics v_count = row_count;
  return jsonb_build_object('deleted', v_count > 0);
end $$;
comment on function public.delete_push_subscription(text) is 'Removes the caller''s subscription for this endpoint (sign-out, notifications turned off); another member''s endpoint is left alone and answers deleted false.';

create function public.my_push_subscriptions() returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare v_me public.members := private.require_member();
begin
  return jsonb_build_object('subscriptions', coalesce((
    select jsonb_agg(private.push_subscription_json(s) order by s.last_seen_at desc, s.id)
    from public.push_subscriptions s where s.member_id = v_me.id), '[]'::jsonb));
end $$;
comment on function public.my_push_subscriptions() is 'The caller''s devices with notifications on (no keys).';

-- A member who leaves (deactivated, or moved to another organisation) stops being
-- notified at once: their devices go, and with them everything queued for them.
create function private.drop_push_subscriptions_of_leaver() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.push_subscriptions s where s.member_id = new.id;
  return null;
end $$;
comment on function private.drop_push_subscriptions_of_leaver() is 'Trigger: deletes the push subscriptions (and so the queued messages) of a member who was deactivated or changed organisation.';
create trigger members_drop_push_subscriptions after update of active, org_id on public.members
  for each row when (not new.active or new.org_id <> old.org_id) execute function private.drop_push_subscriptions_of_leaver();
comment on trigger members_drop_push_subscriptions on public.members is 'Deactivated members and members who change organisation receive no more pushes.';

revoke execute on function private.base64url_bytes(text), private.push_subscription_json(public.push_subscriptions),
  private.drop_push_subscriptions_of_leaver() from public;
revoke execute on function public.save_push_subscription(text, text, text, text), public.delete_push_subscription(text),
  public.my_push_subscriptions() from public, anon;
grant execute on function public.save_push_subscription(text, text, text, text), public.delete_push_subscription(text),
  public.my_push_subscriptions() to authenticated, service_role;
