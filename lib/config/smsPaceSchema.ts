import * as z from 'zod';

/**
 * What the carrier sees sending (the origination identity), which sets how fast a stage may text:
 * with End User Messaging SMS a US short code takes 100 message parts per second, a toll-free number 3,
 * a 10DLC number 1 until its campaign's rate is granted, a long code about 1; a sender ID by country.
 * Alibaba Cloud sends under the account's signature (SendSms allows 5,000 calls a second per account).
 */
export const ORIGINATIONS = ['long-code', '10dlc', 'toll-free', 'short-code', 'sender-id', 'aliyun-signature'] as const;

/** The dispatcher's ceiling (SMS_PARTS_PER_SECOND, functions/config/lambdaEnv.ts). */
export const MAX_PARTS_PER_SECOND = 1000;

/**
 * The stage's SMS pace, said aloud: the origination identity and its throughput. A pool of identities
 * multiplies it. The first wave of a storm takes at least its message parts divided by this pace.
 */
export const smsPaceSchema = z.strictObject({
  origination: z.enum(ORIGINATIONS),
  /** Message parts per second one identity may send (what the provider granted it, not what one hopes). */
  partsPerSecondEach: z.number().positive().max(MAX_PARTS_PER_SECOND),
  /** How many identities send together (a pool of numbers); the pace is their sum. */
  identities: z.number().int().min(1).max(MAX_PARTS_PER_SECOND).default(1),
}).refine((pace) => pace.partsPerSecondEach * pace.identities <= MAX_PARTS_PER_SECOND, {
  message: `partsPerSecondEach × identities must be at most ${MAX_PARTS_PER_SECOND} message parts per second (the dispatcher's ceiling)`,
});
export type SmsPace = z.infer<typeof smsPaceSchema>;

/** The stage's pace in message parts per second: each identity's throughput times the identities sending. */
export const pacePartsPerSecond = (pace: SmsPace): number => pace.partsPerSecondEach * pace.identities;
