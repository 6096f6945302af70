import * as z from '../../config/zod.ts';
import { ACTIVE_LEVELS } from '../levels/ResponseLevel.ts';
import type { Evidence } from './Evidence.ts';

/** Evidence as the API and the reports publish it (kept in step with the Evidence interface below). */
export const evidenceSchema = z.lazy(() => z.object({
  rule: z.string(),
  level: z.enum(ACTIVE_LEVELS as unknown as ['IV', 'III', 'II', 'I']),
  provider: z.string(),
  value: z.number().check(z.describe('the measured quantity, e.g. snow water summed over the window')),
  threshold: z.number(),
  unit: z.string(),
  windowHours: z.number(),
  from: z.string().check(z.describe('first hour of the deciding window, UTC ISO')),
  to: z.string().check(z.describe('end of the deciding window (exclusive), UTC ISO')),
  gapHours: z.number().check(z.describe('hours the provider left blank (the value is then a lower bound)')),
  basis: z.optional(z.string().check(z.describe('which numbers the value was made of and from which provider layer, e.g. NWS quantitativePrecipitation, or a snow ratio where no liquid amount exists'))),
}).register(z.globalRegistry, { id: 'Evidence' }));

// Fails to compile if the interface and the schema drift apart.
const _sameShape: [z.infer<typeof evidenceSchema>, Evidence] = [{} as Evidence, {} as z.infer<typeof evidenceSchema>];
void _sameShape;
