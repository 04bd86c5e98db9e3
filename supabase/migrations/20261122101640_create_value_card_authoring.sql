-- HR write, order and archive the organisation's values cards. Every change
-- goes through the value_cards triggers, so phones get edits and new order on
-- their next sync_pull and drop archived cards (a tombstone). Live cards keep
-- positions 1..n; one author at a time per organisation (advisory lock).

create function private.lock_value_cards(p_org_id uuid) returns void
language sql volatile set search_path = '' as $$
  select pg_advisory_xact_lock(hashtextextended('frontline.value_cards:' || p_org_id::text, 0))
$$;
comment on function private.lock_value_cards(uuid) is 'Serialises value card authoring within one organisation until the transaction ends.';

-- Live cards numbered 1..n in their current order, with p_id (if given) moved
-- to p_position. Only cards whose position changes are written (and re-synced).
create function private.renumber_value_cards(p_org_id uuid, p_id uuid, p_position int) returns void
language sql volatile set search_path = '' as $$
  with others as (
    select c.id, row_number() over (order by c.position, c.created_at, c.id)::int as rn
    from public.value_cards c
    where c.org_id = p_org_id and c.archived_at is null and c.id is distinct from p_id
  ),
  target as (
    select o.id, case when p_id is not null and o.rn >= p_position then o.rn + 1 else o.rn end as position from others o
    union all
    select p_id, p_position where p_id is not null
  )
  update public.value_cards c set position = t.position
  from target t
  where c.id = t.id and c.position <> t.position
$$;
comment on function private.renumber_value_cards(uuid, uuid, int) is 'Numbers an organisation''s live values cards 1..n, optionally moving one card to a position.';

create function private.value_card_json(c public.value_cards) returns json
language sql stable set search_path = '' as $$
  select json_build_object('id', c.id, 'title', c.title, 'statement', c.statement, 'on_the_floor', c.on_the_floor,
                           'examples', to_json(c.examples), 'position', c.position, 'updated_at', c.updated_at,
                           'sync_seq', c.sync_seq)
$$;
comment on function private.value_card_json(public.value_cards) is 'A values card as sync_pull sends it.';

create function public.save_value_card(
  p_id uuid, p_title text, p_statement text, p_on_the_floor text default '', p_examples text[] default '{}',
  p_position int default null
) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_hr boolean := private.require_hr('write values cards');
  v_me public.members := private.my_member();
  v_existing public.value_cards;
  v_title text := private.argument_text(p_title, 'title', 120);
  v_statement text := private.argument_text(p_statement, 'statement', 1000);
  v_on_the_floor text := private.argument_text(coalesce(p_on_the_floor, ''), 'on_the_floor', 2000, 0);
  v_examples text[];
  v_live int;
  v_card public.value_cards;
begin
  if cardinality(coalesce(p_examples, '{}')) > 10 then
    perform private.invalid_argument('too_many_examples', format('A values card takes at most 10 examples (got %s)', cardinality(p_examples)));
  end if;
  if array_ndims(p_examples) > 1 then
    perform private.invalid_argument('invalid_type', 'examples must be a list of texts');
  end if;
  v_examples := array(select private.argument_text(e, format('example %s', n), 500)
                      from unnest(coalesce(p_examples, '{}')) with ordinality as x(e, n) order by n);

  perform private.lock_value_cards(v_me.org_id);
  if p_id is not null then
    select c.* into v_existing from public.value_cards c where c.id = p_id;
    -- Another organisation's card looks like no card at all.
    if v_existing.id is not null and v_existing.org_id <> v_me.org_id then
      perform private.invalid_argument('unknown_value_card', 'No values card with this id that you can edit');
    end if;
    if v_existing.archived_at is not null then
      perform private.invalid_argument('value_card_archived', 'This values card is archived and can no longer be edited');
    end if;
  end if;
  select count(*) into v_live from public.value_cards c where c.org_id = v_me.org_id and c.archived_at is null;
  if p_position is not null
     and (p_position < 1 or p_position > v_live + case when v_existing.id is null then 1 else 0 end) then
    perform private.invalid_argument('out_of_range', format('position must be from 1 to %s',
                                                     v_live + case when v_existing.id is null then 1 else 0 end));
  end if;

  if v_existing.id is null then
    insert into public.value_cards (id, org_id, title, statement, on_the_floor, examples, position)
    values (coalesce(p_id, gen_random_uuid()), v_me.org_id, v_title, v_statement, v_on_the_floor, v_examples,
            coalesce((select max(c.position) from public.value_cards c where c.org_id = v_me.org_id and c.archived_at is null), 0) + 1)
    returning * into v_card;
  else
    -- Saving the same text again writes nothing, so it costs no phone a sync.
    update public.value_cards c set title = v_title, statement = v_statement, on_the_floor = v_on_the_floor, examples = v_examples
    where c.id = v_existing.id
      and (c.title, c.statement, c.on_the_floor, c.examples) is distinct from (v_title, v_statement, v_on_the_floor, v_examples);
    v_card := v_existing;
  end if;
  if p_position is not null then
    perform private.renumber_value_cards(v_me.org_id, v_card.id, p_position);
  end if;
  select c.* into v_card from public.value_cards c where c.id = v_card.id;
  return private.value_card_json(v_card);
