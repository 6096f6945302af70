import { fileURLToPath } from 'node:url';
import { CITIZEN_PERMISSIONS_POLICY, citizenContentSecurityPolicy } from '../../lib/citizen/citizenContentSecurityPolicy.ts';
import { serveBuiltFile, type BuiltFolder, type SiteHandler } from '../web/serveBuiltFile.ts';

export const CITIZEN_WEB_DIST = fileURLToPath(new URL('../../citizen-web/dist/', import.meta.url));

/** Locally, uploads go to this origin too (local/citizen/localUploadSite.ts). */
export const CITIZEN_CSP = citizenContentSecurityPolicy();

const HEADERS = { 'Content-Security-Policy': CITIZEN_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY', 'Permissions-Policy': CITIZEN_PERMISSIONS_POLICY };

async function buildCitizenWeb(outdir: string): Promise<void> {
  const { buildCitizenWeb: build } = (await import(new URL('../../citizen-web/build.mjs', import.meta.url).href)) as { buildCitizenWeb: (o: { outdir: string }) => Promise<string> };
  await build({ outdir });
}

/**
 * The public report page on the API's own port (the local stand-in for its hosting): /report/ is the form,
 * /report/status.html?case=…#key the reporter's own page (the path the SMS links point to).
 */
export function citizenSite(options: { dir?: string } = {}): SiteHandler {
  const folder: BuiltFolder = { dir: options.dir ?? CITIZEN_WEB_DIST, build: buildCitizenWeb };
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path === '/report') {
      res.writeHead(302, { Location: '/report/' });
      res.end();
      return true;
    }
    if (!path.startsWith('/report/')) return false;
    return serveBuiltFile(req, res, folder, path.slice('/report/'.length) || 'index.html', HEADERS);
  };
}
