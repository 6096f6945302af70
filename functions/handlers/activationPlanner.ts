import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { planningRequestMessageSchema } from '../adapters/queue/planningRequestMessage.ts';
import { SqsDispatchRequests } from '../adapters/queue/SqsDispatchRequests.ts';
import { planActivationWave } from '../core/activation/planActivationWave.ts';
import { keepReadyOnRequest } from '../core/readiness/keepReadyOnRequest.ts';
import { parseEnv } from '../config/env.ts';
import { activationPlannerEnvSchema } from '../config/lambdaEnv.ts';
import { buildStores } from './context/buildStores.ts';

const env = parseEnv(activationPlannerEnvSchema);
const telemetry = new Telemetry('activation-planner');
const { logger } = telemetry;
// The planned wave goes to the dispatcher's queue: the SMS pace is the dispatcher's alone.
const deps = {
  ...buildStores(env, telemetry),
  dispatch: new SqsDispatchRequests(telemetry.tracer.captureAWSv3Client(new SQSClient({})), env.DISPATCH_QUEUE_URL),
  // The progress says how long the booked wave's SMS take at the stage's pace.
  smsPace: { partsPerSecond: env.SMS_PARTS_PER_SECOND, ...(env.SMS_ORIGINATION ? { origination: env.SMS_ORIGINATION } : {}), ...(env.SMS_SIGNATURE ? { signature: env.SMS_SIGNATURE } : {}) },
};

/**
 * SQS-triggered: each record plans, books and queues one wave of an activation or upgrade (the poller's or an
 * officer's), or makes (or confirms) the plan kept ready while zones are on watch, which the poller hands over.
 */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(telemetry.middlewares())
  .handler(async (event) => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      let request;
      try {
        request = planningRequestMessageSchema.parse(JSON.parse(record.body));
      } catch (error) {
        // Unreadable requests cannot succeed on a retry: fail them so SQS dead-letters them, with the reason logged.
        logger.error('planning request is not {activationId, wave, upgradedFrom?} nor {readyPlan: {requestedAt}}', { messageId: record.messageId, error: String(error) });
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      if ('readyPlan' in request) {
        // A failure is logged (ready-plan.failed) and the next poll hands it over again: nothing to redeliver.
        const ready = await keepReadyOnRequest(deps, request.readyPlan);
        logger.info('ready plan kept', { requestedAt: request.readyPlan.requestedAt, ...ready });
        continue;
      }
      // A throw (not a planning failure, which is recorded on the activation) leaves the message to be redelivered.
      const outcome = await planActivationWave(deps, request);
      logger.info('wave planned', { activationId: request.activationId, wave: request.wave, outcome: outcome.outcome, ...(outcome.outcome === 'failed' ? { reason: outcome.reason } : {}) });
    }
    return { batchItemFailures };
  });
