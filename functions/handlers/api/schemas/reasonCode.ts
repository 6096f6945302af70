import * as z from '../../../config/zod.ts';
import { lazyOnce } from './lazyOnce.ts';
import type { ReasonCode, ReasonCodeName } from '../../../core/text/ReasonCode.ts';

const CODES: readonly ReasonCodeName[] = [
  'forecast-reached-level', 'forecast-at-level', 'forecast-below-level', 'wave-failed', 'stand-down', 'downgraded-out-of-scope',
  'teams-fully-booked', 'certified-crews-elsewhere', 'no-chloride-free-spreader', 'longer-than-shift', 'no-free-certified-crew', 'no-ready-vehicle', 'team-taken-concurrently',
  'forecast-stale', 'recipients-unreachable', 'no-confirmation', 'crew-cannot', 'no-free-crew', 'reply-unparsed', 'forbidden',
];

/** A reason as a code and its figures, beside the English sentence: a client says it in its own language. */
export const reasonCodeSchema = lazyOnce(() => z.object({
  code: z.enum(CODES as [ReasonCodeName, ...ReasonCodeName[]]),
  params: z.record(z.string(), z.nullable(z.union([z.string(), z.number(), z.boolean()]))).check(z.describe('the figures and names the sentence is made of')),
}).register(z.globalRegistry, { id: 'ReasonCode', description: 'why, as a code and its parameters; the English sentence beside it says the same for scripts' }));

const _sameShape: [z.infer<typeof reasonCodeSchema>, ReasonCode] = [{} as ReasonCode, {} as z.infer<typeof reasonCodeSchema>];
void _sameShape;
