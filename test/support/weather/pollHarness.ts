import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxSmsSender } from '../../../functions/adapters/sms/OutboxSmsSender.ts';
import { MetNorwayProvider } from '../../../functions/adapters/weather/metno/MetNorwayProvider.ts';
import { NwsProvider } from '../../../functions/adapters/weather/nws/NwsProvider.ts';
import { OpenMeteoProvider } from '../../../functions/adapters/weather/OpenMeteoProvider.ts';
import { InlineDispatch } from '../../../functions/core/dispatch/InlineDispatch.ts';
import type { DispatchRequest } from '../../../functions/core/ports/DispatchRequests.ts';
import type { ReadyPlanRequest } from '../../../functions/core/ports/ReadyPlanRequests.ts';
import type { PlanningRequest } from '../../../functions/core/ports/PlanningRequests.ts';
import type { ForecastProvider } from '../../../functions/core/ports/ForecastProvider.ts';
import type { CityPlan } from '../../../functions/core/registry/CityPlan.ts';
import { loadCityFile } from '../../../local/city/loadCityFile.ts';
import { buildWorld } from '../buildWorld.ts';
import { startScriptedServer, type ScriptedServer } from './scriptedServer.ts';

export const STORM_START = '2026-12-14T00:00:00Z';

/**
 * The demo city on the in-memory twins (held to the DynamoDB adapters by the contract suites; or fresh DynamoDB Local
 * tables, `storage: 'dynamo'`), every provider (real axios clients, tiny retry delays) pointed at one scripted localhost
 * server, SMS to an outbox file, and a clock the test moves.
 */
export async function pollHarness(options: { plan?: Partial<CityPlan>; zoneProviders?: string[]; start?: string; storage?: 'dynamo' | 'memory' } = {}) {
  const city = await loadCityFile();
  const plan = { ...city.plan, ...options.plan };
  const zones = city.zones.map((z) => ({ ...z, providers: options.zoneProviders ?? z.providers }));
  const worldOptions = { city: { ...city, plan, zones }, start: options.start ?? STORM_START };
  const world = options.storage === 'dynamo' ? await buildWorld('dynamo', worldOptions) : await buildWorld('memory', worldOptions);
  const { clock } = world;
  const server: ScriptedServer = await startScriptedServer();
  const http = { baseUrl: server.baseUrl, timeoutMs: 300, retries: 1, retryBaseMs: 1 };
  const providers = new Map<string, ForecastProvider>([
    ['open-meteo', new OpenMeteoProvider(http, clock)],
    ['nws', new NwsProvider({ ...http, userAgent: 'snowops-test/1.0 (ops@example.org)' }, clock)],
    ['met-norway', new MetNorwayProvider({ ...http, userAgent: 'snowops-test/1.0 (ops@example.org)' }, clock)],
  ]);
  const sms = new OutboxSmsSender(join(mkdtempSync(join(tmpdir(), 'snowops-poll-')), 'outbox.jsonl'), clock);
  const deps = { ...world.deps, sms, providers };
  return { deps, server, clock, plan, city: { ...city, plan, zones }, officerSms: () => sms.sent.filter((s) => s.to === plan.dutyOfficerPhone), close: () => server.close() };
}

/**
 * The poller as deployed, on the twins: its planning requests (waves, the plan kept ready) kept (the queue to the planning worker) and its dispatch
 * requests counted, then sent in this process. `worker` is the planning worker's deps (dispatch sent in this process).
 */
export async function pollerWithWorker(options: Parameters<typeof pollHarness>[0] = {}) {
  const h = await pollHarness(options);
  const requested: PlanningRequest[] = [];
  const readyRequested: ReadyPlanRequest[] = [];
  const dispatched: DispatchRequest[] = [];
  const inline = new InlineDispatch(h.deps);
  const dispatch = { request: (r: DispatchRequest) => { dispatched.push(r); return inline.request(r); } };
  const deps = { ...h.deps, dispatch, planning: { request: async (r: PlanningRequest) => { requested.push(r); }, keepReady: async (r: ReadyPlanRequest) => { readyRequested.push(r); } } };
  const worker = { ...h.deps, dispatch: inline };
  return { ...h, deps, worker, requested, readyRequested, dispatched };
}
