-- Demo seed (DESIGN.md "Demo seed"): Demo Retail with two stores, three
-- departments, six accounts (password frontline-demo) and content dated
-- relative to the day the seed runs, in each store's time zone.

-- bcrypt cost 10, as supabase/local/auth-sessions.ts's PASSWORD_HASH_COST: the dummy hash
-- an unknown email is compared with must cost the same work as these.
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                        confirmation_token, recovery_token, email_change, email_change_token_new)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
       extensions.crypt('frontline-demo', extensions.gen_salt('bf', 10)), now(),
       '{"provider": "email", "providers": ["email"]}', jsonb_build_object('display_name', u.name), now(), now(),
       '', '', '', ''
from (values
  ('a0000000-0000-4000-8000-000000000001'::uuid, 'hr@demo.test', 'Hana Reyes'),
  ('a0000000-0000-4000-8000-000000000002'::uuid, 'manager.downtown@demo.test', 'Dana Moss'),
  ('a0000000-0000-4000-8000-000000000003'::uuid, 'manager.riverside@demo.test', 'Rafael Ortiz'),
  ('a0000000-0000-4000-8000-000000000004'::uuid, 'alex@demo.test', 'Alex Kim'),
  ('a0000000-0000-4000-8000-000000000005'::uuid, 'sam@demo.test', 'Sam Patel'),
  ('a0000000-0000-4000-8000-000000000006'::uuid, 'riley@demo.test', 'Riley Chen')
) as u (id, email, name);

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true), 'email', now(), now(), now()
from auth.users u where u.email like '%@demo.test';

insert into public.organizations (id, name, sign_in_code) values ('0a000000-0000-4000-8000-000000000001', 'Demo Retail', 'demo');

insert into public.stores (id, org_id, name, code, time_zone, region) values
  ('5a000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001', 'Downtown', 'DTN', 'America/New_York', 'East'),
  ('5a000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000001', 'Riverside', 'RVS', 'America/Chicago', 'Central');

insert into public.departments (id, org_id, name) values
  ('de000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001', 'Sales floor'),
  ('de000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000001', 'Checkout'),
  ('de000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000001', 'Stockroom');

insert into public.members (id, user_id, org_id, store_id, department_id, role, display_name, email, employee_id) values
  ('3e000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001',
   null, null, 'hr', 'Hana Reyes', 'hr@demo.test', 'E1001'),
  ('3e000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000001',
   '5a000000-0000-4000-8000-000000000001', null, 'manager', 'Dana Moss', 'manager.downtown@demo.test', 'E1002'),
  ('3e000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000001',
   '5a000000-0000-4000-8000-000000000002', null, 'manager', 'Rafael Ortiz', 'manager.riverside@demo.test', 'E1003'),
  ('3e000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000004', '0a000000-0000-4000-8000-000000000001',
   '5a000000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000001', 'staff', 'Alex Kim', 'alex@demo.test', 'E1004'),
  ('3e000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000005', '0a000000-0000-4000-8000-000000000001',
   '5a000000-0000-4000-8000-000000000001', 'de000000-0000-4000-8000-000000000002', 'staff', 'Sam Patel', 'sam@demo.test', 'E1005'),
  ('3e000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000006', '0a000000-0000-4000-8000-000000000001',
   '5a000000-0000-4000-8000-000000000002', 'de000000-0000-4000-8000-000000000003', 'staff', 'Riley Chen', 'riley@demo.test', 'E1006');

insert into public.store_managers (store_id, member_id) values
  ('5a000000-0000-4000-8000-000000000001', '3e000000-0000-4000-8000-000000000002'),
  ('5a000000-0000-4000-8000-000000000002', '3e000000-0000-4000-8000-000000000003');

-- Today's shift briefings: local shift times in each store's zone, today there.
insert into public.briefings (id, org_id, author_id, kind, title, body, priority, store_ids, department_ids,
                              shift_date, shift_start, shift_end, requires_ack, ack_due_at, publish_at, expires_at)
