import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenMeteoProvider } from '../../functions/adapters/weather/OpenMeteoProvider.ts';
import { pollCity } from '../../functions/core/poll/pollCity.ts';
import { openMeteoRoute, startWeatherServer, type WeatherServer } from '../../local/weather/startWeatherServer.ts';
import { demoCityInMemory } from '../support/demoCity.ts';

const STORM = fileURLToPath(new URL('../../local/storms/jiaozuo-2026-12-blizzard.openmeteo.json', import.meta.url));

let server: WeatherServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function pollWith(body: string) {
  const city = await demoCityInMemory();
  server = await startWeatherServer([openMeteoRoute(body)]);
  const providers = new Map([['open-meteo', new OpenMeteoProvider({ baseUrl: server.baseUrl, timeoutMs: 2000 }, city.deps.clock)]]);
  const result = await pollCity({ ...city.deps, providers });
  const failures = (await city.deps.log.list('system')).filter((e) => e.action === 'forecast.failed');
  const open = await city.deps.activations.getOpenActivation();
  return { result, failures, open };
}

describe('the poller given a bad Open-Meteo forecast over HTTP (on the in-memory twins)', () => {
  it('logs a body that is not JSON as a failed poll and changes no level', async () => {
    const { result, failures, open } = await pollWith('<html><body>502 Bad Gateway</body></html>');
    expect(result.cityLevel).toBe('none');
    expect(open).toBeUndefined();
    expect(failures[0]?.reason).toMatch(/not JSON/);
  });

  it('logs a forecast without the hourly arrays as failed, naming what is missing', async () => {
    const { result, failures } = await pollWith(JSON.stringify({ latitude: 35.2, longitude: 113.2, utc_offset_seconds: 0, hourly_units: { time: 'iso8601', snowfall: 'cm' } }));
    expect(result.cityLevel).toBe('none');
    expect(failures[0]?.reason).toMatch(/hourly/);
  });

  it('logs arrays of different lengths as failed, with both lengths', async () => {
    const storm = JSON.parse(await readFile(STORM, 'utf8'));
    storm.hourly.snowfall = storm.hourly.snowfall.slice(0, 30);
    const { result, failures, open } = await pollWith(JSON.stringify(storm));
    expect(result.cityLevel).toBe('none');
    expect(open).toBeUndefined();
    expect(failures[0]?.reason).toMatch(/hourly\.snowfall: has 30 values but hourly\.time has 72/);
  });

  it('activates on the same storm when it is well formed', async () => {
    const { result, failures } = await pollWith(await readFile(STORM, 'utf8'));
    expect(failures).toEqual([]);
    expect(result.cityLevel).toBe('II');
    expect(result.decision).toBe('activated');
  });
});
