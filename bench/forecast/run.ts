/**
 * bench:forecast: normalise + evaluate a 16-day hourly Open-Meteo forecast for 100 zones, timed per zone
 * against the floor: a plain JSON.parse of the same bytes, in the same process. Not a test: it prints.
 */
import { performance } from 'node:perf_hooks';
import { normaliseOpenMeteo } from '../../functions/adapters/weather/normaliseOpenMeteo.ts';
import { cityPlanSchema } from '../../functions/core/registry/CityPlan.ts';
import { assessForecast } from '../../functions/core/triggers/assessForecast.ts';

const ZONES = 100;
const HOURS = 16 * 24;
const ROUNDS = 15;
const START = Date.parse('2026-12-14T00:00:00Z');

// A small deterministic generator, so every run times the same bytes.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** One zone's 16-day answer in Open-Meteo's own shape: a storm somewhere, showers, a freezing-rain hour or two, nulls. */
function zoneBody(zone: number): string {
  const rnd = random(zone + 1);
  const time: string[] = [];
  const snowfall: (number | null)[] = [];
  const precipitation: (number | null)[] = [];
  const rain: (number | null)[] = [];
  const temperature: (number | null)[] = [];
  const depth: (number | null)[] = [];
  const gusts: (number | null)[] = [];
  const codes: (number | null)[] = [];
  const stormAt = Math.floor(rnd() * (HOURS - 24));
  const stormCm = rnd() * 20;
  for (let h = 0; h < HOURS; h++) {
    time.push(new Date(START + h * 3_600_000).toISOString().slice(0, 16));
    const inStorm = h >= stormAt && h < stormAt + 8;
    const snow = inStorm ? Math.round((stormCm / 8) * 100) / 100 : rnd() < 0.05 ? Math.round(rnd() * 30) / 100 : 0;
    const liquid = rnd() < 0.02 ? Math.round(rnd() * 50) / 100 : 0;
    snowfall.push(rnd() < 0.003 ? null : snow);
    precipitation.push(Math.round((snow / 0.7 + liquid) * 100) / 100);
    rain.push(liquid);
    temperature.push(Math.round((-4 + rnd() * 6) * 10) / 10);
    depth.push(Math.round(rnd() * 20) / 100);
    gusts.push(Math.round(rnd() * 200) / 10);
    codes.push(snow > 0 ? 73 : liquid > 0 ? 66 : 3);
  }
  return JSON.stringify({
    latitude: 35 + zone / 1000, longitude: 113 + zone / 1000, generationtime_ms: 0.5, utc_offset_seconds: 0, timezone: 'GMT', timezone_abbreviation: 'GMT', elevation: 112,
    hourly_units: { time: 'iso8601', snowfall: 'cm', precipitation: 'mm', rain: 'mm', showers: 'mm', temperature_2m: '°C', snow_depth: 'm', weather_code: 'wmo code', wind_gusts_10m: 'm/s' },
    hourly: { time, snowfall, precipitation, rain, showers: rain.map(() => 0), temperature_2m: temperature, snow_depth: depth, weather_code: codes, wind_gusts_10m: gusts },
  });
}

const plan = cityPlanSchema.parse({
  id: 'bench', city: 'Bench', timeZone: 'Asia/Shanghai', defaultLanguage: 'zh-CN', activationPolicy: 'auto',
  tiersByLevel: { IV: [1], III: [1, 2], II: [1, 2], I: [1, 2, 3] }, shiftHours: 8, travelSpeedKmPerH: 20, startLeadMinutes: 30, dutyOfficerPhone: '+8613900390000',
});
const bodies = Array.from({ length: ZONES }, (_, z) => zoneBody(z));
const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0);
const now = new Date(START);
let sink = 0;

function floor(): void {
  for (const b of bodies) sink += (JSON.parse(b) as { latitude: number }).latitude;
}

function full(): void {
  for (const b of bodies) {
    const forecast = normaliseOpenMeteo(JSON.parse(b), now.toISOString());
    sink += assessForecast(forecast, plan, now).evidence.length;
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(run: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    run();
    out.push((performance.now() - t) / ZONES);
  }
  return out;
}

// Warm both paths up first, then interleave rounds so neither gets a quieter machine.
for (let i = 0; i < 3; i++) { floor(); full(); }
const floorMs: number[] = [];
const fullMs: number[] = [];
for (let i = 0; i < 3; i++) {
  floorMs.push(...time(floor));
  fullMs.push(...time(full));
}
const f = median(floorMs);
const n = median(fullMs);
const levels = bodies.map((b) => assessForecast(normaliseOpenMeteo(JSON.parse(b), now.toISOString()), plan, now).level);
const byLevel = levels.reduce<Record<string, number>>((acc, l) => ({ ...acc, [l]: (acc[l] ?? 0) + 1 }), {});

console.log(`zones ${ZONES}, ${HOURS} hours each, ${(bytes / ZONES / 1024).toFixed(1)} KiB per zone; ${ROUNDS * 3} rounds, median per zone`);
console.log(`  JSON.parse only (floor)          ${f.toFixed(3)} ms/zone   1.00×`);
console.log(`  parse + normalise + evaluate     ${n.toFixed(3)} ms/zone   ${(n / f).toFixed(2)}×`);
console.log(`  levels: ${Object.entries(byLevel).map(([l, c]) => `${l} ${c}`).join(', ')} (sink ${sink % 7})`);
console.log(`bench:forecast: normalise+evaluate ${n.toFixed(3)} ms per zone = ${(n / f).toFixed(2)}× JSON.parse of the same bytes (${f.toFixed(3)} ms), 100 zones × 16-day hourly`);
