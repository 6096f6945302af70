/**
 * The provider's own words from an error body: RFC 7807 problem+json (NWS: title and detail; QWeather: the same under
 * "error"), Open-Meteo's
 * {"error": true, "reason"}, MET Norway's or a proxy's HTML page (its <title>), else the first characters.
 */
export function describeErrorBody(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'empty body';
  try {
    const parsed = JSON.parse(trimmed) as Record<string, unknown>;
    // QWeather nests its problem details under "error".
    const body = parsed && typeof parsed.error === 'object' && parsed.error !== null ? (parsed.error as Record<string, unknown>) : parsed;
    if (body && typeof body === 'object') {
      if (typeof body.title === 'string' || typeof body.detail === 'string') {
        return [body.title, body.detail].filter((s) => typeof s === 'string' && s.length > 0).join(': ');
      }
      if (typeof body.reason === 'string') return body.reason;
      if (typeof body.message === 'string') return body.message;
    }
  } catch {
    // not JSON: fall through to HTML / text
  }
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
  if (title) return `HTML page "${title.replace(/\s+/g, ' ').slice(0, 100)}"`;
  return snippet(trimmed);
}

/** The first characters of a body, on one line. */
export function snippet(text: string, length = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length)}…` : line;
}
