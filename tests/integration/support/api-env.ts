import type { JWK } from 'jose';

/** Where the integration suite finds the API and the database it checks. */
export interface ApiEnv {
  apiUrl: string;
  /** The anon key (legacy JWT) or the publishable key (`sb_publishable_...`). */
  anonKey: string;
  /** The service_role key (legacy JWT) or a secret key (`sb_secret_...`). */
  serviceRoleKey: string;
  databaseUrl: string;
  /** The legacy HS256 secret; null when the project signs with a key pair and it is not given. */
  jwtSecret: string | null;
  /** The private signing key (JWK) of a project with asymmetric keys, when it is known. */
  signingJwk: JWK | null;
}
