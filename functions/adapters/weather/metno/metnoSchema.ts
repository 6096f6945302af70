import * as z from '../../../config/zod.ts';

// Built on first use (z.lazy), as are the other providers' schemas: a city's zones name one or two of the
// providers, and the poller's cold start need not build the schemas of the others (npm run bench:bundles).

const period = z.lazy(() => z.object({
  summary: z.optional(z.object({ symbol_code: z.string() })),
  details: z.optional(z.looseObject({ precipitation_amount: z.optional(z.number().check(z.gte(0, 'precipitation_amount cannot be negative'), z.lte(300, 'precipitation_amount over 300 mm is not credible'))) })),
}));

/** Locationforecast 2.0 compact (and complete): GeoJSON Feature with a timeseries; times are UTC with "Z". */
export const metnoResponseSchema = z.lazy(() => z.object({
  type: z.literal('Feature'),
  geometry: z.object({ coordinates: z.array(z.number()).check(z.minLength(2)) }),
  properties: z.object({
    meta: z.object({
      updated_at: z.string(),
      units: z.looseObject({
        air_temperature: z.optional(z.literal('celsius', { error: (i) => `air_temperature must be in celsius (the only unit the API documents), got "${String(i.input)}"` })),
        precipitation_amount: z.optional(z.literal('mm', { error: (i) => `precipitation_amount must be in mm (the only unit the API documents), got "${String(i.input)}"` })),
        wind_speed_of_gust: z.optional(z.literal('m/s', { error: (i) => `wind_speed_of_gust must be in m/s (the only unit the API documents), got "${String(i.input)}"` })),
      }),
    }),
    timeseries: z.array(z.object({
      time: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/, 'time must be a whole UTC hour ending in Z')),
      data: z.object({
        instant: z.object({ details: z.looseObject({ air_temperature: z.optional(z.number().check(z.gte(-90), z.lte(60))), wind_speed_of_gust: z.optional(z.number().check(z.gte(0), z.lte(120))) }) }),
        next_1_hours: z.optional(period),
        next_6_hours: z.optional(period),
        next_12_hours: z.optional(period),
      }),
    })).check(z.minLength(1)),
  }),
}));
export type MetnoResponse = z.infer<typeof metnoResponseSchema>;
