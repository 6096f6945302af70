import * as z from './zod.ts';

// Each schema is built inside a /* @__PURE__ */ function call, so that a Lambda's bundle drops the schemas of
// the other Lambdas (a `.check()` alone would keep them: the bundler cannot know it has no side effects) and
// its cold start builds only its own (npm run bench:bundles).

/** Variables every Lambda reads, parsed once at module load. */
export const tablesEnvSchema = z.object({
  REGISTRY_TABLE: z.string().check(z.minLength(1)),
  OPERATIONS_TABLE: z.string().check(z.minLength(1)),
  LOG_TABLE: z.string().check(z.minLength(1)),
});

export const pollerEnvSchema = /* @__PURE__ */ (() => z.extend(tablesEnvSchema, {
  OPEN_METEO_BASE_URL: z._default(z.url(), 'https://api.open-meteo.com'),
  SMS_SENDER_ID: z.optional(z.string()),
  SMS_ORIGINATION_NUMBER: z.optional(z.string()),
  SMS_SIGNATURE: z.optional(z.string().check(z.minLength(2))),
  /** Customer API key (with OPEN_METEO_BASE_URL=https://customer-api.open-meteo.com). */
  OPEN_METEO_API_KEY: z.optional(z.string().check(z.minLength(1))),
  OPEN_METEO_FORECAST_DAYS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(16)), 3),
  NWS_BASE_URL: z._default(z.url(), 'https://api.weather.gov'),
  MET_NORWAY_BASE_URL: z._default(z.url(), 'https://api.met.no'),
  /** Sent to NWS and MET Norway, who refuse anonymous clients: the application and a contact, e.g. "snowops/1.0 (ops@city.example)". */
  WEATHER_USER_AGENT: z._default(z.string().check(z.minLength(8, 'must identify the application and a contact')), 'snowops/0.1 (emergency snow response poller)'),
  /** Per attempt, per provider request. */
  WEATHER_TIMEOUT_MS: z._default(z.coerce.number().check(z.int(), z.gte(100), z.lte(60_000)), 8_000),
  /** Retries after the first attempt, on 429 / 5xx / network errors. */
  WEATHER_RETRIES: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(5)), 2),
  WEATHER_RETRY_BASE_MS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(30_000)), 500),
  /** A Retry-After longer than this is not waited for: the next provider is tried. */
  WEATHER_MAX_RETRY_AFTER_MS: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(120_000)), 20_000),
  /** QWeather API host (e.g. https://abc.re.qweatherapi.com) and JWT: with both set, every forecast carries QWeather's warnings (暴雪, 道路结冰 …). */
  QWEATHER_BASE_URL: z.optional(z.url()),
  QWEATHER_TOKEN: z.optional(z.string().check(z.minLength(1))),
}))();
export type PollerEnv = z.infer<typeof pollerEnvSchema>;

/**
 * The stage's SMS pace in message parts per second (its config's sms.pace: the origination identity's throughput
 * times the identities sending together; the stack sets it on every Lambda that texts). Required: a default
 * would pace a long code granted 1 part per second at 20, and every SMS past its pace is throttled.
 */
function smsPaceEnvShape() {
  return {
    SMS_PARTS_PER_SECOND: z.coerce.number().check(z.positive(), z.lte(1000)),
    /** The origination identity's kind (config sms.pace.origination), said with the pace where a wave's sending time is shown. */
    SMS_ORIGINATION: z.optional(z.string().check(z.minLength(1))),
  };
}

export const smsEnvSchema = /* @__PURE__ */ (() => z.extend(tablesEnvSchema, {
  SMS_SENDER_ID: z.optional(z.string()),
  SMS_ORIGINATION_NUMBER: z.optional(z.string()),
  /** The stage's registered SMS signature, without 【】: every message starts with it and its segments count it. */
  SMS_SIGNATURE: z.optional(z.string().check(z.minLength(2))),
}))();

/** Lambdas that send SMS reliably (dispatcher, escalator, sms-inbound): pace, retries, exactly-once table. */
export const messagingEnvSchema = /* @__PURE__ */ (() => z.extend(smsEnvSchema, {
  IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  /** Maximum price in USD per SMS (SNS MaxPrice), e.g. "0.50". */
  SMS_MAX_PRICE: z.optional(z.string().check(z.regex(/^\d+(\.\d+)?$/, 'must be a price in USD such as 0.50'))),
  ...smsPaceEnvShape(),
  /** Tries per SMS attempt on throttling or transient failure, the first included. */
  SMS_MAX_TRIES: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(20)), 6),
  /** SMS in flight at once (the pace is set by SMS_PARTS_PER_SECOND). */
  SMS_CONCURRENCY: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(64)), 8),
}))();

