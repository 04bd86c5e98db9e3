/** Where the integration suite finds the API and the database it checks. */
export interface ApiEnv {
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  databaseUrl: string;
  jwtSecret: string;
}