select b.id, '0a000000-0000-4000-8000-000000000001', b.author_id, 'shift', b.title, b.body, b.priority,
       array[s.id], b.department_ids, (now() at time zone s.time_zone)::date, b.shift_start, b.shift_end, b.requires_ack,
       case when b.requires_ack then ((now() at time zone s.time_zone)::date + b.shift_start + interval '30 minutes') at time zone s.time_zone end,
       ((now() at time zone s.time_zone)::date + time '06:00') at time zone s.time_zone,
       ((now() at time zone s.time_zone)::date + 2 + time '06:00') at time zone s.time_zone
from public.stores s
join (values
  ('b1000000-0000-4000-8000-000000000001'::uuid, 'Downtown', '3e000000-0000-4000-8000-000000000002'::uuid,
   'Morning huddle: holiday window launch',
   E'## Today\n- The **holiday window** goes live at 10:00: keep the front tables full.\n- Gift-wrap station opens at noon at checkout 3.\n\nAsk every guest if they are shopping for someone special.',
   'important', '{}'::uuid[], time '08:00', time '16:00', true),
  ('b1000000-0000-4000-8000-000000000002'::uuid, 'Downtown', '3e000000-0000-4000-8000-000000000002'::uuid,
   'Checkout: new card terminal',
   E'The new card terminals are on lanes 1-4.\n\n1. Tap first, chip second.\n2. If it freezes, hold the red key for 5 seconds.\n\nCall Dana on the radio if a lane goes down.',
   'normal', '{de000000-0000-4000-8000-000000000002}'::uuid[], time '08:00', time '16:00', false),
  ('b1000000-0000-4000-8000-000000000003'::uuid, 'Riverside', '3e000000-0000-4000-8000-000000000003'::uuid,
   'Delivery day: two trucks before noon',
   E'Two trucks arrive at **09:30** and **11:30**.\n- Stockroom: clear bay 2 before the first one.\n- Keep the fire exits free at all times.',
   'critical', '{}'::uuid[], time '07:00', time '15:00', true),
  ('b1000000-0000-4000-8000-000000000004'::uuid, 'Riverside', '3e000000-0000-4000-8000-000000000003'::uuid,
   'Evening shift: store walk at 18:00',
   E'Regional manager visits at 18:00. Aisles tidy, fitting rooms cleared every hour.',
   'normal', '{}'::uuid[], time '14:00', time '22:00', false)
) as b (id, store_name, author_id, title, body, priority, department_ids, shift_start, shift_end, requires_ack)
  on b.store_name = s.name;

-- Organisation-wide policies and news from head office.
insert into public.briefings (id, org_id, author_id, kind, title, body, priority, roles, requires_ack, ack_due_at, publish_at)
values
  ('b2000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001', '3e000000-0000-4000-8000-000000000001',
   'policy', 'Returns policy: 60 days over the holidays',
   E'## What changes\nFrom today until 31 January, purchases can be returned within **60 days** with a receipt.\n\n## What stays the same\n- Without a receipt: store credit only.\n- Opened electronics: 14 days.\n\nQuestions? Ask your manager or use *Voice* in the app.',
   'important', '{}', true, now() + interval '3 days', now() - interval '1 day'),
  ('b2000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000001', '3e000000-0000-4000-8000-000000000001',
   'policy', 'Safe lifting: the two-person rule',
   E'Anything over **23 kg** is a two-person lift, every time.\n\n1. Check the label for weight.\n2. Ask a colleague before you lift.\n3. Use the trolley for more than two boxes.\n\nInjuries hurt people and teams: no task is that urgent.',
   'critical', '{}', true, now() + interval '7 days', now() - interval '2 days'),
  ('b2000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000001', '3e000000-0000-4000-8000-000000000001',
   'news', 'November results: thank you, team',
   E'Customer satisfaction rose to **4.6 / 5** this month, the best in two years.\nThe comments mention friendly, helpful staff again and again: that is you.',
   'normal', '{}', false, null, now() - interval '3 days'),
  ('b2000000-0000-4000-8000-000000000004', '0a000000-0000-4000-8000-000000000001', '3e000000-0000-4000-8000-000000000001',
   'policy', 'Managers: holiday rota sign-off',
   E'Please sign off the holiday rota for your store by Friday so staff can plan their time off.',
   'normal', '{manager}', true, now() + interval '5 days', now() - interval '1 day');

