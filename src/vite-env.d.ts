/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_SUPABASE_URL?: string;
  readonly VITE_SUPABASE_ANON_KEY?: string;
  readonly VITE_SYNC_BATCH_SIZE?: string;
  /** A name for this build (release, commit), shown in the Account screen. */
  readonly VITE_APP_BUILD?: string;
  /** The server's VAPID public key (base64url); without it the app offers no notifications. */
  readonly VITE_VAPID_PUBLIC_KEY?: string;
}
