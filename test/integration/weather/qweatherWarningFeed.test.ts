import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenMeteoProvider } from '../../../functions/adapters/weather/OpenMeteoProvider.ts';
import { QWeatherWarningFeed } from '../../../functions/adapters/weather/warnings/QWeatherWarningFeed.ts';
import { withWarningFeed } from '../../../functions/adapters/weather/warnings/withWarningFeed.ts';
import type { Zone } from '../../../functions/core/registry/Zone.ts';
import { assessForecast } from '../../../functions/core/triggers/assessForecast.ts';
import { plan } from '../../support/weather/hours.ts';
import { openMeteoBody, snowCm } from '../../support/weather/openMeteoBody.ts';
import { startScriptedServer, type ScriptedServer } from '../../support/weather/scriptedServer.ts';

const now = new Date('2026-12-14T00:00:00Z');
const clock = { now: () => now };
const zone: Zone = { id: 'jiefang', name: '解放区', responsibleUnit: 'unit', latitude: 35.2412, longitude: 113.2271, providers: ['open-meteo'] };
// The v1 shape documented at dev.qweather.com (weather-alert), with a 暴雪 orange signal in place of the sample's wind warning.
const blizzardOrange = JSON.stringify({
  metadata: { tag: 't', zeroResult: false, attributions: ['https://developer.qweather.com/attribution.html'] },
  alerts: [{ id: '202612140800000001', senderName: '焦作市气象台', issuedTime: '2026-12-14T08:00+08:00', messageType: { code: 'alert', supersedes: [] }, eventType: { name: '暴雪', code: '1004' }, urgency: null, severity: 'severe', certainty: null, icon: '1004', color: { code: 'orange', red: 255, green: 165, blue: 0, alpha: 1 }, effectiveTime: '2026-12-14T08:00+08:00', onsetTime: '2026-12-14T08:00+08:00', expiredTime: '2026-12-15T08:00+08:00', headline: '焦作市气象台发布暴雪橙色预警信号' }],
});

let server: ScriptedServer;
let provider: ReturnType<typeof withWarningFeed>;
beforeAll(async () => { server = await startScriptedServer(); });
afterAll(async () => { await server.close(); });
beforeEach(() => {
  server.seen.length = 0;
  server.script('/v1/forecast', [{ status: 200, body: JSON.stringify(openMeteoBody(snowCm(0, 1))) }]);
  const http = { baseUrl: server.baseUrl, timeoutMs: 300, retries: 1, retryBaseMs: 1 };
  provider = withWarningFeed(new OpenMeteoProvider(http, clock), new QWeatherWarningFeed({ ...http, token: 'jwt-token' }));
});

describe('QWeather warning feed attached to a forecast provider', () => {
  it('asks for the point at 2 decimals with the bearer token and maps a 暴雪 orange signal to level II', async () => {
    server.script('/weatheralert/', [{ status: 200, body: blizzardOrange }]);

    const forecast = await provider.fetch(zone);

    const request = server.seen.find((r) => r.path.startsWith('/weatheralert/'));
    expect({ path: request?.path, auth: request?.headers.authorization }).toEqual({ path: '/weatheralert/v1/current/35.24/113.23?localTime=false', auth: 'Bearer jwt-token' });
    expect(assessForecast(forecast, plan(), now).level).toBe('II');
  });

  it('keeps the forecast when the feed fails, and says why its warnings are missing', async () => {
    server.script('/weatheralert/', [{ status: 401, body: '{"error":{"status":401,"type":"https://dev.qweather.com/docs/resource/error-code/#unauthorized","title":"Unauthorized","detail":"Authentication failed."}}' }]);

    const forecast = await provider.fetch(zone);

    expect({ hours: forecast.hours.length, error: forecast.warningsError }).toEqual({ hours: 72, error: 'qweather warnings: HTTP 401 from /weatheralert/v1/current/35.24/113.23: Unauthorized: Authentication failed.' });
  });
});