insert into public.value_cards (org_id, title, statement, on_the_floor, examples, position) values
  ('0a000000-0000-4000-8000-000000000001', 'Guests first',
   'Every guest leaves feeling helped, whether they buy or not.',
   'Look up from the task when someone comes near. Walk them to the product instead of pointing.',
   array['Sam walked a guest to three aisles to find the right charger.', 'Alex noticed a parent juggling bags and opened a checkout just for them.'], 1),
  ('0a000000-0000-4000-8000-000000000001', 'Own it',
   'If you see it, you own it until it is solved or handed over.',
   'A spill, a broken hanger, an unhappy guest: deal with it or hand it to someone who will, and say so.',
   array['Riley stayed ten minutes to finish a delivery check so the morning team started clean.'], 2),
  ('0a000000-0000-4000-8000-000000000001', 'One team',
   'We win as a store, not as a department.',
   'Help the next department when your own area is calm. Share what you learned at the huddle.',
   array['Checkout covered the fitting rooms during the Saturday rush.', 'Stockroom labelled boxes by aisle to speed up the floor.'], 3),
  ('0a000000-0000-4000-8000-000000000001', 'Keep it simple',
   'Simple for guests, simple for each other.',
   'Explain offers in one sentence. Put things back where the next person will look for them.',
   array['The new price-match card fits on one side: guests get it in seconds.'], 4),
  ('0a000000-0000-4000-8000-000000000001', 'Safe every time',
   'Nobody gets hurt at work. No sale and no deadline is worth it.',
   'Two-person lifts over 23 kg, clear exits, report hazards straight away.',
   array['Dana closed an aisle for ten minutes to fix a loose shelf before opening.'], 5),
  ('0a000000-0000-4000-8000-000000000001', 'Grow every day',
   'We learn something every shift and teach it to the next person.',
   'Take the five-minute lesson on your break; show a new starter one trick you know.',
   array['Alex taught two new starters the gift-wrap fold in one afternoon.'], 6);

