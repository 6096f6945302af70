import type { ReplayRoute } from './startWeatherServer.ts';

/**
 * api.weather.gov as recorded: /points/{lat},{lon} → the grid (its forecastGridData pointing back at this
 * server), /gridpoints/{wfo}/{x},{y} → raw layers, /alerts/active → CAP alerts. Bodies are served as
 * application/geo+json; an unknown path answers problem+json like the real API.
 */
export function nwsRoutes(bodies: { points: string; grid: string; alerts?: string }): ReplayRoute {
  const geo = { 'content-type': 'application/geo+json' };
  return (req, url) => {
    if (!req.headers['user-agent']) {
      return { status: 403, headers: { 'content-type': 'text/html' }, body: '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY>You don\'t have permission to access this resource.</BODY></HTML>' };
    }
    if (url.pathname.startsWith('/points/')) return { status: 200, headers: geo, body: bodies.points };
    if (url.pathname.startsWith('/gridpoints/')) return { status: 200, headers: geo, body: bodies.grid };
    if (url.pathname === '/alerts/active') {
      return { status: 200, headers: geo, body: bodies.alerts ?? JSON.stringify({ type: 'FeatureCollection', features: [], title: 'Current watches, warnings, and advisories' }) };
    }
    return undefined;
  };
}

/**
 * MET Norway locationforecast 2.0 compact as recorded, with its caching headers: Last-Modified and
 * Expires, and 304 Not Modified to a matching If-Modified-Since. No User-Agent → 403, as the real API.
 */
export function metNorwayRoute(body: string, headers: { lastModified: string; expires?: string }): ReplayRoute {
  return (req, url) => {
    if (url.pathname !== '/weatherapi/locationforecast/2.0/compact') return undefined;
    if (!req.headers['user-agent']) return { status: 403, headers: { 'content-type': 'text/plain' }, body: '403 Forbidden: identify yourself with a User-Agent (see https://api.met.no/doc/TermsOfService)' };
    const caching = { 'last-modified': headers.lastModified, ...(headers.expires ? { expires: headers.expires } : {}) };
    if (req.headers['if-modified-since'] === headers.lastModified) return { status: 304, headers: caching, body: '' };
    return { status: 200, headers: caching, body };
  };
}
