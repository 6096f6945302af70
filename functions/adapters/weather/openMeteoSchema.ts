import * as z from '../../config/zod.ts';

// Built on first use (z.lazy), as are the other providers' schemas: a city's zones name one or two of the
// providers, and the poller's cold start need not build the schemas of the others (npm run bench:bundles).

/** A unit string Open-Meteo may give: the expected one, or "undefined" for a variable the model lacks (its values are then null). */
const unit = (expected: string, variable: string) =>
  z.string().check(z.refine((u) => u === expected || u === 'undefined', { error: (i) => `${variable} must be in ${expected}, got "${String(i.input)}"` }));

const series = (min: number, max: number, variable: string, unitText: string) =>
  z.array(z.nullable(z.number().check(
    z.gte(min, `${variable} below ${min} ${unitText} is not credible`),
    z.lte(max, `${variable} over ${max} ${unitText} in an hour is not credible`),
  )));

/** The part of an Open-Meteo /v1/forecast answer snowops reads (hourly, timeformat iso8601, timezone GMT, wind in m/s). */
export const openMeteoResponseSchema = z.lazy(() => z.object({
  latitude: z.number(),
  longitude: z.number(),
  utc_offset_seconds: z.int(),
  hourly_units: z.object({
    time: z.literal('iso8601', { error: 'time must be iso8601' }),
    snowfall: z.literal('cm', { error: 'snowfall must be in cm' }),
    precipitation: z.optional(unit('mm', 'precipitation')),
    rain: z.optional(unit('mm', 'rain')),
    showers: z.optional(unit('mm', 'showers')),
    temperature_2m: z.optional(unit('°C', 'temperature_2m')),
    snow_depth: z.optional(unit('m', 'snow_depth')),
    wind_gusts_10m: z.optional(unit('m/s', 'wind_gusts_10m')),
    weather_code: z.optional(unit('wmo code', 'weather_code')),
  }),
  hourly: z.object({
    time: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'time must be YYYY-MM-DDTHH:mm (local to utc_offset_seconds)'))).check(z.minLength(1)),
    snowfall: series(0, 50, 'snowfall', 'cm'),
    precipitation: z.optional(series(0, 300, 'precipitation', 'mm')),
    rain: z.optional(series(0, 300, 'rain', 'mm')),
    showers: z.optional(series(0, 300, 'showers', 'mm')),
    temperature_2m: z.optional(series(-90, 60, 'temperature_2m', '°C')),
    snow_depth: z.optional(series(0, 30, 'snow_depth', 'm')),
    wind_gusts_10m: z.optional(series(0, 120, 'wind_gusts_10m', 'm/s')),
    weather_code: z.optional(z.array(z.nullable(z.int().check(z.gte(0), z.lte(99))))),
  }),
}));
export type OpenMeteoResponse = z.infer<typeof openMeteoResponseSchema>;

export const openMeteoErrorSchema = z.lazy(() => z.object({ error: z.literal(true), reason: z.string() }));

/** Hourly variables requested, in the names of 2024 on (weathercode → weather_code, windgusts_10m → wind_gusts_10m). */
export const OPEN_METEO_HOURLY = ['snowfall', 'precipitation', 'rain', 'showers', 'temperature_2m', 'snow_depth', 'weather_code', 'wind_gusts_10m'] as const;
