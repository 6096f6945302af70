import * as z from 'zod';
import { ACTIVE_LEVELS, RESPONSE_LEVELS } from '../levels/ResponseLevel.ts';
import { TASK_STATES } from '../operations/Task.ts';
import { evidenceSchema } from '../triggers/evidenceSchema.ts';

const responseLevel = z.enum(RESPONSE_LEVELS);


export const zoneForecastSchema = z.object({
  zoneId: z.string(),
  name: z.string(),
  level: responseLevel.describe('the level the latest good forecast implies'),
  evidence: z.array(evidenceSchema),
  provider: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastPollAt: z.string().nullable(),
  lastError: z.string().nullable(),
  minutesSinceSuccess: z.number().nullable().describe('age of the forecast the level rests on'),
}).meta({ id: 'ZoneForecast' });
export type ZoneForecast = z.infer<typeof zoneForecastSchema>;

export const cityStatusSchema = z.object({
  city: z.string(),
  timeZone: z.string().describe('IANA time zone the city reads times in'),
  at: z.string(),
  forecastLevel: responseLevel.describe('the highest level any zone forecast implies'),
  zones: z.array(z.object({
    zoneId: z.string(),
    name: z.string(),
    forecastLevel: responseLevel,
    activationLevel: responseLevel.nullable().describe('the open activation\'s level for this zone; null when none is open'),
    lastPollAt: z.string().nullable(),
    lastError: z.string().nullable(),
  })),
  openActivation: z.object({
    id: z.string(), level: z.enum(ACTIVE_LEVELS as unknown as ['IV', 'III', 'II', 'I']), openedAt: z.string(), openedBy: z.string(), reason: z.string(), wave: z.number().int(),
  }).nullable(),
  taskCounts: z.record(z.enum(TASK_STATES), z.number().int()).describe('tasks of the open activation by state; all zero when none is open'),
}).meta({ id: 'CityStatus' });
export type CityStatus = z.infer<typeof cityStatusSchema>;
