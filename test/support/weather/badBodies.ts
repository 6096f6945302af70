import { openMeteoBody, snowCm } from './openMeteoBody.ts';

/** A replayed answer: status, headers, body text. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

const good = () => openMeteoBody(snowCm(14, 6, 2));
const json = (v: unknown): Answer => ({ status: 200, body: JSON.stringify(v) });
const mutate = (f: (b: { hourly: Record<string, unknown[]>; hourly_units: Record<string, string> }) => void): Answer => {
  const b = good() as { hourly: Record<string, unknown[]>; hourly_units: Record<string, string> };
  f(b);
  return json(b);
};

/**
 * The bad inputs the issue lists, as an Open-Meteo endpoint could answer them, each with the words the
 * failure reason must contain (what was wrong and where).
 */
export const BAD_OPEN_METEO: { name: string; answer: Answer; reason: RegExp }[] = [
  { name: 'an HTML error page with status 200', answer: { status: 200, headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>' }, reason: /HTML page.*502 Bad Gateway/ },
  { name: 'an empty body', answer: { status: 200, body: '' }, reason: /empty body/ },
  { name: 'truncated JSON', answer: { status: 200, body: JSON.stringify(good()).slice(0, 700) }, reason: /not valid JSON/ },
  { name: 'arrays of unequal length', answer: mutate((b) => { b.hourly.snowfall!.pop(); }), reason: /hourly\.snowfall: has 71 values but hourly\.time has 72/ },
  { name: 'a run of nulls', answer: mutate((b) => { for (let i = 3; i < 12; i++) b.hourly.snowfall![i] = null; }), reason: /no snowfall data for 9 consecutive hours from 2026-12-14T03:00/ },
  { name: 'snowfall of 9999 cm', answer: mutate((b) => { b.hourly.snowfall![4] = 9999; }), reason: /hourly\.snowfall\.4: snowfall over 50 cm in an hour is not credible/ },
  { name: 'negative snowfall', answer: mutate((b) => { b.hourly.snowfall![4] = -1; }), reason: /snowfall below 0 cm is not credible/ },
  { name: 'an unknown unit in hourly_units', answer: mutate((b) => { b.hourly_units.snowfall = 'furlong'; }), reason: /hourly_units\.snowfall: unit "furlong" is not a length unit/ },
  { name: 'times with an offset where none belongs', answer: mutate((b) => { b.hourly.time![0] = '2026-12-14T00:00+08:00'; }), reason: /hourly\.time\.0: time must be YYYY-MM-DDTHH:mm/ },
  { name: 'an error body (HTTP 400)', answer: { status: 400, body: '{"error":true,"reason":"Cannot initialize WeatherVariable from invalid String value tempeture_2m for key hourly"}' }, reason: /HTTP 400 from \/v1\/forecast: Cannot initialize WeatherVariable/ },
];

/** The real NWS problem+json bodies (weewx-nws, quoted in nws_notes_errors_etiquette_semantics.md). */
export const NWS_PROBLEM_503 = JSON.stringify({ correlationId: 'ba8277d6-de87-41fd-9ce5-dfb1868c1ced', title: 'Forecast Grid Expired', type: 'https://api.weather.gov/problems/ForecastGridExpired', status: 503, detail: 'The requested forecast grid was issued 2020-06-09T11:01:35+00:00 and has expired.', instance: 'https://api.weather.gov/requests/ba8277d6-de87-41fd-9ce5-dfb1868c1ced' });
export const NWS_PROBLEM_404 = JSON.stringify({ correlationId: 'ac04ca11-ce4d-464e-8cef-602497b10aa1', title: 'Data Unavailable For Requested Point', type: 'https://api.weather.gov/problems/InvalidPoint', status: 404, detail: 'Unable to provide data for requested point -20.9512,55.3085', instance: 'https://api.weather.gov/requests/ac04ca11-ce4d-464e-8cef-602497b10aa1' });