end $$;
comment on function public.save_value_card(uuid, text, text, text, text[], int) is 'HR: creates (at the end, or at p_position) or edits a values card of their organisation; answers the card as sync_pull sends it.';

create function public.archive_value_card(p_id uuid) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_hr boolean := private.require_hr('archive values cards');
  v_me public.members := private.my_member();
  v_card public.value_cards;
begin
  perform private.lock_value_cards(v_me.org_id);
  select c.* into v_card from public.value_cards c where c.id = p_id and c.org_id = v_me.org_id;
  if v_card.id is null then
    perform private.invalid_argument('unknown_value_card', 'No values card with this id that you can archive');
  end if;
  -- Archiving twice changes nothing.
  if v_card.archived_at is null then
    update public.value_cards c set archived_at = now() where c.id = p_id returning * into v_card;
    perform private.renumber_value_cards(v_me.org_id, null, null);
  end if;
  return json_build_object('id', v_card.id, 'archived_at', v_card.archived_at);
end $$;
comment on function public.archive_value_card(uuid) is 'HR: archives a values card (phones drop it on their next sync; its kudos keep their value); the other cards close up.';

create function public.reorder_value_cards(p_ids uuid[]) returns json
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_hr boolean := private.require_hr('reorder values cards');
  v_me public.members := private.my_member();
  v_live uuid[];
begin
  perform private.lock_value_cards(v_me.org_id);
  v_live := array(select c.id from public.value_cards c where c.org_id = v_me.org_id and c.archived_at is null order by c.id);
  if p_ids is null or array_ndims(p_ids) > 1 or array_position(p_ids, null) is not null
     or cardinality(p_ids) <> (select count(distinct x) from unnest(p_ids) x)
     or array(select x from unnest(p_ids) x order by x) <> v_live then
    perform private.invalid_argument('invalid_order', format('p_ids must list each of your organisation''s %s live values cards exactly once', cardinality(v_live)));
  end if;
  update public.value_cards c set position = x.n
  from unnest(p_ids) with ordinality as x(id, n)
  where c.id = x.id and c.position <> x.n;
  return coalesce((select json_agg(private.value_card_json(c) order by c.position)
                   from public.value_cards c where c.org_id = v_me.org_id and c.archived_at is null), '[]'::json);
end $$;
comment on function public.reorder_value_cards(uuid[]) is 'HR: sets the order of their organisation''s live values cards (positions 1..n as listed); the list must be exactly those cards.';

revoke execute on function public.save_value_card(uuid, text, text, text, text[], int),
  public.archive_value_card(uuid), public.reorder_value_cards(uuid[]) from public, anon;
grant execute on function public.save_value_card(uuid, text, text, text, text[], int),
  public.archive_value_card(uuid), public.reorder_value_cards(uuid[]) to authenticated;
