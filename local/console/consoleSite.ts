import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Role } from '../../functions/handlers/api/auth/Principal.ts';

/** Serves one non-API request; false when the request is not the site's (the API takes it). */
export type SiteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<boolean>;

export const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist/', import.meta.url));

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };
const DEMO_USERS: Record<Role, string> = { 'duty-officer': 'officer-demo', manager: 'manager-demo', admin: 'admin-demo' };

/**
 * Script only from this origin, no inline script or style, no framing: an injected string cannot run,
 * and the token in the page's memory cannot be read by code the page did not ship.
 */
export const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SECURITY_HEADERS = { 'Content-Security-Policy': CONSOLE_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' };

async function ensureBuilt(dir: string): Promise<void> {
  if (await stat(`${dir}/index.html`).then(() => true, () => false)) return;
  // `npm ci` builds it (the "prepare" script); a checkout that skipped install scripts builds it here once.
  const { buildConsole } = (await import(new URL('../../console/build.mjs', import.meta.url).href)) as { buildConsole: (o: { outdir: string }) => Promise<string> };
  await buildConsole({ outdir: dir });
}

/**
 * The web console on the API's own port, as the local stand-in for its hosting: the built files under
 * /console/, its runtime config.json, and a sign-in that mints a token for a demo role (the local
 * stand-in for the hosted sign-in page; it exists only here).
 */
export function consoleSite(options: { issue: (username: string, groups: Role[]) => Promise<string>; dir?: string; pollMs?: number }): SiteHandler {
  const dir = options.dir ?? CONSOLE_DIST;
  let built: Promise<void> | undefined;
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
    if (!/^[\w-]+\.(html|js|css|png|svg)$/.test(name)) return false;
    built ??= ensureBuilt(dir);
    await built;
    const file = await readFile(`${dir}/${name}`).catch(() => undefined);
    if (!file) return false;
    res.writeHead(200, { 'Content-Type': TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', 'Content-Length': String(file.length), ...SECURITY_HEADERS });
    res.end(req.method === 'HEAD' ? undefined : file);
    return true;
  };
}
