import * as z from '../../../config/zod.ts';
import { lazyOnce } from './lazyOnce.ts';
import type { Board } from '../../../core/board/Board.ts';
import { ROAD_STATES } from '../../../core/board/roadState.ts';
import { evidenceSchema } from '../../../core/triggers/evidenceSchema.ts';
import { activeLevelSchema, responseLevelSchema } from './common.ts';
import { loggedEntrySchema } from './logEntry.ts';
import { reasonCodeSchema } from './reasonCode.ts';
import { waveSmsSchema } from './waveSms.ts';

const int = () => z.number().check(z.int());

export const boardSchema = lazyOnce(() => z.object({
  city: z.string(),
  timeZone: z.string().check(z.describe('IANA time zone the city reads times in')),
  forecastLevel: responseLevelSchema,
  staleAfterMinutes: int(),
  zones: z.array(z.object({
    zoneId: z.string(), name: z.string(), forecastLevel: responseLevelSchema,
    activationLevel: z.nullable(responseLevelSchema).check(z.describe('the open activation\'s level here; null when none is open')),
    evidence: z.array(evidenceSchema), provider: z.nullable(z.string()), lastSuccessAt: z.nullable(z.string()), lastError: z.nullable(z.string()),
    watch: z.boolean().check(z.describe('the forecast holds more than is due yet')),
    stale: z.boolean().check(z.describe('no good forecast for longer than the plan allows')),
    hourly: z.nullable(z.object({
      from: z.string().check(z.describe('start of the first hour, UTC')),
      snowWaterMm: z.array(z.nullable(z.number())).check(z.describe('snow water per hour from `from`, mm (at most 48); null where the provider said nothing')),
    })).check(z.describe('the last good forecast\'s snow water ahead; null before any')),
  })),
  thresholds: z.array(z.object({ level: activeLevelSchema, windowHours: int(), waterMm: z.number() })).check(z.describe('the plan\'s blizzard thresholds: snow water summed over a rolling window of hours reaching a level')),
  activation: z.nullable(z.object({
    id: z.string(), level: activeLevelSchema, status: z.enum(['open', 'stood-down']), openedAt: z.string(), openedBy: z.string(), reason: z.string(),
    reasonCode: z.nullable(reasonCodeSchema).check(z.describe('the poller\'s reason as a code; null for an officer\'s own words')), wave: int(), closedAt: z.nullable(z.string()),
    waveSms: z.nullable(waveSmsSchema).check(z.describe('the latest wave\'s tasking SMS and their time at the stage\'s pace, once it is booked (the activation\'s progress.waveSms); null before, and on activations the poller planned itself')),
  })).check(z.describe('the open activation, or after a stand-down the last one')),
  roads: z.record(z.string(), z.enum(ROAD_STATES)).check(z.describe('road id -> the state of its most urgent pass; roads out of scope are absent')),
  kpis: z.nullable(z.object({
    tier1LaneKm: z.number(), tier1PassableLaneKm: z.number(), tier1TargetAt: z.nullable(z.string()), tier1Late: z.boolean(),
    crewsOut: int(), tasks: int(), tasksDone: int(), unconfirmed: int(), unreachable: int(), cannot: int(), short: int(),
  })),
  ticker: z.array(loggedEntrySchema).check(z.describe('the latest response-log entries, newest first; phones masked')),
}).register(z.globalRegistry, { id: 'Board' }));

const _sameShape: [z.infer<typeof boardSchema>, Board] = [{} as Board, {} as z.infer<typeof boardSchema>];
void _sameShape;
