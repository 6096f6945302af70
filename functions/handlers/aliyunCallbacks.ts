import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { documentClient } from '../adapters/dynamo/documentClient.ts';
import { DynamoCitizenCases } from '../adapters/dynamo/DynamoCitizenCases.ts';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { handleAliyunCallback } from '../adapters/sms/aliyun/handleAliyunCallback.ts';
import { readSecretString } from '../adapters/secrets/readSecretString.ts';
import { parseEnv } from '../config/env.ts';
import { repliesEnvSchema } from '../config/lambdaEnv.ts';
import * as z from '../config/zod.ts';
import { METRIC } from '../config/metrics.ts';
import type { DeadLetter } from '../core/ports/DeadLetterQueue.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';
import { answerAliyunCallback } from './aliyun/answerAliyunCallback.ts';
import { buildMessaging } from './context/buildMessaging.ts';

const env = parseEnv(z.extend(repliesEnvSchema, {
  /**
   * The secret part of the callback URLs registered with Alibaba Cloud (…/sms/aliyun/uplink?token=…): its HTTP push
   * signs nothing, so the URL is the credential. Deployed, a Secrets Manager secret the stack generates (the
   * token is its value); locally, the token itself.
   */
  ALIYUN_CALLBACK_TOKEN_SECRET_ARN: z.optional(z.string().check(z.minLength(1))),
  ALIYUN_CALLBACK_TOKEN: z.optional(z.string().check(z.minLength(24))),
}));
const telemetry = new Telemetry('aliyun-callbacks');
const { logger } = telemetry;
const deadLetters = { send: async (letter: DeadLetter) => { telemetry.count(METRIC.smsDeadLettered); logger.error('reply SMS dead-lettered', { ...letter }); } };
// A reply to a citizen case's task moves the case (functions/core/citizen/followReplyTasks.ts).
const citizenCases = new DynamoCitizenCases(telemetry.tracer.captureAWSv3Client(documentClient()), env.CITIZEN_TABLE);
const deps = { ...buildCoreDeps(env, telemetry), ...buildMessaging(env, deadLetters, telemetry), citizenCases };
const token = env.ALIYUN_CALLBACK_TOKEN_SECRET_ARN ? await readSecretString(env.ALIYUN_CALLBACK_TOKEN_SECRET_ARN) : env.ALIYUN_CALLBACK_TOKEN;
if (!token || token.length < 24) throw new Error('invalid configuration: ALIYUN_CALLBACK_TOKEN_SECRET_ARN: required, naming a secret of 24 characters or more (or ALIYUN_CALLBACK_TOKEN, locally)');

/** Alibaba Cloud SMS's HTTP callbacks: uplink replies (to reply handling) and delivery receipts (logged). */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(telemetry.middlewares())
  .handler(answerAliyunCallback(token, (kind, body) => handleAliyunCallback(deps, kind, body), (kind, outcomes) => logger.info('Alibaba Cloud callback handled', { kind, outcomes })));
