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
});
export type Crew = z.infer<typeof crewSchema>;
