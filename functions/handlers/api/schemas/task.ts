import * as z from '../../../config/zod.ts';
import { lazyOnce } from './lazyOnce.ts';
import { TASK_STATES, type Task } from '../../../core/operations/Task.ts';
import { EQUIPMENT_CLASSES } from '../../../core/registry/EquipmentClass.ts';
import { reasonCodeSchema } from './reasonCode.ts';

export const tierSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const taskSchema = lazyOnce(() => z.object({
  id: z.string(),
  code: z.string().check(z.describe('what a leader types in a reply, e.g. T07')),
  activationId: z.string(),
  roadId: z.string(),
  roadName: z.string(),
  zoneId: z.string(),
  tier: tierSchema,
  pass: z.enum(EQUIPMENT_CLASSES),
  laneKm: z.number(),
  crewId: z.string(),
  vehicleId: z.string(),
  vehicleLabel: z.string(),
  depot: z.string(),
  sequence: z.number().check(z.int()),
  startBy: z.string(),
  passableAt: z.string(),
  state: z.enum(TASK_STATES),
  wave: z.number().check(z.int()),
  updatedAt: z.string(),
}).register(z.globalRegistry, { id: 'Task' }));

const _sameShape: [z.infer<typeof taskSchema>, Task] = [{} as Task, {} as z.infer<typeof taskSchema>];
void _sameShape;

export const shortfallSchema = lazyOnce(() => z.object({
  roadId: z.string(), roadName: z.string(), zoneId: z.string(), tier: tierSchema, pass: z.enum(EQUIPMENT_CLASSES), laneKm: z.number(),
  reason: z.string().check(z.describe('why no team could be found, in words a duty officer can act on')),
  reasonCode: z.optional(reasonCodeSchema),
}).register(z.globalRegistry, { id: 'Shortfall' }));
