import * as z from '../../../config/zod.ts';

// Built on first use (z.lazy), as are the other providers' schemas: a city's zones name one or two of the
// providers, and the poller's cold start need not build the schemas of the others (npm run bench:bundles).

/** GET /points/{lat},{lon}: the forecast grid of a point (gridX / gridY are integers here, strings in /gridpoints). */
export const nwsPointSchema = z.lazy(() => z.object({
  properties: z.object({
    gridId: z.string().check(z.minLength(1)),
    gridX: z.coerce.number().check(z.int(), z.nonnegative()),
    gridY: z.coerce.number().check(z.int(), z.nonnegative()),
    timeZone: z.optional(z.string().check(z.minLength(1))),
  }),
}));

const layerSchema = z.lazy(() => z.object({
  uom: z.optional(z.string()),
  values: z.array(z.object({ validTime: z.string(), value: z.nullable(z.number()) })),
}));
export type NwsLayer = z.infer<typeof layerSchema>;

/** The `weather` layer: per interval, the kinds of weather expected ("snow", "rain_showers", …; null for none). */
const weatherLayerSchema = z.lazy(() => z.object({
  values: z.array(z.object({ validTime: z.string(), value: z.array(z.looseObject({ weather: z.optional(z.nullable(z.string())) })) })),
}));
export type NwsWeatherLayer = z.infer<typeof weatherLayerSchema>;

/** GET /gridpoints/{wfo}/{x},{y}: raw layers; only the ones snowops reads are validated. */
export const nwsGridSchema = z.lazy(() => z.object({
  properties: z.object({
    updateTime: z.optional(z.string()),
    validTimes: z.optional(z.string()),
    temperature: z.optional(layerSchema),
    quantitativePrecipitation: z.optional(layerSchema),
    snowfallAmount: z.optional(layerSchema),
    iceAccumulation: z.optional(layerSchema),
    windGust: z.optional(layerSchema),
    weather: z.optional(weatherLayerSchema),
  }),
}));

/** GET /alerts/active?point=: CAP alerts as GeoJSON features (onset, ends, headline are nullable in the spec). */
export const nwsAlertsSchema = z.lazy(() => z.object({
  features: z.array(z.object({
    properties: z.object({
      id: z.string(),
      event: z.string(),
      status: z.optional(z.string()),
      messageType: z.optional(z.string()),
      severity: z.optional(z.string()),
      certainty: z.optional(z.string()),
      urgency: z.optional(z.string()),
      onset: z.optional(z.nullable(z.string())),
      ends: z.optional(z.nullable(z.string())),
      expires: z.optional(z.nullable(z.string())),
      headline: z.optional(z.nullable(z.string())),
      sent: z.optional(z.nullable(z.string())),
      references: z.optional(z.array(z.looseObject({ identifier: z.string() }))),
      parameters: z.optional(z.looseObject({ VTEC: z.optional(z.array(z.string())) })),
    }),
  })),
}));
export type NwsAlerts = z.infer<typeof nwsAlertsSchema>;

/** RFC 7807 problem details, as every NWS error body is. */
export const nwsProblemSchema = z.lazy(() => z.object({ title: z.string(), detail: z.optional(z.string()), status: z.optional(z.number()), type: z.optional(z.string()) }));
