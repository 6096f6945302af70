import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { planningRequestMessageSchema } from '../../../functions/adapters/queue/planningRequestMessage.ts';
import { SqsPlanningRequests } from '../../../functions/adapters/queue/SqsPlanningRequests.ts';

const sqsMock = mockClient(SQSClient);
// The mock patches SQSClient itself: files that share this worker's modules (isolate off) must get the real client back.
afterAll(() => sqsMock.restore());
const sqs = new SQSClient({ region: 'cn-north-1' });
const QUEUE_URL = 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/snowops-dev-PlanningRequests';
const sentBody = () => JSON.parse(sqsMock.commandCalls(SendMessageCommand)[0]!.args[0].input.MessageBody!) as unknown;

describe('SqsPlanningRequests (aws-sdk-client-mock)', () => {
  beforeEach(() => { sqsMock.reset(); sqsMock.on(SendMessageCommand).resolves({ MessageId: 'q-1' }); });

  it('aws-sdk-client-mock: hands the plan kept ready to the planning queue in a body the planner reads back as a ready-plan request', async () => {
    await new SqsPlanningRequests(sqs, QUEUE_URL).keepReady({ requestedAt: '2026-12-14T02:00:00.000Z' });

    expect(sqsMock).toHaveReceivedCommandWith(SendMessageCommand, { QueueUrl: QUEUE_URL });
    expect(planningRequestMessageSchema.parse(sentBody())).toEqual({ readyPlan: { requestedAt: '2026-12-14T02:00:00.000Z' } });
  });

  it('aws-sdk-client-mock: still hands a wave in a body the planner reads back as that wave', async () => {
    await new SqsPlanningRequests(sqs, QUEUE_URL).request({ activationId: 'act-01JF', wave: 2 });

    expect(planningRequestMessageSchema.parse(sentBody())).toEqual({ activationId: 'act-01JF', wave: 2 });
  });
});
