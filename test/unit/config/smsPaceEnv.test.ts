import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../functions/config/env.ts';
import { activationPlannerEnvSchema, apiEnvSchema, messagingEnvSchema, publicApiEnvSchema } from '../../../functions/config/lambdaEnv.ts';

const TABLES = { REGISTRY_TABLE: 'r', OPERATIONS_TABLE: 'o', LOG_TABLE: 'l', IDEMPOTENCY_TABLE: 'i', CITIZEN_TABLE: 'c' };
const SCHEMAS = [
  ['the dispatcher, escalator and sms-inbound', messagingEnvSchema, TABLES],
  ['the officers\' API (reporters texted)', apiEnvSchema, { ...TABLES, DISPATCH_QUEUE_URL: 'https://sqs.local/d', PLANNING_QUEUE_URL: 'https://sqs.local/p' }],
  ['the public API (reporters texted)', publicApiEnvSchema, { ...TABLES, PHOTO_BUCKET: 'photos' }],
  ['the activation planner (the wave\'s sending time)', activationPlannerEnvSchema, { ...TABLES, DISPATCH_QUEUE_URL: 'https://sqs.local/d' }],
] as const;

describe('the SMS pace every texting Lambda reads (the stage config\'s sms.pace, no default)', () => {
  it.each(SCHEMAS)('%s fails to start without it, naming the variable', (_name, schema, env) => {
    expect(() => parseEnv(schema, env)).toThrow(/SMS_PARTS_PER_SECOND/);
  });

  it.each(SCHEMAS)('%s reads the stage\'s pace as given', (_name, schema, env) => {
    expect(parseEnv(schema, { ...env, SMS_PARTS_PER_SECOND: '1' }).SMS_PARTS_PER_SECOND).toBe(1);
  });
});
