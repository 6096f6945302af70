import * as z from '../../config/zod.ts';
import { EQUIPMENT_CLASSES } from './EquipmentClass.ts';
import { LANGUAGES } from './Language.ts';
import { phoneNumberSchema } from './PhoneNumber.ts';
import { boundedNumber, boundedText, recordId } from './boundedText.ts';
import { NUMBER_LIMITS, TEXT_LIMITS } from './limits.ts';

export const leaderSchema = z.object({
  name: boundedText(TEXT_LIMITS.personName),
  phone: phoneNumberSchema,
  language: z.enum(LANGUAGES),
});
export type Leader = z.infer<typeof leaderSchema>;

/** A local clock time, HH:mm (24 h), in the plan's time zone. */
const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm, e.g. 07:30'));

/** The hours a crew is on duty each day, local time; an end before the start runs past midnight. */
export const shiftWindowSchema = z.object({ start: clockTime, end: clockTime }).check(z.refine((w) => w.start !== w.end, 'shift start and end must differ'));
export type ShiftWindow = z.infer<typeof shiftWindowSchema>;

// Built on first use (z.lazy), like the other registry records: only registry edits and imports parse them,
// so a cold start that does neither does not build them (npm run bench:bundles).
export const crewSchema = z.lazy(() => z.object({
  id: recordId(),
  name: boundedText(TEXT_LIMITS.crewName),
  zoneId: recordId(),
  depot: boundedText(TEXT_LIMITS.depot),
  size: boundedNumber(NUMBER_LIMITS.crewSize, { integer: true }),
  leader: leaderSchema,
  backup: leaderSchema,
  /** Equipment classes this crew is certified to operate. */
  certified: z.array(z.enum(EQUIPMENT_CLASSES)).check(z.minLength(1)),
  /** Daily duty window; absent means on call around the clock (the plan's shift length still applies). */
  shift: z.optional(shiftWindowSchema),
  /** Hours already worked in the current rest period (rest rules); absent means fresh. */
  hoursWorked: z.optional(boundedNumber(NUMBER_LIMITS.hoursWorked)),
}));
export type Crew = z.infer<typeof crewSchema>;
