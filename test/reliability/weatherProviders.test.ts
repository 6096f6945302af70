// Promise attacked (DESIGN.md, failure rules): "Bad or missing forecast data never activates a plan and
// never crashes the poller: it is logged with the provider's words, the next provider is tried, and a
// stale-forecast alarm fires when every provider fails for longer than the plan allows."
// The real axios providers (Open-Meteo, NWS, MET Norway) poll the demo city's four zones against the local
// weather replay server, which times out, answers 500, serves garbage that would read as a blizzard, or
// trickles the body in slower than the timeout. The plan activates automatically: believing garbage would
// open an activation.
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { MetNorwayProvider } from '../../functions/adapters/weather/metno/MetNorwayProvider.ts';
import { NwsProvider } from '../../functions/adapters/weather/nws/NwsProvider.ts';
import { OpenMeteoProvider } from '../../functions/adapters/weather/OpenMeteoProvider.ts';
import type { ForecastProvider } from '../../functions/core/ports/ForecastProvider.ts';
import { pollCity, type PollResult } from '../../functions/core/poll/pollCity.ts';
import { seededDemoCity } from '../support/demoCity.ts';
import { FAULT_REASON, FAULTS, PROVIDERS, startFaultyWeather, type Fault, type FaultyWeather, type ProviderName } from './support/weatherFaults.ts';

const START = '2026-12-14T00:00:00Z';
const TIMEOUT_MS = 120;
const UA = 'snowops-reliability/1.0 (ops@example.org)';

let weather: FaultyWeather | undefined;
afterEach(async () => { await weather?.close(); weather = undefined; });

async function world(planOverrides: Record<string, unknown> = {}) {
  const demo = await seededDemoCity(new Date(START));
  const registry = new DynamoRegistryStore(demo.tables.db, demo.tables.names.REGISTRY_TABLE);
  const plan = { ...demo.city.plan, activationPolicy: 'auto' as const, staleAfterMinutes: 60, ...planOverrides };
  await registry.put({ plan });
  weather = await startFaultyWeather({ start: START, dripEveryMs: 25 });
  const http = { baseUrl: weather.baseUrl, timeoutMs: TIMEOUT_MS, retries: 1, retryBaseMs: 1 };
  const providers = new Map<string, ForecastProvider>([
    ['open-meteo', new OpenMeteoProvider(http, demo.clock)],
    ['nws', new NwsProvider({ ...http, userAgent: UA }, demo.clock)],
    ['met-norway', new MetNorwayProvider({ ...http, userAgent: UA }, demo.clock)],
  ]);
  const zonesFirst = (first: ProviderName) => registry.put({ zones: demo.city.zones.map((z) => ({ ...z, providers: [first, ...PROVIDERS.filter((p) => p !== first)] })) });
  const officerSms = () => demo.deps.sms.sent.filter((s) => s.to === plan.dutyOfficerPhone);
  const poll = async (): Promise<PollResult> => {
    demo.clock.advance(15);
    weather!.startAt(demo.clock.now().toISOString());
    return pollCity({ ...demo.deps, providers });
  };
  return { ...demo, plan, providers, zonesFirst, officerSms, poll };
}

