import * as z from 'zod';

const period = z.object({
  summary: z.object({ symbol_code: z.string() }).optional(),
  details: z.object({ precipitation_amount: z.number().min(0, 'precipitation_amount cannot be negative').max(300, 'precipitation_amount over 300 mm is not credible').optional() }).loose().optional(),
});

/** Locationforecast 2.0 compact (and complete): GeoJSON Feature with a timeseries; times are UTC with "Z". */
export const metnoResponseSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.object({ coordinates: z.array(z.number()).min(2) }),
  properties: z.object({
    meta: z.object({
      updated_at: z.string(),
      units: z.object({
        air_temperature: z.literal('celsius', { error: 'air_temperature must be in celsius' }).optional(),
        precipitation_amount: z.literal('mm', { error: 'precipitation_amount must be in mm' }).optional(),
        wind_speed_of_gust: z.literal('m/s', { error: 'wind_speed_of_gust must be in m/s' }).optional(),
      }).loose(),
    }),
    timeseries: z.array(z.object({
      time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/, 'time must be a whole UTC hour ending in Z'),
      data: z.object({
        instant: z.object({ details: z.object({ air_temperature: z.number().min(-90).max(60).optional(), wind_speed_of_gust: z.number().min(0).max(120).optional() }).loose() }),
        next_1_hours: period.optional(),
        next_6_hours: period.optional(),
        next_12_hours: period.optional(),
      }),
    })).min(1),
  }),
});
export type MetnoResponse = z.infer<typeof metnoResponseSchema>;
