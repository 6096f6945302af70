import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { BatchFailureDeadLetters } from '../adapters/queue/BatchFailureDeadLetters.ts';
import { sweepEscalations } from '../core/escalation/sweepEscalations.ts';
import { parseEnv } from '../config/env.ts';
import { messagingEnvSchema } from '../config/lambdaEnv.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';
import { buildMessaging } from './context/buildMessaging.ts';

const env = parseEnv(messagingEnvSchema);
const logger = new Logger({ serviceName: 'escalator' });
const deadLetters = new BatchFailureDeadLetters();
const deps = { ...buildCoreDeps(env), ...buildMessaging(env, deadLetters) };

/** EventBridge Scheduler tick (every minute or two): every tasking due by now goes one step up the ladder. */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .handler(async () => {
    deadLetters.take();
    const summary = await sweepEscalations(deps);
    const letters = deadLetters.take();
    logger.info('escalation sweep', { due: summary.due, advanced: summary.advanced.length, lost: summary.lost, steps: summary.advanced });
    // Failing the invocation sends the event to the schedule's dead-letter queue (with its alarm); the next sweep retries.
    if (letters.length > 0) throw new Error(`${letters.length} SMS exhausted their retries: ${letters.map((l) => `${l.key} (${l.reason})`).join('; ')}`);
    return summary;
  });
