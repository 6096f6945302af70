import * as z from 'zod';
import { EQUIPMENT_CLASSES } from './EquipmentClass.ts';
import { LANGUAGES } from './Language.ts';
import { phoneNumberSchema } from './PhoneNumber.ts';

export const leaderSchema = z.object({
  name: z.string().min(1),
  phone: phoneNumberSchema,
  language: z.enum(LANGUAGES),
});
export type Leader = z.infer<typeof leaderSchema>;

/** A local clock time, HH:mm (24 h), in the plan's time zone. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm, e.g. 07:30');

/** The hours a crew is on duty each day, local time; an end before the start runs past midnight. */
export const shiftWindowSchema = z.object({ start: clockTime, end: clockTime }).refine((w) => w.start !== w.end, 'shift start and end must differ');
export type ShiftWindow = z.infer<typeof shiftWindowSchema>;

export const crewSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  zoneId: z.string().min(1),
  depot: z.string().min(1),
  size: z.number().int().positive(),
  leader: leaderSchema,
  backup: leaderSchema,
  /** Equipment classes this crew is certified to operate. */
  certified: z.array(z.enum(EQUIPMENT_CLASSES)).min(1),
  /** Daily duty window; absent means on call around the clock (the plan's shift length still applies). */
  shift: shiftWindowSchema.optional(),
  /** Hours already worked in the current rest period (rest rules); absent means fresh. */
  hoursWorked: z.number().min(0).max(24).optional(),
});
export type Crew = z.infer<typeof crewSchema>;
