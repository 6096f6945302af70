import * as z from '../../../config/zod.ts';
import { lazyOnce } from './lazyOnce.ts';
import type { Activation } from '../../../core/operations/Activation.ts';
import type { ActivationWithEvidence } from '../../../core/operations/ActivationWithEvidence.ts';
import { evidenceSchema } from '../../../core/triggers/evidenceSchema.ts';
import { activationProgressSchema } from './activationProgress.ts';
import { activeLevelSchema, responseLevelSchema } from './common.ts';
import { reasonCodeSchema } from './reasonCode.ts';

const recordFields = () => ({
  id: z.string(),
  level: activeLevelSchema,
  zoneLevels: z.record(z.string(), responseLevelSchema),
  status: z.enum(['open', 'stood-down']),
  openedAt: z.string(),
  openedBy: z.string().check(z.describe('"poller" or the officer\'s username')),
  reason: z.string(),
  reasonCode: z.optional(reasonCodeSchema).check(z.describe('the poller\'s reason as a code; absent for an officer\'s own words')),
  evidenceCount: z.number().check(z.int(), z.describe('how many pieces of forecast evidence it was opened on')),
  wave: z.number().check(z.int()),
  plannedWave: z.optional(z.number().check(z.int(), z.describe('the last wave whose planning finished; below wave while one is being planned'))),
  bookingRuns: z.optional(z.number().check(z.int(), z.describe('booking runs started or ended on the activation (each counts twice); above dispatchedBookingRuns, something booked may not have been texted yet'))),
  dispatchedBookingRuns: z.optional(z.number().check(z.int(), z.describe('the bookingRuns count the last finished wave dispatch had read'))),
  refusedCrewIds: z.optional(z.array(z.string()).check(z.describe('crews that answered "9" (cannot) in this activation: no replacement picks them again'))),
  progress: z.optional(activationProgressSchema),
  preTreatment: z.optional(z.object({
    wave: z.number().check(z.int(), z.describe('the wave that is the pre-treatment (the first)')),
    zoneLevels: z.record(z.string(), responseLevelSchema).check(z.describe('the level each zone on watch was forecast to reach: the pre-treatment\'s scope')),
    snowAt: z.string().check(z.describe('when the snow was forecast to begin')),
    stagingAt: z.string().check(z.describe('when the spreaders are to be at staging and start: an hour before the snow')),
  }).check(z.describe('set when a duty officer opened it for pre-treatment while zones were on watch (POST /pretreatment)'))),
  upgradedAt: z.optional(z.string().check(z.describe('when the level was last upgraded mid-storm'))),
  closedAt: z.optional(z.string()),
  closedBy: z.optional(z.string()),
  closeReason: z.optional(z.string()),
});

/** An activation in a list: the record without its evidence (a 400-zone city's is over a megabyte); GET /activations/{id} has it. */
export const activationRecordSchema = lazyOnce(() => z.object(recordFields()).register(z.globalRegistry, { id: 'ActivationRecord' }));

const shownActivation = () => z.object({
  ...recordFields(),
  evidence: z.array(evidenceSchema).check(z.describe('the forecast evidence when it was opened, whole')),
}).register(z.globalRegistry, { id: 'Activation' });
// Built once: a described copy of the lazy schema (activationAccepted) evaluates it again, and two objects may not share an id.
let shown: ReturnType<typeof shownActivation> | undefined;

/** One activation as shown: the record with the whole forecast evidence it was opened on. */
export const activationSchema = z.lazy(() => (shown ??= shownActivation()));

const _sameShape: [z.infer<typeof activationSchema>, ActivationWithEvidence] = [{} as ActivationWithEvidence, {} as z.infer<typeof activationSchema>];
const _sameRecord: [z.infer<typeof activationRecordSchema>, Activation] = [{} as Activation, {} as z.infer<typeof activationRecordSchema>];
// Every field of the stored record is documented: a field added to Activation and not here fails the type check.
const _everyField: Exclude<keyof Activation, keyof z.infer<typeof activationRecordSchema>> extends never ? true : never = true;
void _sameShape;
void _sameRecord;
void _everyField;
