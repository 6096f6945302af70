import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchWave } from '../../../functions/core/dispatch/dispatchWave.ts';
import { handleReply } from '../../../functions/core/replies/handleReply.ts';
import { CREWS, messagingWorld, type MessagingWorld } from '../../support/messagingWorld.ts';

const worlds: MessagingWorld[] = [];
afterEach(async () => { for (const w of worlds.splice(0)) await w.close(); });

const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);

/** Read capacity DynamoDB Local reports for every read the client sends while `counting` is on. */
function meterReads(client: DynamoDBClient): { counting: boolean; units: number } {
  const meter = { counting: false, units: 0 };
  client.middlewareStack.add((next, context) => async (args) => {
    if (!meter.counting || !READS.has(context.commandName ?? '')) return next(args);
    (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
    const out = await next(args);
    const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
    for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) meter.units += c.CapacityUnits ?? 0;
    return out;
  }, { step: 'initialize', priority: 'low', name: 'replyReadMeter' });
  return meter;
}

/** C01 leads T01 and T02; C02 leads `otherTasks` more passes on roads of its own; both taskings sent. Returns what C01's "1" read. */
async function readUnitsOfOneReply(otherTasks: number): Promise<number> {
  const world = await messagingWorld({ storage: 'dynamo' });
  worlds.push(world);
  const { activation } = await world.activate([{ crewId: 'C01', roadIds: ['R1', 'R2'] }]);
  await world.crewWithTasks(activation.id, otherTasks);
  await dispatchWave(world.deps, activation.id);
  const meter = meterReads(world.client);
  meter.counting = true;
  expect(await handleReply(world.deps, { inboundMessageId: `in-${otherTasks}`, from: CREWS[0]!.leader.phone, body: '1' })).toBe('applied');
  meter.counting = false;
  return meter.units;
}

describe('a crew leader\'s reply at city scale (DynamoDB Local, answers through the local SNS endpoint)', () => {
  it('reads only the replying crew\'s taskings and tasks: its reads do not grow with the rest of the activation', async () => {
    const small = await readUnitsOfOneReply(2);
    const large = await readUnitsOfOneReply(300);
    expect({ small, large }).toEqual({ small, large: small });
  });
});
