import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequestMessageSchema } from '../../../functions/adapters/queue/dispatchRequestMessage.ts';
import { SqsDispatchRequests } from '../../../functions/adapters/queue/SqsDispatchRequests.ts';
import type { Shortfall } from '../../../functions/core/planner/PlanTypes.ts';

const sqsMock = mockClient(SQSClient);
const sqs = new SQSClient({ region: 'cn-north-1' });
const QUEUE_URL = 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/snowops-dev-DispatchRequests';
const SHORTFALL: Shortfall = { roadId: 'r-renmin', roadName: '人民路', zoneId: 'jiefang', tier: 1, pass: 'plough', laneKm: 4.2, reason: 'no certified crew free in the zone or its neighbours' };

function sentBody(): unknown {
  const call = sqsMock.commandCalls(SendMessageCommand)[0];
  return JSON.parse(call!.args[0].input.MessageBody!);
}

describe('SqsDispatchRequests (aws-sdk-client-mock)', () => {
  beforeEach(() => sqsMock.reset());

  it('aws-sdk-client-mock: sends one message to the dispatch queue naming the activation, and answers queued', async () => {
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'q-1' });

    const receipt = await new SqsDispatchRequests(sqs, QUEUE_URL).request({ activationId: 'act-01JF' });

    expect(receipt).toEqual({ mode: 'queued' });
    expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageCommand, { QueueUrl: QUEUE_URL, MessageBody: '{"activationId":"act-01JF"}' });
  });

  it('aws-sdk-client-mock: writes a body the dispatcher\'s message schema reads back unchanged, shortfalls included', async () => {
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'q-2' });

    await new SqsDispatchRequests(sqs, QUEUE_URL).request({ activationId: 'act-01JF', shortfalls: [SHORTFALL] });

    expect(dispatchRequestMessageSchema.parse(sentBody())).toEqual({ activationId: 'act-01JF', shortfalls: [SHORTFALL] });
  });

  it('aws-sdk-client-mock: lets a refused send fail the caller, so the activation is not reported as dispatched', async () => {
    sqsMock.on(SendMessageCommand).rejects(new Error('AccessDenied: not authorized to perform sqs:SendMessage'));

    const request = new SqsDispatchRequests(sqs, QUEUE_URL).request({ activationId: 'act-01JF' });

    await expect(request).rejects.toThrow(/sqs:SendMessage/);
  });
});