insert into public.lessons (id, org_id, title, summary, minutes, cards, quiz, pass_mark) values
  ('1e000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001',
   'Greeting guests in 10 seconds', 'How to make every guest feel noticed, even when you are busy.', 3,
   '[{"title": "Within 10 seconds", "body": "Make eye contact and say hello within ten seconds of a guest coming near you, even if you are busy."},
     {"title": "Open questions", "body": "Ask \"What brings you in today?\" rather than \"Can I help you?\", which invites a \"no\"."},
     {"title": "Walk, do not point", "body": "Take the guest to the product. It takes thirty seconds and doubles the chance they find it."}]',
   '[{"id": "q1", "prompt": "How soon should you greet a guest who comes near you?", "kind": "single",
      "options": [{"id": "a", "text": "Within 10 seconds"}, {"id": "b", "text": "When you finish your task"}, {"id": "c", "text": "Only if they ask"}],
      "correct": ["a"], "explanation": "Ten seconds is enough to finish a movement, not a task. Guests notice being noticed."},
     {"id": "q2", "prompt": "Which are open questions?", "kind": "multiple",
      "options": [{"id": "a", "text": "What brings you in today?"}, {"id": "b", "text": "Can I help you?"}, {"id": "c", "text": "Who are you shopping for?"}],
      "correct": ["a", "c"], "explanation": "Open questions cannot be answered with yes or no."},
     {"id": "q3", "prompt": "A guest asks where the batteries are. What do you do?", "kind": "single",
      "options": [{"id": "a", "text": "Point to aisle 7"}, {"id": "b", "text": "Walk them to aisle 7"}],
      "correct": ["b"], "explanation": "Walking with them takes seconds and often leads to a second question you can help with."}]', 67),
  ('1e000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000001',
   'Handling a return', 'The holiday returns policy in practice.', 4,
   '[{"title": "Check the receipt", "body": "With a receipt: refund to the original payment within 60 days over the holidays."},
     {"title": "No receipt", "body": "Offer store credit at the current price. Stay friendly: the guest is still a guest."},
     {"title": "Electronics", "body": "Opened electronics: 14 days, all accessories in the box."}]',
   '[{"id": "q1", "prompt": "A guest has a receipt from 45 days ago (holiday period). What can you offer?", "kind": "single",
      "options": [{"id": "a", "text": "A refund to the original payment"}, {"id": "b", "text": "Store credit only"}, {"id": "c", "text": "Nothing, it is past 30 days"}],
      "correct": ["a"], "explanation": "Over the holidays the window is 60 days with a receipt."},
     {"id": "q2", "prompt": "Without a receipt, the guest gets...", "kind": "single",
      "options": [{"id": "a", "text": "Cash"}, {"id": "b", "text": "Store credit at the current price"}],
      "correct": ["b"], "explanation": "No receipt means store credit at today''s price."},
     {"id": "q3", "prompt": "Which returns need all accessories in the box?", "kind": "single",
      "options": [{"id": "a", "text": "Clothing"}, {"id": "b", "text": "Opened electronics"}],
      "correct": ["b"], "explanation": "Opened electronics come back complete, within 14 days."}]', 67),
  ('1e000000-0000-4000-8000-000000000003', '0a000000-0000-4000-8000-000000000001',
   'Safe lifting', 'The two-person rule and how to lift without hurting your back.', 2,
   '[{"title": "Check the weight", "body": "Every box has a label. Over 23 kg is always a two-person lift."},
     {"title": "Lift with your legs", "body": "Feet apart, bend your knees, keep the load close, do not twist."}]',
   '[{"id": "q1", "prompt": "A box weighs 25 kg. What do you do?", "kind": "single",
      "options": [{"id": "a", "text": "Lift it quickly"}, {"id": "b", "text": "Ask a colleague to lift it with you"}],
      "correct": ["b"], "explanation": "Anything over 23 kg is a two-person lift."},
     {"id": "q2", "prompt": "Which are good lifting habits?", "kind": "multiple",
      "options": [{"id": "a", "text": "Bend your knees"}, {"id": "b", "text": "Twist while lifting"}, {"id": "c", "text": "Keep the load close"}],
      "correct": ["a", "c"], "explanation": "Bend the knees and keep the load close; never twist under load."}]', 100);

insert into public.pulses (id, org_id, question, scale, allow_comment, opens_at, closes_at) values
  ('9e000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001',
   'How likely are you to recommend working here to a friend?', 'nps_0_10', true,
   now() - interval '1 day', now() + interval '13 days');

-- A few thank-yous, so the kudos walls and the recognition report have something to show.
insert into public.kudos (id, org_id, from_member_id, to_member_id, value_card_id, store_id, message, created_at)
select gen_random_uuid(), '0a000000-0000-4000-8000-000000000001', k.from_id::uuid, k.to_id::uuid, v.id, m.store_id, k.message, now() - k.ago
from (values
  ('3e000000-0000-4000-8000-000000000004', '3e000000-0000-4000-8000-000000000005', 'Guests first',
   'Thanks for opening a till just for the parent with the pram, Sam!', interval '2 days'),
  ('3e000000-0000-4000-8000-000000000005', '3e000000-0000-4000-8000-000000000004', 'Own it',
   'You sorted the jammed receipt printer before anyone asked. Thank you!', interval '1 day'),
  ('3e000000-0000-4000-8000-000000000002', '3e000000-0000-4000-8000-000000000004', 'Guests first',
   'Great job walking a guest to three aisles for the right charger.', interval '5 hours'),
  ('3e000000-0000-4000-8000-000000000006', '3e000000-0000-4000-8000-000000000003', 'Own it',
   'Thanks for staying late to check in the second truck.', interval '3 days')
) as k(from_id, to_id, value_title, message, ago)
join public.value_cards v on v.title = k.value_title and v.org_id = '0a000000-0000-4000-8000-000000000001'
join public.members m on m.id = k.to_id::uuid;
