import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { BatchFailureDeadLetters } from '../adapters/queue/BatchFailureDeadLetters.ts';
import { dispatchRequestMessageSchema } from '../adapters/queue/dispatchRequestMessage.ts';
import { dispatchWave } from '../core/dispatch/dispatchWave.ts';
import { parseEnv } from '../config/env.ts';
import { messagingEnvSchema } from '../config/lambdaEnv.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';
import { buildMessaging } from './context/buildMessaging.ts';

const env = parseEnv(messagingEnvSchema);
const telemetry = new Telemetry('dispatcher');
const { logger } = telemetry;
const deadLetters = new BatchFailureDeadLetters();
const deps = { ...buildCoreDeps(env, telemetry), ...buildMessaging(env, deadLetters, telemetry) };

/** SQS-triggered: each record dispatches one wave; a record whose SMS exhausted retries is reported failed (then dead-lettered by SQS). */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(telemetry.middlewares())
  .handler(async (event) => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      deadLetters.take();
      let request;
      try {
        request = dispatchRequestMessageSchema.parse(JSON.parse(record.body));
      } catch (error) {
        // Unreadable requests cannot succeed on a retry: fail them so SQS dead-letters them, with the reason logged.
        logger.error('dispatch request is not {activationId, shortfalls?}', { messageId: record.messageId, error: String(error) });
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      const summary = await dispatchWave(deps, request.activationId, { shortfalls: request.shortfalls });
      const letters = deadLetters.take();
      logger.info('wave dispatched', { activationId: request.activationId, ...summary, deadLetters: letters.length });
      if (letters.length > 0) batchItemFailures.push({ itemIdentifier: record.messageId });
    }
    return { batchItemFailures };
  });
