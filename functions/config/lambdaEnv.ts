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
  /** Customer API key (with OPEN_METEO_BASE_URL=https://customer-api.open-meteo.com). */
  OPEN_METEO_API_KEY: z.string().min(1).optional(),
  OPEN_METEO_FORECAST_DAYS: z.coerce.number().int().min(1).max(16).default(3),
  NWS_BASE_URL: z.url().default('https://api.weather.gov'),
  MET_NORWAY_BASE_URL: z.url().default('https://api.met.no'),
  /** Sent to NWS and MET Norway, who refuse anonymous clients: the application and a contact, e.g. "snowops/1.0 (ops@city.example)". */
  WEATHER_USER_AGENT: z.string().min(8, 'must identify the application and a contact').default('snowops/0.1 (emergency snow response poller)'),
  /** Per attempt, per provider request. */
  WEATHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8_000),
  /** Retries after the first attempt, on 429 / 5xx / network errors. */
  WEATHER_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  WEATHER_RETRY_BASE_MS: z.coerce.number().int().min(1).max(30_000).default(500),
  /** A Retry-After longer than this is not waited for: the next provider is tried. */
  WEATHER_MAX_RETRY_AFTER_MS: z.coerce.number().int().min(0).max(120_000).default(20_000),
  /** QWeather API host (e.g. https://abc.re.qweatherapi.com) and JWT: with both set, every forecast carries QWeather's warnings (暴雪, 道路结冰 …). */
  QWEATHER_BASE_URL: z.url().optional(),
  QWEATHER_TOKEN: z.string().min(1).optional(),
});
export type PollerEnv = z.infer<typeof pollerEnvSchema>;

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

/** Lambdas that hand waves to the dispatcher (functions/adapters/queue/SqsDispatchRequests.ts). */
export const dispatchQueueEnvSchema = z.object({
  /** The dispatch queue's URL (the stack's Dispatcher construct sets it). */
  DISPATCH_QUEUE_URL: z.string().min(1),
});

/** The forecast-poller Lambda: the poller's settings, and the queue its activations and raises hand their waves to. */
export const forecastPollerEnvSchema = pollerEnvSchema.extend(dispatchQueueEnvSchema.shape);

/**
 * The HTTP API: the tables (the registry written by admins), the idempotency keys of its routes, and
 * the dispatch queue an officer's activation hands its first wave to. It sends no SMS itself.
 */
export const apiEnvSchema = tablesEnvSchema.extend({
  IDEMPOTENCY_TABLE: z.string().min(1),
  ...dispatchQueueEnvSchema.shape,
  // A reassignment tells both leaders by SMS from the API itself.
  SMS_SENDER_ID: z.string().optional(),
  SMS_ORIGINATION_NUMBER: z.string().optional(),
});
