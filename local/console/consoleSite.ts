import { fileURLToPath } from 'node:url';
import type { Role } from '../../functions/handlers/api/auth/Principal.ts';
import { consoleContentSecurityPolicy } from '../../lib/console/consoleContentSecurityPolicy.ts';
import { serveBuiltFile, type BuiltFolder, type SiteHandler } from '../web/serveBuiltFile.ts';

export type { SiteHandler };

export const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist/', import.meta.url));

const DEMO_USERS: Record<Role, string> = { 'duty-officer': 'officer-demo', manager: 'manager-demo', admin: 'admin-demo' };

/**
 * Script only from this origin, no inline script or style, no framing: an injected string cannot run,
 * and the token in the page's memory cannot be read by code the page did not ship. The same policy the
 * deployed distribution sends.
 */
export const CONSOLE_CSP = consoleContentSecurityPolicy();

const SECURITY_HEADERS = { 'Content-Security-Policy': CONSOLE_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' };

async function buildConsole(outdir: string): Promise<void> {
  const { buildConsole: build } = (await import(new URL('../../console/build.mjs', import.meta.url).href)) as { buildConsole: (o: { outdir: string }) => Promise<string> };
  await build({ outdir });
}

/**
 * The web console on the API's own port, as the local stand-in for its hosting: the built files under
 * /console/, its runtime config.json, and a sign-in that mints a token for a demo role (the local
 * stand-in for the hosted sign-in page; it exists only here).
 */
export function consoleSite(options: { issue: (username: string, groups: Role[]) => Promise<string>; dir?: string; pollMs?: number }): SiteHandler {
  const folder: BuiltFolder = { dir: options.dir ?? CONSOLE_DIST, build: buildConsole };
  return async (req, res, body) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && (path === '/' || path === '/console')) {
      res.writeHead(302, { Location: '/console/' });
      res.end();
      return true;
    }
    if (!path.startsWith('/console/')) return false;
    const name = path.slice('/console/'.length) || 'index.html';
    if (name === 'local-sign-in' && req.method === 'POST') {
      let role: unknown;
      try { role = (JSON.parse(body.toString('utf8')) as { role?: unknown }).role; } catch { role = undefined; }
      if (typeof role !== 'string' || !(role in DEMO_USERS)) {
        res.writeHead(400, { 'Content-Type': 'application/problem+json' });
        res.end(JSON.stringify({ title: 'Invalid request', status: 400, detail: `role must be one of ${Object.keys(DEMO_USERS).join(', ')}` }));
        return true;
      }
      const token = await options.issue(DEMO_USERS[role as Role], [role as Role]);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ token }));
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (name === 'config.json') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ apiBase: '', auth: { kind: 'local', signInUrl: '/console/local-sign-in' }, ...(options.pollMs ? { pollMs: options.pollMs } : {}) }));
      return true;
    }
    return serveBuiltFile(req, res, folder, name, SECURITY_HEADERS);
  };
}
