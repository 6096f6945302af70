import * as z from 'zod';

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
