/**
 * The console's Content-Security-Policy, locally (local/console/consoleSite.ts) and deployed (the
 * distribution's response headers policy): scripts and styles from this origin only, no inline script,
 * no eval, so an injected string (a road name, a crew's reply) cannot run; fetches go to this origin
 * (the API shares it) and to the sign-in issuer's token endpoint.
 */
export function consoleContentSecurityPolicy(signInOrigins: readonly string[] = []): string {
  const connect = ["'self'", ...signInOrigins].join(' ');
  return `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src ${connect}; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
}
