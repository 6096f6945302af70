import middy from '@middy/core';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { BatchFailureDeadLetters } from '../adapters/queue/BatchFailureDeadLetters.ts';
import { sweepEscalations } from '../core/escalation/sweepEscalations.ts';
import { parseEnv } from '../config/env.ts';
import { METRIC } from '../config/metrics.ts';
import { messagingEnvSchema } from '../config/lambdaEnv.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';
import { buildMessaging } from './context/buildMessaging.ts';

const env = parseEnv(messagingEnvSchema);
const telemetry = new Telemetry('escalator');
const { logger } = telemetry;
const deadLetters = new BatchFailureDeadLetters();
const deps = { ...buildCoreDeps(env, telemetry), ...buildMessaging(env, deadLetters, telemetry) };

/** EventBridge Scheduler tick (every minute or two): every tasking due by now goes one step up the ladder. */
export const handler = middy()
  .use(telemetry.middlewares())
  .handler(async () => {
    deadLetters.take();
    const summary = await sweepEscalations(deps);
    const letters = deadLetters.take();
    telemetry.count(METRIC.dutyOfficerEscalations, summary.advanced.filter((a) => a.step === 'duty-officer').length);
    logger.info('escalation sweep', { due: summary.due, advanced: summary.advanced.length, lost: summary.lost, steps: summary.advanced });
    // Failing the invocation sends the event to the schedule's dead-letter queue (with its alarm); the next sweep retries.
    if (letters.length > 0) throw new Error(`${letters.length} SMS exhausted their retries: ${letters.map((l) => `${l.key} (${l.reason})`).join('; ')}`);
    return summary;
  });
