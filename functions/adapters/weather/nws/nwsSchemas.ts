import * as z from 'zod';

/** GET /points/{lat},{lon}: the forecast grid of a point (gridX / gridY are integers here, strings in /gridpoints). */
export const nwsPointSchema = z.object({
  properties: z.object({
    gridId: z.string().min(1),
    gridX: z.coerce.number().int().nonnegative(),
    gridY: z.coerce.number().int().nonnegative(),
    timeZone: z.string().min(1).optional(),
  }),
});

const layerSchema = z.object({
  uom: z.string().optional(),
  values: z.array(z.object({ validTime: z.string(), value: z.number().nullable() })),
});
export type NwsLayer = z.infer<typeof layerSchema>;

/** GET /gridpoints/{wfo}/{x},{y}: raw layers; only the ones snowops reads are validated. */
export const nwsGridSchema = z.object({
  properties: z.object({
    updateTime: z.string().optional(),
    validTimes: z.string().optional(),
    temperature: layerSchema.optional(),
    quantitativePrecipitation: layerSchema.optional(),
    snowfallAmount: layerSchema,
    iceAccumulation: layerSchema.optional(),
    windGust: layerSchema.optional(),
  }),
});

/** GET /alerts/active?point=: CAP alerts as GeoJSON features (onset, ends, headline are nullable in the spec). */
export const nwsAlertsSchema = z.object({
  features: z.array(z.object({
    properties: z.object({
      id: z.string(),
      event: z.string(),
      status: z.string().optional(),
      messageType: z.string().optional(),
      severity: z.string().optional(),
      certainty: z.string().optional(),
      urgency: z.string().optional(),
      onset: z.string().nullable().optional(),
      ends: z.string().nullable().optional(),
      expires: z.string().nullable().optional(),
      headline: z.string().nullable().optional(),
      parameters: z.object({ VTEC: z.array(z.string()).optional() }).loose().optional(),
    }),
  })),
});
export type NwsAlerts = z.infer<typeof nwsAlertsSchema>;

/** RFC 7807 problem details, as every NWS error body is. */
export const nwsProblemSchema = z.object({ title: z.string(), detail: z.string().optional(), status: z.number().optional(), type: z.string().optional() });
