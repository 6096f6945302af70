import * as z from 'zod';

/** The part of an Open-Meteo /v1/forecast answer snowops reads (hourly, timeformat iso8601). */
export const openMeteoResponseSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  utc_offset_seconds: z.number().int(),
  hourly_units: z.object({
    time: z.string(),
    snowfall: z.literal('cm', { error: 'snowfall must be in cm' }),
    precipitation: z.literal('mm', { error: 'precipitation must be in mm' }).optional(),
    temperature_2m: z.literal('°C', { error: 'temperature_2m must be in °C' }).optional(),
    snow_depth: z.literal('m', { error: 'snow_depth must be in m' }).optional(),
  }),
  hourly: z.object({
    time: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'time must be YYYY-MM-DDTHH:mm')).min(1),
    snowfall: z.array(z.number().min(0, 'snowfall cannot be negative').max(50, 'snowfall over 50 cm in an hour is not credible').nullable()),
    precipitation: z.array(z.number().min(0).max(300, 'precipitation over 300 mm in an hour is not credible').nullable()).optional(),
    temperature_2m: z.array(z.number().min(-90).max(60).nullable()).optional(),
    snow_depth: z.array(z.number().min(0).max(30).nullable()).optional(),
  }),
});
export type OpenMeteoResponse = z.infer<typeof openMeteoResponseSchema>;

export const openMeteoErrorSchema = z.object({ error: z.literal(true), reason: z.string() });
