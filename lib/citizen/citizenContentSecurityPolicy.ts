/**
 * The report page's Content-Security-Policy, locally (local/citizen/citizenSite.ts) and deployed (the
 * distribution's /report/* behaviour): script and style from this origin only, no inline script, no framing;
 * the map is drawn in the page (SVG), so nothing is loaded from elsewhere. Fetches go to this origin and,
 * deployed, to the photo bucket a presigned upload PUTs to.
 */
export function citizenContentSecurityPolicy(uploadOrigins: readonly string[] = []): string {
  const connect = ["'self'", ...uploadOrigins].join(' ');
  return `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src ${connect}; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
}

/** Location is asked of the phone only when the reporter taps the button; no camera or microphone from the page. */
export const CITIZEN_PERMISSIONS_POLICY = 'geolocation=(self), camera=(), microphone=()';
