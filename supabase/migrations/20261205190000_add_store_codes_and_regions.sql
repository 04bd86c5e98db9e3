-- Stores get the short code HR systems know them by (a roster names a person's
-- store by it) and an optional region. The code is unique per organisation,
-- ignoring case ("dtn" and "DTN" are one store), letters and digits with
-- . _ / - inside, at most 32 characters. It stays nullable so a store made
-- outside the admin calls (SQL fixtures, older tools) is still valid; every
-- store existing now gets one below, and admin_save_store always requires one.

alter table public.stores
  add column code text check (char_length(code) <= 32 and code ~ '^[[:alnum:]]([[:alnum:]._/-]*[[:alnum:]])?$'),
  add column region text check (char_length(region) <= 120 and btrim(region) <> '');
comment on column public.stores.code is 'The short code HR systems use for the store (unique per organisation, case-insensitive); rosters name stores by it.';
comment on column public.stores.region is 'Optional region or area the store belongs to, for filtering.';

-- The demo stores keep codes the sample roster uses (supabase/seed.sql sets the same
-- on a fresh database, where this runs before the seed).
update public.stores set code = 'DTN' where id = '5a000000-0000-4000-8000-000000000001' and code is null;
update public.stores set code = 'RVS' where id = '5a000000-0000-4000-8000-000000000002' and code is null;

-- Every other store: its name in capitals without spaces or punctuation (at most 28
-- characters), with -2, -3, ... where two stores of an organisation would share one.
-- HR can change any of them with admin_save_store.
with derived as (
  select s.id, s.org_id,
         coalesce(nullif(left(upper(regexp_replace(s.name, '[^[:alnum:]]+', '', 'g')), 28), ''), 'STORE') as base
  from public.stores s
  where s.code is null
), numbered as (
  select d.id, d.base,
         row_number() over (partition by d.org_id, d.base order by d.id) as n
  from derived d
)
update public.stores s
set code = case when n.n = 1 and not exists (select 1 from public.stores o where o.org_id = s.org_id and upper(o.code) = n.base)
                then n.base else n.base || '-' || (n.n + 1) end
from numbered n
where s.id = n.id;

create unique index stores_org_code_key on public.stores (org_id, lower(code)) where code is not null;
comment on index public.stores_org_code_key is 'A store code names one store of an organisation, whatever its case.';
