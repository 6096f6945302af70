import { afterEach, describe, expect, it } from 'vitest';
import { pollCity } from '../../../functions/core/poll/pollCity.ts';
import { openMeteoBody, snowCm } from '../../support/weather/openMeteoBody.ts';
import { pollHarness } from '../../support/weather/pollHarness.ts';

// A failed poll that is not retried (a 503 would be, with back-off): an empty body.
const empty = { status: 200, body: '' };

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

describe('pollCity on the in-memory twins: the snow water ahead, hour by hour, for the board\'s forecast strip', () => {
  it('stores each zone\'s hourly snow water from the good forecast, and keeps it while every provider fails', async () => {
    const h = await pollHarness({ plan: { activationPolicy: 'propose' } });
    close = h.close;
    // 7 cm of snow in each of hours 2 to 4: 10 mm of liquid each (the helper's precipitation), nothing before or after.
    h.server.script('/v1/forecast', [{ status: 200, body: JSON.stringify(openMeteoBody(snowCm(21, 3, 2))) }, empty, empty, empty, empty]);
    await pollCity(h.deps);
    const good = (await h.deps.zoneStates.getZoneStates())[0]!;
    expect({ lastError: good.lastError, from: good.hourly?.from, first: good.hourly?.snowWaterMm.slice(0, 6), length: good.hourly?.snowWaterMm.length })
      .toEqual({ lastError: null, from: '2026-12-14T00:00:00.000Z', first: [0, 0, 10, 10, 10, 0], length: 48 });

    h.clock.advance(15);
    await pollCity(h.deps);

    const failed = (await h.deps.zoneStates.getZoneStates())[0]!;
    expect({ lastError: failed.lastError !== null, hourly: failed.hourly }).toEqual({ lastError: true, hourly: good.hourly });
  });
});
