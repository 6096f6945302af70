import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { PREFIX } from '../../../functions/config/operationsKeys.ts';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { CREWS, messagingWorld, type MessagingWorld } from '../../support/messagingWorld.ts';

const worlds: MessagingWorld[] = [];
afterEach(async () => { for (const w of worlds.splice(0)) await w.close(); });

type Item = { Key?: { sk?: unknown }; Item?: { sk?: unknown } };

/** Requests (every SDK attempt) that write a task item, counted while `counting` is on. */
function meterTaskWrites(client: DynamoDBClient): { counting: boolean; requests: number; items: number } {
  const meter = { counting: false, requests: 0, items: 0 };
  // The key as the document client gave it, or as marshalled ({ S: … }), whichever this step sees.
  const sk = (v: unknown) => (typeof v === 'string' ? v : ((v as { S?: string } | undefined)?.S ?? ''));
  const isTask = (i: Item | undefined) => sk(i?.Key?.sk ?? i?.Item?.sk).startsWith(PREFIX.task);
  client.middlewareStack.add((next, context) => async (args) => {
    if (meter.counting) {
      const input = args.input as { Key?: Item['Key']; Item?: Item['Item']; TransactItems?: Record<string, Item>[] };
      const written = context.commandName === 'TransactWriteItemsCommand'
        ? (input.TransactItems ?? []).filter((t) => isTask(t.Update ?? t.Put ?? t.Delete)).length
        : ['UpdateItemCommand', 'PutItemCommand', 'DeleteItemCommand'].includes(context.commandName ?? '') && isTask(input) ? 1 : 0;
      if (written > 0) {
        meter.requests++;
        meter.items += written;
      }
    }
    return next(args);
  }, { step: 'build', priority: 'low', name: 'taskWriteMeter' });
  return meter;
}

describe('moving a crew\'s tasks on (DynamoDB Local, taskings through the local SNS endpoint)', () => {
  it('marks a crew\'s 30 tasks dispatched with one request, not one per task', async () => {
    const world = await messagingWorld({ storage: 'dynamo' });
    worlds.push(world);
    const { activation } = await world.activate([]);
    await world.crewWithTasks(activation.id, 30);
    const meter = meterTaskWrites(world.client);

    meter.counting = true;
    await dispatchWave(world.deps, activation.id);
    meter.counting = false;

    expect({ requests: meter.requests, items: meter.items, dispatched: (await world.tasks.listTasks(activation.id)).filter((t) => t.state === 'dispatched').length })
      .toEqual({ requests: 1, items: 30, dispatched: 30 });
  });

  it('acknowledges a crew\'s 30 tasks on its leader\'s "1" with one request', async () => {
    const world = await messagingWorld({ storage: 'dynamo' });
    worlds.push(world);
    const { activation } = await world.activate([]);
    await world.crewWithTasks(activation.id, 30);
    await dispatchWave(world.deps, activation.id);
    const meter = meterTaskWrites(world.client);

    meter.counting = true;
    const outcome = await handleReply(world.deps, { inboundMessageId: 'in-1', from: CREWS[1]!.leader.phone, body: '1' });
    meter.counting = false;

    expect({ outcome, requests: meter.requests, acknowledged: (await world.tasks.listTasks(activation.id)).filter((t) => t.state === 'acknowledged').length })
      .toEqual({ outcome: 'applied', requests: 1, acknowledged: 30 });
  });
});