describe('promise: bad or missing forecast data never moves a level, never activates and never crashes the poller', () => {
  it('each provider failing in turn, in each of five ways, is logged in its own words and the next provider is used', async () => {
    const w = await world();
    const attacks: { provider: ProviderName; fault: Fault }[] = PROVIDERS.flatMap((provider) => FAULTS.map((fault) => ({ provider, fault })));
    const outcomes: { attack: string; decision: string; levels: string[]; usedProviders: string[]; failures: { provider: string; reason: string }[]; ms: number }[] = [];

    for (const { provider, fault } of attacks) {
      await w.zonesFirst(provider);
      for (const p of PROVIDERS) weather!.set(p, p === provider ? fault : 'quiet');
      const started = performance.now();
      const result = await w.poll();
      outcomes.push({
        attack: `${provider}: ${fault}`, decision: result.decision, levels: result.zones.map((z) => z.level), usedProviders: result.zones.map((z) => z.provider ?? '-'),
        failures: result.reports.flatMap((r) => r.failures), ms: performance.now() - started,
      });
    }

    const expectedFallback = (p: ProviderName) => PROVIDERS.filter((q) => q !== p)[0]!;
    const levelChanges = outcomes.filter((o) => o.levels.some((l) => l !== 'none')).length;
    const fallbacks = outcomes.filter((o, i) => o.usedProviders.every((u) => u === expectedFallback(attacks[i]!.provider))).length;
    const failuresInOwnWords = outcomes.filter((o, i) => o.failures.length === 4 && o.failures.every((f) => f.provider === attacks[i]!.provider && FAULT_REASON[attacks[i]!.fault].test(f.reason))).length;
    const logged = (await w.deps.log.list('system')).filter((e) => e.action === 'forecast.failed');
    expect({ attacks: attacks.length, levelChanges, fallbacks, failuresInOwnWords, activations: (await w.deps.activations.listActivations(10)).length, failedEntries: logged.length })
      .toEqual({ attacks: 15, levelChanges: 0, fallbacks: 15, failuresInOwnWords: 15, activations: 0, failedEntries: 60 });
    expect(outcomes.map((o) => o.decision)).toEqual(Array(15).fill('none'));
    // A hung or trickling provider costs its timeout, not the poll: four zones stay within a few timeouts.
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(4 * 2 * TIMEOUT_MS + 1500);
  });

  it('every provider failing at once holds the level, never activates, and raises the stale alarm once per outage', async () => {
    const w = await world();
    await w.zonesFirst('open-meteo');
    const decisions: string[] = [];
    const staleEntries = async () => (await w.deps.log.list('system')).filter((e) => e.action === 'forecast.stale').length;
    const outage = async (polls: number, offset: number) => {
      for (let i = 0; i < polls; i++) {
        // A different fault on each provider, rotating every poll.
        PROVIDERS.forEach((p, k) => weather!.set(p, FAULTS[(i + k + offset) % FAULTS.length]!));
        const result = await w.poll();
        decisions.push(result.decision);
        expect(result.zones.map((z) => z.level)).toEqual(['none', 'none', 'none', 'none']);
      }
    };

    await outage(9, 0); // 135 minutes: stale from the fifth poll (60 minutes after the first failure)
    const afterFirst = { officerSms: w.officerSms().length, staleEntries: await staleEntries() };
    for (const p of PROVIDERS) weather!.set(p, 'quiet');
    const recovered = await w.poll();
    await outage(6, 2); // a second outage: the alarm is re-armed and goes once more
    const afterSecond = { officerSms: w.officerSms().length, staleEntries: await staleEntries() };

    const log = await w.deps.log.list('system');
    expect({ afterFirst, afterSecond, recoveredEntries: log.filter((e) => e.action === 'forecast.recovered').length, recoveredWith: recovered.zones.map((z) => z.provider) })
      .toEqual({ afterFirst: { officerSms: 1, staleEntries: 4 }, afterSecond: { officerSms: 2, staleEntries: 8 }, recoveredEntries: 4, recoveredWith: Array(4).fill('open-meteo') });
    expect({ activations: (await w.deps.activations.listActivations(10)).length, failedEntries: log.filter((e) => e.action === 'forecast.failed').length, decisions: new Set(decisions) })
      .toEqual({ activations: 0, failedEntries: 15 * 4 * 3, decisions: new Set(['none', 'held']) });
    expect(w.officerSms().map((s) => s.body)).toEqual([expect.stringContaining('所有天气数据源失败'), expect.stringContaining('所有天气数据源失败')]);
  });

  it('a zone that held level I through an outage of garbage keeps it, and the poller neither downgrades nor upgrades anything', async () => {
    const w = await world({ activationPolicy: 'propose' });
    for (const p of PROVIDERS) weather!.set(p, 'blizzard');
    const before = await w.poll();
    const held: string[][] = [];
    for (let i = 0; i < 5; i++) {
      PROVIDERS.forEach((p, k) => weather!.set(p, FAULTS[(i + k) % FAULTS.length]!));
      held.push((await w.poll()).zones.map((z) => z.level));
    }
    expect({ before: before.zones.map((z) => z.level), held, activations: (await w.deps.activations.listActivations(10)).length })
      .toEqual({ before: ['I', 'I', 'I', 'I'], held: Array(5).fill(['I', 'I', 'I', 'I']), activations: 0 });
  });
});
