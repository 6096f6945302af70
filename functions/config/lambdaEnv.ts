import { z } from 'zod';

/** Variables every Lambda reads, parsed once at module load. */
export const tablesEnvSchema = z.object({
  REGISTRY_TABLE: z.string().min(1),
  OPERATIONS_TABLE: z.string().min(1),
  LOG_TABLE: z.string().min(1),
});

export const pollerEnvSchema = tablesEnvSchema.extend({
  OPEN_METEO_BASE_URL: z.url().default('https://api.open-meteo.com'),
  SMS_SENDER_ID: z.string().optional(),
  SMS_ORIGINATION_NUMBER: z.string().optional(),
});

export const smsEnvSchema = tablesEnvSchema.extend({
  SMS_SENDER_ID: z.string().optional(),
  SMS_ORIGINATION_NUMBER: z.string().optional(),
});

/** Lambdas that send SMS reliably (dispatcher, escalator, sms-inbound): pace, retries, exactly-once table. */
export const messagingEnvSchema = smsEnvSchema.extend({
  IDEMPOTENCY_TABLE: z.string().min(1),
  /** Maximum price in USD per SMS (SNS MaxPrice), e.g. "0.50". */
  SMS_MAX_PRICE: z.string().regex(/^\d+(\.\d+)?$/, 'must be a price in USD such as 0.50').optional(),
  /** The account's SMS throughput in message parts per second (1 to 100 by number type). */
  SMS_PARTS_PER_SECOND: z.coerce.number().positive().max(1000).default(20),
  /** Tries per SMS attempt on throttling or transient failure, the first included. */
  SMS_MAX_TRIES: z.coerce.number().int().min(1).max(20).default(6),
  /** SMS in flight at once (the pace is set by SMS_PARTS_PER_SECOND). */
  SMS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
});
