import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequestMessageSchema } from '../../../functions/adapters/queue/dispatchRequestMessage.ts';
import { SqsDispatchRequests } from '../../../functions/adapters/queue/SqsDispatchRequests.ts';
import type { Activation } from '../../../functions/core/operations/Activation.ts';
import type { Task } from '../../../functions/core/operations/Task.ts';
import type { Shortfall } from '../../../functions/core/planner/PlanTypes.ts';

const sqsMock = mockClient(SQSClient);
// The mock patches SQSClient itself: files that share this worker's modules (isolate off) must get the real client back.
afterAll(() => sqsMock.restore());
const sqs = new SQSClient({ region: 'cn-north-1' });
const QUEUE_URL = 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/snowops-dev-DispatchRequests';
const SHORTFALL: Shortfall = { roadId: 'r-renmin', roadName: '人民路', zoneId: 'jiefang', tier: 1, pass: 'plough', laneKm: 4.2, reason: 'no certified crew free in the zone or its neighbours' };

const ACTIVATION = { id: 'act-01JF', wave: 1 } as Activation;
const team = (n: number) => ({ activation: ACTIVATION, tasks: [{ id: `t-${n}a` }, { id: `t-${n}b` }] as Task[] });
const bodies = () => sqsMock.commandCalls(SendMessageCommand).map((c) => JSON.parse(c.args[0].input.MessageBody!) as { activationId: string; taskIds?: string[] });

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

  it('aws-sdk-client-mock: sends the first booked team at once, batches those booked while it was sending, and queues the wave after them', async () => {
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'q-3' });
    const requests = new SqsDispatchRequests(sqs, QUEUE_URL);

    for (let n = 1; n <= 4; n++) requests.handTeam(team(n));
    await requests.request({ activationId: 'act-01JF' });

    expect(bodies()).toEqual([
      { activationId: 'act-01JF', taskIds: ['t-1a', 't-1b'] },
      { activationId: 'act-01JF', taskIds: ['t-2a', 't-2b', 't-3a', 't-3b', 't-4a', 't-4b'] },
      { activationId: 'act-01JF' },
    ]);
    expect(dispatchRequestMessageSchema.parse(bodies()[1])).toEqual(bodies()[1]);
  });

  it('aws-sdk-client-mock: puts at most 10 teams in one message', async () => {
    sqsMock.on(SendMessageCommand).resolves({ MessageId: 'q-4' });
    const requests = new SqsDispatchRequests(sqs, QUEUE_URL);

    for (let n = 1; n <= 25; n++) requests.handTeam(team(n));
    await requests.request({ activationId: 'act-01JF' });

    expect(bodies().map((b) => (b.taskIds?.length ?? 0) / 2)).toEqual([1, 10, 10, 4, 0]);
  });

  it('aws-sdk-client-mock: still queues the wave when a team batch could not be sent, and keeps the batch it could not send', async () => {
    sqsMock.on(SendMessageCommand).rejectsOnce(new Error('ThrottlingException')).resolves({ MessageId: 'q-5' });
    const requests = new SqsDispatchRequests(sqs, QUEUE_URL);

    requests.handTeam(team(1));
    const receipt = await requests.request({ activationId: 'act-01JF' });

    expect(receipt).toEqual({ mode: 'queued' });
    expect(bodies().at(-1)).toEqual({ activationId: 'act-01JF' });
    expect(requests.unsentTeams).toMatchObject([{ activationId: 'act-01JF', taskIds: ['t-1a', 't-1b'], error: 'ThrottlingException' }]);
  });
});
