/**
 * The one table of screens. An entry is a screen: its address pattern, its
 * label, who may open it, whose tab bar holds it, the screen whose tab shows
 * as current under it (`within`), for whom it is a management tool (`manage`,
 * the wide layout's side-navigation group), its component (loaded on first visit) and
 * its message section (loaded with it, so a screen never shows raw keys). The
 * router (ScreenOutlet), the tab bar, More, the side navigation and the role rules (navigation.ts)
 * all read it; the server still enforces what each role may do.
 *
 * Adding a screen touches its feature folder, one entry here and the two
 * catalogs (its label in en.ts and es.ts, its own words in a section file of
 * ui/i18n/sections), nothing else. Entries are matched in order: a fixed
 * address (/learn/review) before a pattern that would also fit (/learn/:lessonId).
 */
import type { ComponentType } from 'react';
import type { MemberProfile } from '../data/supabase/types';
import { TodayScreen } from '../features/today/TodayScreen';
import type { PlainKey } from '../ui/i18n/messages';
import type { SectionMessagesModule } from '../ui/i18n/types';
import type { Params } from '../ui/router/match';

export type Role = MemberProfile['role'];
/** A role, or 'unknown' before the first sync says who this is. */
export type Viewer = Role | 'unknown';
export type ScreenComponent = ComponentType<{ params: Params }>;

interface ScreenBase {
  path: string;
  /** On the tab bar and in More; a screen without one is reached from another screen or a link. */
  label?: PlainKey;
  roles: readonly Role[];
  /** Who has it on the tab bar; a labelled screen a role may open but not on its bar is listed in More. */
  bar?: readonly Viewer[];
  /** The screen whose tab shows as current while this one is open. */
  within?: string;
  /** The roles for whom it is a tool for running the team: the wide layout's side navigation lists it under "Manage" for them, under "Daily" for the rest. */
  manage?: readonly Role[];
}

/** The start screen is in the first download; every other one loads on first visit, with its messages. */
export type ScreenEntry = ScreenBase &
  (
    | { component: ScreenComponent; load?: never; messages?: never }
    | { component?: never; load(): Promise<ScreenComponent>; messages?(): Promise<SectionMessagesModule> }
  );

export const EVERYONE: readonly Role[] = ['staff', 'manager', 'hr', 'admin'];
const MANAGERS: readonly Role[] = ['manager', 'hr', 'admin'];
const AUTHORS: readonly Role[] = ['hr', 'admin'];

const compose = () => import('../features/compose/ComposeScreen');
const composeMessages = () => import('../ui/i18n/sections/compose');
const learn = () => import('../features/learn/LearnScreen');
const learnMessages = () => import('../ui/i18n/sections/learn');
const voice = () => import('../features/voice/VoiceScreen');
const voiceMessages = () => import('../ui/i18n/sections/voice');
const admin = () => import('../features/admin/AdminScreens');
const adminMessages = () => import('../ui/i18n/sections/admin');

const activateMessages = () => import('../ui/i18n/sections/activate');
const insightsMessages = () => import('../ui/i18n/sections/insights');
const pending = () => import('../features/insights/PendingScreen');

