import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { documentClient } from '../adapters/dynamo/documentClient.ts';
import { DynamoCitizenCases } from '../adapters/dynamo/DynamoCitizenCases.ts';
import { Telemetry } from '../adapters/observability/Telemetry.ts';
import { DIMENSION, METRIC } from '../config/metrics.ts';
import type { DeadLetter } from '../core/ports/DeadLetterQueue.ts';
import { handleReply } from '../core/replies/handleReply.ts';
import { parseEnv } from '../config/env.ts';
import * as z from '../config/zod.ts';
import { repliesEnvSchema } from '../config/lambdaEnv.ts';
import { buildCoreDeps } from './context/buildCoreDeps.ts';
import { buildMessaging } from './context/buildMessaging.ts';

const env = parseEnv(repliesEnvSchema);
const telemetry = new Telemetry('sms-inbound');
const { logger } = telemetry;
// Replies are short and few: a reply SMS that exhausts its retries is in the response log (sms.dead-lettered),
// counted (SmsDeadLettered, alarmed) and logged as an error here.
const deadLetters = { send: async (letter: DeadLetter) => { telemetry.count(METRIC.smsDeadLettered); logger.error('reply SMS dead-lettered', { ...letter }); } };
// A reply to a citizen case's task moves the case (functions/core/citizen/followReplyTasks.ts).
const citizenCases = new DynamoCitizenCases(telemetry.tracer.captureAWSv3Client(documentClient()), env.CITIZEN_TABLE);
const deps = { ...buildCoreDeps(env, telemetry), ...buildMessaging(env, deadLetters, telemetry), citizenCases };

/** AWS End User Messaging SMS two-way message, as published to the inbound SNS topic. */
const inboundSchema = z.object({
  originationNumber: z.string(),
  destinationNumber: z.string(),
  messageBody: z.string(),
  inboundMessageId: z.string().check(z.minLength(1)),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Each inbound SMS becomes a reply applied to the sender's own tasks. */
export const handler = middy<SNSEvent>()
  .use(telemetry.middlewares())
  .handler(async (event: SNSEvent) => {
    for (const record of event.Records) {
      const parsed = inboundSchema.safeParse(parseJson(record.Sns.Message));
      if (!parsed.success) {
        logger.error('inbound SMS message is not a two-way SMS payload', { messageId: record.Sns.MessageId, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
        continue;
      }
      const outcome = await handleReply(deps, { inboundMessageId: parsed.data.inboundMessageId, from: parsed.data.originationNumber, body: parsed.data.messageBody });
      telemetry.count(METRIC.replies, 1, { name: DIMENSION.outcome, value: outcome });
      logger.info('inbound SMS handled', { inboundMessageId: parsed.data.inboundMessageId, outcome });
    }
  });
