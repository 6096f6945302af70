import * as z from '../../config/zod.ts';
import { ACTIVE_LEVELS, RESPONSE_LEVELS } from '../levels/ResponseLevel.ts';
import { TASK_STATES } from '../operations/Task.ts';
import { evidenceSchema } from '../triggers/evidenceSchema.ts';

const responseLevel = z.enum(RESPONSE_LEVELS);


export const zoneForecastSchema = z.lazy(() => z.object({
  zoneId: z.string(),
  name: z.string(),
  level: responseLevel.check(z.describe('the level the latest good forecast implies')),
  evidence: z.array(evidenceSchema),
  provider: z.nullable(z.string()),
  lastSuccessAt: z.nullable(z.string()),
  lastPollAt: z.nullable(z.string()),
  lastError: z.nullable(z.string()),
  minutesSinceSuccess: z.nullable(z.number()).check(z.describe('age of the forecast the level rests on')),
}).register(z.globalRegistry, { id: 'ZoneForecast' }));
export type ZoneForecast = z.infer<typeof zoneForecastSchema>;

export const cityStatusSchema = z.lazy(() => z.object({
  city: z.string(),
  timeZone: z.string().check(z.describe('IANA time zone the city reads times in')),
  at: z.string(),
  forecastLevel: responseLevel.check(z.describe('the highest level any zone forecast implies')),
  zones: z.array(z.object({
    zoneId: z.string(),
    name: z.string(),
    forecastLevel: responseLevel,
    activationLevel: z.nullable(responseLevel).check(z.describe('the open activation\'s level for this zone; null when none is open')),
    lastPollAt: z.nullable(z.string()),
    lastError: z.nullable(z.string()),
  })),
  openActivation: z.nullable(z.object({
    id: z.string(), level: z.enum(ACTIVE_LEVELS as unknown as ['IV', 'III', 'II', 'I']), openedAt: z.string(), openedBy: z.string(), reason: z.string(), wave: z.number().check(z.int()),
  })),
  taskCounts: z.record(z.enum(TASK_STATES), z.number().check(z.int())).check(z.describe('tasks of the open activation by state; all zero when none is open')),
}).register(z.globalRegistry, { id: 'CityStatus' }));
export type CityStatus = z.infer<typeof cityStatusSchema>;
