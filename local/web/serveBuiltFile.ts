import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Serves one non-API request; false when the request is not the site's (the API takes it). */
export type SiteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<boolean>;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** A page folder built by its own script (`npm ci` runs it); a checkout that skipped install scripts builds it on first request. */
export interface BuiltFolder {
  dir: string;
  build(outdir: string): Promise<unknown>;
}

const builds = new Map<string, Promise<void>>();

function ensureBuilt(folder: BuiltFolder): Promise<void> {
  let done = builds.get(folder.dir);
  if (!done) {
    done = stat(`${folder.dir}/index.html`).then(() => undefined, async () => { await folder.build(folder.dir); });
    builds.set(folder.dir, done);
  }
  return done;
}

/**
 * Writes one built file (a plain name: letters, digits, dash, underscore and a known extension) with the
 * given headers; false when there is no such file, so the request falls through to the API.
 */
export async function serveBuiltFile(req: IncomingMessage, res: ServerResponse, folder: BuiltFolder, name: string, headers: Record<string, string>): Promise<boolean> {
  if (!/^[\w-]+\.(html|js|css|png|svg)$/.test(name)) return false;
  await ensureBuilt(folder);
  const file = await readFile(`${folder.dir}/${name}`).catch(() => undefined);
  if (!file) return false;
  res.writeHead(200, { 'Content-Type': TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', 'Content-Length': String(file.length), ...headers });
  res.end(req.method === 'HEAD' ? undefined : file);
  return true;
}

/** Several sites on one port: the first that takes a request serves it. */
export function combineSites(...sites: SiteHandler[]): SiteHandler {
  return async (req, res, body) => {
    for (const site of sites) if (await site(req, res, body)) return true;
    return false;
  };
}
