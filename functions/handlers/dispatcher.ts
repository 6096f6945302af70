import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { BatchFailureDeadLetters } from '../adapters/queue/BatchFailureDeadLetters.ts';
import { dispatchRequestMessageSchema, type DispatchRequestMessage } from '../adapters/queue/dispatchRequestMessage.ts';
import { dispatchTeamsById } from '../core/dispatch/dispatchTeams.ts';
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

type Parsed = { messageId: string; request: DispatchRequestMessage };

/**
 * SQS-triggered. Streamed teams (records with taskIds) are texted first, all of one activation's together so
 * the pool is full; then each wave record dispatches its whole wave (the safety net). A record whose SMS
 * exhausted retries, or whose dispatch threw, is reported failed (redelivered, then dead-lettered by SQS).
 */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(telemetry.middlewares())
  .handler(async (event) => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    const fail = (records: readonly Parsed[]) => { for (const r of records) batchItemFailures.push({ itemIdentifier: r.messageId }); };
    const teams = new Map<string, Parsed[]>();
    const waves: Parsed[] = [];
    for (const record of event.Records) {
      try {
        const request = dispatchRequestMessageSchema.parse(JSON.parse(record.body));
        if (request.taskIds) teams.set(request.activationId, [...(teams.get(request.activationId) ?? []), { messageId: record.messageId, request }]);
        else waves.push({ messageId: record.messageId, request });
      } catch (error) {
        // Unreadable requests cannot succeed on a retry: fail them so SQS dead-letters them, with the reason logged.
        logger.error('dispatch request is not {activationId, taskIds?, shortfalls?}', { messageId: record.messageId, error: String(error) });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    for (const [activationId, records] of teams) {
      deadLetters.take();
      try {
        const counts = await dispatchTeamsById(deps, activationId, records.flatMap((r) => r.request.taskIds ?? []));
        const letters = deadLetters.take();
        logger.info('teams dispatched', { activationId, messages: records.length, ...counts, deadLetters: letters.length });
        if (letters.length > 0) fail(records);
      } catch (error) {
        logger.error('teams not dispatched', { activationId, messages: records.length, error: String(error) });
        fail(records);
      }
    }
    for (const wave of waves) {
      deadLetters.take();
      try {
        const summary = await dispatchWave(deps, wave.request.activationId, { shortfalls: wave.request.shortfalls });
        const letters = deadLetters.take();
        logger.info('wave dispatched', { activationId: wave.request.activationId, ...summary, deadLetters: letters.length });
        if (letters.length > 0) fail([wave]);
      } catch (error) {
        logger.error('wave not dispatched', { activationId: wave.request.activationId, error: String(error) });
        fail([wave]);
      }
    }
    return { batchItemFailures };
  });
