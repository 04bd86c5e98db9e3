-- Since 30 October 2026 hosted Supabase no longer grants the API roles what is new in
-- public (the local stack's bootstrap does the same); every earlier migration already
-- grants authenticated what it calls and reads. service_role had the rest only through
-- those defaults, so a project created today would lose it. It gets it explicitly here:
-- execute on every function authenticated may call (a backend calling one gets the
-- function's own answer, such as not_a_member, not permission denied), and on the
-- organisation and content tables what a trusted backend needs to read them and manage
-- the organisation. It gets no write on the append-only facts (acknowledgements, lesson
-- attempts, kudos): those reach the database through sync_push only. The anonymous
-- voice tables stay out of every API role's reach, service_role's included.

do $$
declare
  fn regprocedure;
begin
  for fn in
    select p.oid::regprocedure
    from pg_proc p
    where p.pronamespace = 'public'::regnamespace
      and p.prokind = 'f'
      and has_function_privilege('authenticated', p.oid, 'execute')
  loop
    execute format('grant execute on function %s to service_role', fn);
  end loop;
end
$$;

grant select, insert, update, delete
  on public.organizations, public.stores, public.departments, public.members, public.store_managers
  to service_role;

grant select, insert, update, delete
  on public.briefings, public.briefing_versions, public.value_cards, public.lessons, public.lesson_versions
  to service_role;

grant select on public.acknowledgements, public.lesson_attempts, public.kudos to service_role;
