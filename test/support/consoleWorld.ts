import { inject } from 'vitest';
import { buildLocalApi, type LocalApi } from '../../local/api/buildLocalApi.ts';
import { localUploadSite } from '../../local/citizen/localUploadSite.ts';
import { startApiServer, type ApiServer } from '../../local/api/startApiServer.ts';
import { consoleSite, type SiteHandler } from '../../local/console/consoleSite.ts';
import { combineSites } from '../../local/web/serveBuiltFile.ts';
import { freePort } from '../../local/dynamo/startDynamoLocal.ts';
import type { CityFile } from '../../local/city/cityFileSchema.ts';
import { demoCityInMemory, seededDemoCity } from './demoCity.ts';
import { memoryApiStores } from './apiHarness.ts';
import type { SmsPace } from '../../functions/core/dispatch/SmsPace.ts';

/**
 * The console as `npm run serve` serves it (API and console on one port, the demo roles' sign-in) over
 * the demo city on DynamoDB Local, or on the in-memory twins (`storage: 'memory'`, held to the DynamoDB adapters by
 * the contract suites) for a test of what the page shows and does, polling every `pollMs` so that a test sees a
 * change within seconds. `stop` and `restart` take the server down and bring it back on the same port. `sites` are
 * served beside the console (the report page).
 */
export async function consoleWorld(options: { pollMs?: number; city?: CityFile; start?: Date; sites?: SiteHandler[]; smsPace?: SmsPace; storage?: 'dynamo' | 'memory' } = {}) {
  const seeded = options.storage === 'memory' ? await demoCityInMemory(options.start, options.city) : await seededDemoCity(options.start, options.city);
  const storage = 'registryData' in seeded ? { stores: memoryApiStores(seeded.registryData) } : { dynamoEndpoint: inject('dynamoEndpoint'), tableNames: seeded.tables.names };
  // What the API logged as an unexpected error (a 500, a failed planning run), with its cause, for a test to show.
  const serverErrors: string[] = [];
  const logger = { error: (message: string, details?: unknown) => { serverErrors.push(`${message}: ${JSON.stringify(details)}`); } };
  // With a pace, previews and waves say how long their SMS take at it (as `npm start`'s runtime does).
  const api: LocalApi = await buildLocalApi({ ...storage, deps: options.smsPace ? { ...seeded.deps, smsPace: options.smsPace } : seeded.deps, logger });
  const port = await freePort();
  const site = combineSites(consoleSite({ issue: (user, groups) => api.authenticator.issue(user, groups), pollMs: options.pollMs ?? 1000 }), ...(options.sites ?? []), localUploadSite(api.photos));
  let server: ApiServer | undefined = await startApiServer(api.handler, { port, site, publicApi: api });
  const url = server.url;
  // As `npm run serve` does: reporters' SMS link to the page on this origin.
  api.setOrigin(url);
  async function call(method: string, path: string, as: keyof LocalApi['tokens'], body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${url}${path}`, { method, headers: { Authorization: `Bearer ${api.tokens[as]}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    // An activation's wave is planned after the answer; the arrange steps of these tests want it booked.
    await api.planning.idle();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }
  return {
    ...seeded,
    api,
    url,
    consoleUrl: `${url}/console/`,
    call,
    serverErrors,
    stop: async () => { await server?.close(); server = undefined; },
    restart: async () => { server = await startApiServer(api.handler, { port, site, publicApi: api }); },
    close: async () => { await server?.close(); await api.planning.idle(); api.close(); },
  };
}

export type ConsoleWorld = Awaited<ReturnType<typeof consoleWorld>>;