/** Lambdas that apply crews' replies (sms-inbound, the Alibaba Cloud callbacks): a reply to a citizen case's task moves the case. */
export const repliesEnvSchema = /* @__PURE__ */ (() => z.extend(messagingEnvSchema, {
  CITIZEN_TABLE: z.string().check(z.minLength(1)),
}))();

/** Lambdas that hand waves to the dispatcher (functions/adapters/queue/SqsDispatchRequests.ts). */
export const dispatchQueueEnvSchema = /* @__PURE__ */ (() => z.object({
  /** The dispatch queue's URL (the stack's Dispatcher construct sets it). */
  DISPATCH_QUEUE_URL: z.string().check(z.minLength(1)),
}))();

/** Lambdas that hand an officer's waves to the activation planner (functions/adapters/queue/SqsPlanningRequests.ts). */
export const planningQueueEnvSchema = /* @__PURE__ */ (() => z.object({
  /** The planning queue's URL (the stack's ActivationPlanner construct sets it). */
  PLANNING_QUEUE_URL: z.string().check(z.minLength(1)),
}))();

/** The activation planner Lambda: the tables it plans and books in, the dispatch queue it hands each planned wave to, and the stage's SMS pace. */
export const activationPlannerEnvSchema = /* @__PURE__ */ (() => z.extend(tablesEnvSchema, {
  ...dispatchQueueEnvSchema.shape,
  // It texts nobody: the pace (and the signature that counts in each message's parts) say how long the wave it booked takes to send.
  ...smsPaceEnvShape(),
  SMS_SIGNATURE: z.optional(z.string().check(z.minLength(2))),
}))();

/**
 * The forecast-poller Lambda: the poller's settings, the planning queue its activations and upgrades hand their
 * waves to, and the dispatch queue (a wave planned but left untold is requested again; a stand-down's hand-over finished).
 */
export const forecastPollerEnvSchema = /* @__PURE__ */ (() => z.extend(pollerEnvSchema, { ...dispatchQueueEnvSchema.shape, ...planningQueueEnvSchema.shape }))();

/**
 * The HTTP API: the tables (the registry written by admins), the idempotency keys of its routes, the
 * planning queue an officer's activation or upgrade hands its wave to, and the dispatch queue (a citizen
 * case's task, a downgrade's or stand-down's notices).
 */
export const apiEnvSchema = /* @__PURE__ */ (() => z.extend(tablesEnvSchema, {
  IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  ...dispatchQueueEnvSchema.shape,
  ...planningQueueEnvSchema.shape,
  // A reassignment tells both leaders by SMS from the API itself.
  SMS_SENDER_ID: z.optional(z.string()),
  SMS_ORIGINATION_NUMBER: z.optional(z.string()),
  /** Citizen reports: the officer registers, verifies and rejects them here, and the reporter is texted (at the stage's pace). */
  CITIZEN_TABLE: z.string().check(z.minLength(1)),
  ...smsPaceEnvShape(),
  /** The public report page's address (its status links go in the closing SMS); without it the SMS carries no link. */
  CITIZEN_PAGE_URL: z.optional(z.url()),
}))();

/**
 * The public API (citizens: Open311, the report page's routes): the tables it reads and the citizen table it
 * writes, the idempotency table (reporters' SMS are sent once), the photo bucket, and the page's address. No
 * dispatch queue: nothing the public calls starts a wave.
 */
export const publicApiEnvSchema = /* @__PURE__ */ (() => z.extend(tablesEnvSchema, {
  IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  SMS_SENDER_ID: z.optional(z.string()),
  SMS_ORIGINATION_NUMBER: z.optional(z.string()),
  SMS_SIGNATURE: z.optional(z.string().check(z.minLength(2))),
  ...smsPaceEnvShape(),
  CITIZEN_TABLE: z.string().check(z.minLength(1)),
  /** The public report page's address (status links in reporters' SMS). */
  CITIZEN_PAGE_URL: z.optional(z.url()),
  /** The private bucket reporters' photos are uploaded to (presigned PUTs) and kept in, stripped. */
  PHOTO_BUCKET: z.string().check(z.minLength(3)),
}))();
