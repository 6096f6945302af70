import * as z from 'zod';

/** A unit string Open-Meteo may give: the expected one, or "undefined" for a variable the model lacks (its values are then null). */
const unit = (expected: string, variable: string) =>
  z.string().refine((u) => u === expected || u === 'undefined', { error: (i) => `${variable} must be in ${expected}, got "${String(i.input)}"` });

const series = (min: number, max: number, variable: string, unitText: string) =>
  z.array(z.number()
    .min(min, `${variable} below ${min} ${unitText} is not credible`)
    .max(max, `${variable} over ${max} ${unitText} in an hour is not credible`)
    .nullable());

/** The part of an Open-Meteo /v1/forecast answer snowops reads (hourly, timeformat iso8601, timezone GMT, wind in m/s). */
export const openMeteoResponseSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  utc_offset_seconds: z.number().int(),
  hourly_units: z.object({
    time: z.literal('iso8601', { error: 'time must be iso8601' }),
    snowfall: z.literal('cm', { error: 'snowfall must be in cm' }),
    precipitation: unit('mm', 'precipitation').optional(),
    rain: unit('mm', 'rain').optional(),
    showers: unit('mm', 'showers').optional(),
    temperature_2m: unit('°C', 'temperature_2m').optional(),
    snow_depth: unit('m', 'snow_depth').optional(),
    wind_gusts_10m: unit('m/s', 'wind_gusts_10m').optional(),
    weather_code: unit('wmo code', 'weather_code').optional(),
  }),
  hourly: z.object({
    time: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'time must be YYYY-MM-DDTHH:mm (local to utc_offset_seconds)')).min(1),
    snowfall: series(0, 50, 'snowfall', 'cm'),
    precipitation: series(0, 300, 'precipitation', 'mm').optional(),
    rain: series(0, 300, 'rain', 'mm').optional(),
    showers: series(0, 300, 'showers', 'mm').optional(),
    temperature_2m: series(-90, 60, 'temperature_2m', '°C').optional(),
    snow_depth: series(0, 30, 'snow_depth', 'm').optional(),
    wind_gusts_10m: series(0, 120, 'wind_gusts_10m', 'm/s').optional(),
    weather_code: z.array(z.number().int().min(0).max(99).nullable()).optional(),
  }),
});
export type OpenMeteoResponse = z.infer<typeof openMeteoResponseSchema>;

export const openMeteoErrorSchema = z.object({ error: z.literal(true), reason: z.string() });

/** Hourly variables requested, in the names of 2024 on (weathercode → weather_code, windgusts_10m → wind_gusts_10m). */
export const OPEN_METEO_HOURLY = ['snowfall', 'precipitation', 'rain', 'showers', 'temperature_2m', 'snow_depth', 'weather_code', 'wind_gusts_10m'] as const;