export const SCREENS = {
  today: { path: '/today', label: 'app.tab.today', roles: EVERYONE, bar: [...EVERYONE, 'unknown'], component: TodayScreen },
  briefings: {
    path: '/briefings',
    label: 'app.tab.briefings',
    roles: MANAGERS,
    bar: MANAGERS,
    manage: MANAGERS,
    load: () => compose().then((m) => m.BriefingListScreen),
    messages: composeMessages,
  },
  briefingNew: {
    path: '/briefings/new',
    roles: MANAGERS,
    within: 'briefings',
    load: () => compose().then((m) => m.NewBriefingScreen),
    messages: composeMessages,
  },
  briefing: { path: '/briefings/:id', roles: EVERYONE, within: 'today', load: () => import('../features/today/BriefingScreen').then((m) => m.BriefingScreen) },
  briefingEdit: {
    path: '/briefings/:id/edit',
    roles: MANAGERS,
    within: 'briefings',
    load: () => compose().then((m) => m.EditBriefingScreen),
    messages: composeMessages,
  },
  briefingStatus: {
    path: '/briefings/:id/status',
    roles: MANAGERS,
    within: 'briefings',
    load: () => compose().then((m) => m.BriefingStatusScreen),
    messages: composeMessages,
  },
  values: {
    path: '/values',
    label: 'app.tab.values',
    roles: EVERYONE,
    bar: ['staff'],
    load: () => import('../features/values/ValuesScreen').then((m) => m.ValuesScreen),
    messages: () => import('../ui/i18n/sections/values'),
  },
  learn: { path: '/learn', label: 'app.tab.learn', roles: EVERYONE, bar: ['staff'], load: () => learn().then((m) => m.LearnScreen), messages: learnMessages },
  review: { path: '/learn/review', roles: EVERYONE, within: 'learn', load: () => learn().then((m) => m.ReviewScreen), messages: learnMessages },
  trainingReport: { path: '/learn/report', roles: MANAGERS, within: 'learn', load: () => learn().then((m) => m.TrainingReportScreen), messages: learnMessages },
  lessonNew: { path: '/learn/new', roles: AUTHORS, within: 'learn', load: () => learn().then((m) => m.LessonEditorScreen), messages: learnMessages },
  lesson: { path: '/learn/:lessonId', roles: EVERYONE, within: 'learn', load: () => learn().then((m) => m.LessonScreen), messages: learnMessages },
  lessonEdit: {
    path: '/learn/:lessonId/edit',
    roles: AUTHORS,
    within: 'learn',
    load: () => learn().then((m) => m.LessonEditorScreen),
    messages: learnMessages,
  },
  // A manager's Voice opens on the inbox of their stores' feedback: a management tool, staff's is their own say.
  voice: {
    path: '/voice',
    label: 'app.tab.voice',
    roles: EVERYONE,
    bar: EVERYONE,
    manage: MANAGERS,
    load: () => voice().then((m) => m.VoiceScreen),
    messages: voiceMessages,
  },
  // Inbox, board, my feedback, pulses...: VoiceScreen knows which parts each person has.
  voicePart: { path: '/voice/:part', roles: EVERYONE, within: 'voice', load: () => voice().then((m) => m.VoiceScreen), messages: voiceMessages },
  reports: {
    path: '/reports',
    label: 'app.tab.insights',
    roles: MANAGERS,
    bar: MANAGERS,
    manage: MANAGERS,
    load: () => import('../features/insights/InsightsScreen').then((m) => m.InsightsScreen),
    messages: insightsMessages,
  },
  // Who has not acknowledged a briefing (#13 item 4), in all the viewer's stores or one; the server refuses another's store.
  pendingPeople: {
    path: '/reports/briefings/:id/pending',
    roles: MANAGERS,
    within: 'reports',
    load: () => pending().then((m) => m.PendingScreen),
    messages: insightsMessages,
  },
  pendingStore: {
    path: '/reports/briefings/:id/stores/:storeId',
    roles: MANAGERS,
    within: 'reports',
    load: () => pending().then((m) => m.PendingScreen),
    messages: insightsMessages,
  },
  // Roster import (#12 item 2): HR for the organisation, a manager for staff of their stores (the server decides).
  rosterImport: {
    path: '/roster-import',
    label: 'app.tab.rosterImport',
    roles: MANAGERS,
    manage: MANAGERS,
    load: () => import('../features/roster/RosterImportScreen').then((m) => m.RosterImportScreen),
    messages: () => import('../ui/i18n/sections/roster'),
  },
  // Stores, departments and people (#12): managers have their stores' people, HR the organisation, its stores and departments and the admin log.
  people: {
    path: '/people',
    label: 'app.tab.people',
    roles: MANAGERS,
    manage: MANAGERS,
    load: () => admin().then((m) => m.PeopleScreen),
    messages: adminMessages,
  },
  personNew: { path: '/people/new', roles: MANAGERS, within: 'people', load: () => admin().then((m) => m.PersonScreen), messages: adminMessages },
  person: { path: '/people/:id', roles: MANAGERS, within: 'people', load: () => admin().then((m) => m.PersonScreen), messages: adminMessages },
  stores: {
    path: '/stores',
    label: 'app.tab.stores',
    roles: AUTHORS,
    manage: AUTHORS,
    load: () => admin().then((m) => m.StoresScreen),
    messages: adminMessages,
  },
  storeNew: { path: '/stores/new', roles: AUTHORS, within: 'stores', load: () => admin().then((m) => m.StoreScreen), messages: adminMessages },
  store: { path: '/stores/:id', roles: AUTHORS, within: 'stores', load: () => admin().then((m) => m.StoreScreen), messages: adminMessages },
  departments: {
    path: '/departments',
    label: 'app.tab.departments',
    roles: AUTHORS,
    manage: AUTHORS,
    load: () => admin().then((m) => m.DepartmentsScreen),
    messages: adminMessages,
  },
  adminLog: {
    path: '/admin-log',
    label: 'app.tab.adminLog',
    roles: AUTHORS,
    manage: AUTHORS,
    load: () => admin().then((m) => m.AdminLogScreen),
    messages: adminMessages,
  },
  // Activation (#12 item 3): /activate is what a signed-out phone shows at that address too (App.tsx); the sheet is
  // reached by its address or a link, its QR library loaded only there.
  activate: {
    path: '/activate',
    roles: EVERYONE,
    load: () => import('../features/activate/ActivateScreen').then((m) => m.ActivateScreen),
    messages: activateMessages,
  },
  activationSheet: {
    path: '/activation-sheet',
    roles: MANAGERS,
    // Reached from People: the navigation marks People (More on the phone), not nothing or Today.
    within: 'people',
    load: () => import('../features/activate/ActivationSheetScreen').then((m) => m.ActivationSheetScreen),
    messages: activateMessages,
  },
  account: {
    path: '/account',
    label: 'app.tab.account',
    roles: EVERYONE,
    bar: ['staff', 'unknown'],
    load: () => import('../features/account/AccountScreen').then((m) => m.AccountScreen),
  },
  more: { path: '/more', label: 'app.tab.more', roles: MANAGERS, bar: MANAGERS, load: () => import('./MoreScreen').then((m) => m.MoreScreen) },
} as const satisfies Record<string, ScreenEntry>;

export type ScreenId = keyof typeof SCREENS;
export const SCREEN_IDS = Object.keys(SCREENS) as ScreenId[];
