/** How this console signs in: the local runtime's demo roles, or any OIDC issuer (Cognito's hosted UI by default). */
export type AuthConfig =
  | { kind: 'local'; signInUrl: string }
  | { kind: 'oidc'; authorizationEndpoint: string; tokenEndpoint: string; clientId: string; scope: string; logoutEndpoint?: string };

/** Read at run time from config.json beside the page, so one build serves every stage and issuer. */
export interface ConsoleConfig {
  /** Where the API is; '' when it is this page's own origin. */
  apiBase: string;
  auth: AuthConfig;
  /** Milliseconds between polls (at most 15 s). */
  pollMs?: number;
}

export class ConfigError extends Error {}

export async function loadConfig(): Promise<ConsoleConfig> {
  const res = await fetch('config.json', { cache: 'no-store' });
  if (!res.ok) throw new ConfigError(`config.json answered ${res.status}`);
  const config = (await res.json()) as ConsoleConfig;
  if (typeof config.apiBase !== 'string' || !config.auth || (config.auth.kind !== 'local' && config.auth.kind !== 'oidc')) {
    throw new ConfigError('config.json must name apiBase and auth.kind ("local" or "oidc")');
  }
  return config;
}
