import * as z from '../../config/zod.ts';

// Built on first use (z.lazy), as are the other providers' schemas: a city's zones name one or two of the
// providers, and the poller's cold start need not build the schemas of the others (npm run bench:bundles).

const series = z.lazy(() => z.array(z.nullable(z.number())));

/**
 * The part of an Open-Meteo /v1/forecast answer snowops reads, in any of its documented forms: times as
 * ISO 8601 local to utc_offset_seconds or as unixtime (UTC seconds); units as requested (the normaliser
 * converts them and checks credible ranges in SI).
 */
export const openMeteoResponseSchema = z.lazy(() => z.object({
  latitude: z.number(),
  longitude: z.number(),
  utc_offset_seconds: z.int(),
  hourly_units: z.object({
    time: z.enum(['iso8601', 'unixtime'], { error: (i) => `time must be iso8601 or unixtime, got "${String(i.input)}"` }),
    snowfall: z.string(),
    precipitation: z.optional(z.string()),
    rain: z.optional(z.string()),
    showers: z.optional(z.string()),
    temperature_2m: z.optional(z.string()),
    snow_depth: z.optional(z.string()),
    wind_gusts_10m: z.optional(z.string()),
    weather_code: z.optional(z.string()),
  }),
  hourly: z.object({
    time: z.array(z.union([z.string(), z.number()])).check(z.minLength(1)),
    snowfall: series,
    precipitation: z.optional(series),
    rain: z.optional(series),
    showers: z.optional(series),
    temperature_2m: z.optional(series),
    snow_depth: z.optional(series),
    wind_gusts_10m: z.optional(series),
    weather_code: z.optional(z.array(z.nullable(z.int().check(z.gte(0), z.lte(99))))),
  }),
}));
export type OpenMeteoResponse = z.infer<typeof openMeteoResponseSchema>;

export const openMeteoErrorSchema = z.lazy(() => z.object({ error: z.literal(true), reason: z.string() }));

/** Hourly variables requested, in the names of 2024 on (weathercode → weather_code, windgusts_10m → wind_gusts_10m). */
export const OPEN_METEO_HOURLY = ['snowfall', 'precipitation', 'rain', 'showers', 'temperature_2m', 'snow_depth', 'weather_code', 'wind_gusts_10m'] as const;
