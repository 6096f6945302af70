import * as z from '../../../config/zod.ts';
import { lazyOnce } from './lazyOnce.ts';
import type { WaveSms } from '../../../core/dispatch/WaveSms.ts';

export const waveSmsSchema = lazyOnce(() => z.object({
  messages: z.number().check(z.int(), z.describe('tasking SMS the wave sends: one per crew leader, more where a tasking is split over messages')),
  parts: z.number().check(z.int(), z.describe('the message parts (segments) those SMS take, rendered as they will be sent')),
  partsPerSecond: z.number().check(z.describe('the stage\'s SMS pace (config sms.pace: the origination identity\'s throughput times the identities)')),
  origination: z.nullable(z.string()).check(z.describe('the origination identity\'s kind (long-code, 10dlc, toll-free, short-code, sender-id, aliyun-signature); null where the stage does not name it')),
  seconds: z.number().check(z.int(), z.describe('parts / partsPerSecond, rounded up: the least time the wave takes to send')),
}).check(z.describe('the wave\'s tasking SMS and how long they take at the stage\'s pace (escalations and notices come on top)')).register(z.globalRegistry, { id: 'WaveSms' }));

const _sameShape: [z.infer<typeof waveSmsSchema>, WaveSms] = [{} as WaveSms, {} as z.infer<typeof waveSmsSchema>];
void _sameShape;
