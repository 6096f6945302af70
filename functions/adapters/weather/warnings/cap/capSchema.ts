import * as z from '../../../../config/zod.ts';

// CAP as plain objects, read from XML (readCapXml) or published as JSON (MeteoAlarm): values as text.
const text = z.lazy(() => z.pipe(z.union([z.string(), z.number()]), z.transform((v) => String(v))));
const pair = z.lazy(() => z.looseObject({ valueName: text, value: z._default(text, '') }));
const list = <T extends z.ZodMiniType>(item: T) => z._default(z.union([z.array(item), z.pipe(item, z.transform((v) => [v]))]), []);

const area = z.lazy(() => z.looseObject({
  areaDesc: z._default(text, ''),
  polygon: list(text),
  circle: list(text),
  geocode: list(pair),
}));

const info = z.lazy(() => z.looseObject({
  language: z.optional(text),
  event: text,
  urgency: z.optional(text),
  severity: z.optional(text),
  certainty: z.optional(text),
  eventCode: list(pair),
  effective: z.optional(text),
  onset: z.optional(text),
  expires: z.optional(text),
  headline: z.optional(text),
  parameter: list(pair),
  area: list(area),
}));

/** One CAP alert (1.1 or 1.2): only what snowops reads. */
export const capAlertSchema = z.lazy(() => z.looseObject({
  identifier: text,
  sender: z.optional(text),
  sent: z.optional(text),
  status: z.optional(text),
  msgType: z.optional(text),
  references: z.optional(text),
  info: list(info),
}));
export type CapAlert = z.infer<typeof capAlertSchema>;
export type CapInfo = CapAlert['info'][number];
