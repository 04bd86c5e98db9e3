/**
 * How long the texts people type may be, as the server stores them: the CHECK
 * constraints and req_text(...) caps in supabase/migrations are the truth, and
 * tests/integration/text-limits.test.ts holds these numbers to them. The
 * validators, the forms' maxLength and counters, and the words ("at most {max}
 * characters") all read them from here. Values cards and lessons keep theirs
 * beside their drafts (VALUE_CARD_LIMITS, LESSON_LIMITS), held to the server
 * by the same test.
 */
export const LIMITS = {
  briefingTitle: 200,
  briefingBody: 20_000,
  feedbackBody: 4_000,
  kudosMessage: 500,
  pulseQuestion: 500,
  pulseComment: 1_000,
} as const;

/**
 * Stores, departments and people as the admin calls take them (#12): the CHECK
 * constraints on public.stores, public.departments and public.members, which the
 * admin functions apply before writing; text-limits.test.ts holds them together.
 */
export const ADMIN_LIMITS = {
  storeName: 200,
  storeCode: 32,
  storeRegion: 120,
  departmentName: 200,
  personName: 120,
  employeeId: 32,
  email: 254,
  phone: 32,
  /** The reason given when deactivating or reactivating someone. */
  activeReason: 500,
} as const;
