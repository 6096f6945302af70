import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { SystemClock } from '../functions/adapters/system/SystemClock.ts';
import { buildLocalApi } from './api/buildLocalApi.ts';
import { startApiServer } from './api/startApiServer.ts';
import { citizenSite } from './citizen/citizenSite.ts';
import { localUploadSite } from './citizen/localUploadSite.ts';
import { consoleSite } from './console/consoleSite.ts';
import { combineSites } from './web/serveBuiltFile.ts';
import { startLocalRuntime } from './runtime/startLocalRuntime.ts';

/** Where `npx snowops import` finds this runtime's DynamoDB Local and tables while it runs. */
const LOCAL_RUNTIME_FILE = '.snowops/local-runtime.json';

// The weather replay server needs a file; nothing polls it here, so no storm is scripted.
const IDLE_FORECAST = fileURLToPath(new URL('./storms/jiaozuo-2026-12-blizzard.openmeteo.json', import.meta.url));

const program = new Command()
  .name('npm run serve --')
  .description('Serves the snowops HTTP API on localhost ($PORT, default 3000) over DynamoDB Local with the demo city seeded; no storm runs.')
  .option('--city-file <file>', 'a city file (plan, zones, roads, crews, vehicles)')
  .option('--outbox <file>', 'where SMS sent by activations are written, one JSON per line', '.snowops/serve-outbox.jsonl');

function portFromEnv(): number {
  const raw = process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  program.parse();
  const opts = program.opts<{ cityFile?: string; outbox: string }>();
  const port = portFromEnv();
  await mkdir(dirname(opts.outbox), { recursive: true });
  const runtime = await startLocalRuntime({ clock: new SystemClock(), outboxFile: opts.outbox, forecastFile: IDLE_FORECAST, cityFile: opts.cityFile });
  let api: Awaited<ReturnType<typeof buildLocalApi>> | undefined;
  let server: Awaited<ReturnType<typeof startApiServer>> | undefined;
  const stop = async (code: number) => {
    await server?.close().catch(() => {});
    // A wave being planned finishes before DynamoDB Local goes.
    await api?.planning.idle();
    api?.close();
    await rm(LOCAL_RUNTIME_FILE, { force: true });
    await runtime.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  try {
    api = await buildLocalApi({ deps: runtime.deps, dynamoEndpoint: runtime.dynamoEndpoint, tableNames: runtime.tableNames, secret: process.env.SNOWOPS_JWT_SECRET });
    const { authenticator } = api;
    server = await startApiServer(api.handler, { port, site: combineSites(consoleSite({ issue: (user, groups) => authenticator.issue(user, groups) }), citizenSite(), localUploadSite(api.photos)), publicApi: api }).catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'EADDRINUSE' ? `port ${port} is in use; set PORT to a free one, e.g. PORT=3001 npm run serve` : error.message);
    });
    api.setOrigin(server.url);
  } catch (error) {
    console.error(`snowops: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
    return;
  }
  await mkdir(dirname(LOCAL_RUNTIME_FILE), { recursive: true });
  await writeFile(LOCAL_RUNTIME_FILE, `${JSON.stringify({ dynamoEndpoint: runtime.dynamoEndpoint, tableNames: runtime.tableNames, api: server.url }, null, 2)}\n`);
  const { city } = runtime;
  console.log(`snowops API listening on ${server.url}`);
  console.log(`  Console: ${server.url}/console/ (sign in as a demo role)`);
  console.log(`  Report page (citizens, no account): ${server.url}/report/`);
  console.log(`  ${city.plan.city}: ${city.zones.length} zones, ${city.roads.length} roads, ${city.crews.length} crews, ${city.vehicles.length} vehicles; no storm scripted`);
  console.log(`  OpenAPI: ${server.url}/openapi.json (no token needed); SMS outbox: ${opts.outbox}`);
  console.log(`  Open311 GeoReport v2: ${server.url}/open311/discovery.json, ${server.url}/open311/v2/services.xml (no token needed)`);
  console.log(`\nTokens (valid 12 h):`);
  console.log(`  duty officer (officer-demo): ${api.tokens.officer}`);
  console.log(`  manager      (manager-demo): ${api.tokens.manager}`);
  console.log(`  admin        (admin-demo):   ${api.tokens.admin}`);
  console.log(`\nTry:\n  export SNOWOPS_API=${server.url} SNOWOPS_TOKEN=${api.tokens.officer}\n  npx snowops status\n  curl -H "Authorization: Bearer $SNOWOPS_TOKEN" ${server.url}/status\n\nCtrl-C stops the server and DynamoDB Local.`);
}

main().catch((error: unknown) => {
  console.error(`snowops: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
