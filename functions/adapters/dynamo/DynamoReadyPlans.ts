import { gunzipSync, gzipSync } from 'node:zlib';
import { DeleteCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReadyPlan } from '../../core/operations/ReadyPlan.ts';
import type { ReadyPlans } from '../../core/ports/ReadyPlans.ts';
import { operationsKeys, PARTITION, PREFIX } from '../../config/operationsKeys.ts';
import { writeIf } from './conditionalWrite.ts';
import { deleteAll, putAll } from './putAll.ts';
import { queryAll } from './queryAll.ts';

/** Compressed bytes of the plan per part item: under DynamoDB's 400 KB item limit with room for the keys. */
export const READY_PLAN_PART_BYTES = 350_000;
/** Parts a failed or replaced save left behind are swept by the table's TTL after this long. */
const KEEP_SECONDS = 3 * 86_400;

type Head = Omit<ReadyPlan, 'teams' | 'shortfalls'> & { version: string; parts: number };

/**
 * The ready plan in the operations table (pk=READYPLAN). A 50,000-road city's plan is megabytes of JSON,
 * past DynamoDB's 400 KB item limit: its teams and shortfalls are gzipped and split over part items under
 * a new version, and only then does the head item name that version (a conditional write: an older plan
 * never replaces a newer one); the parts of the version replaced are deleted after. A reader that finds
 * parts missing (a save replacing them meanwhile) reads the head again once, else answers undefined, and
 * the activation plans cold.
 */
export class DynamoReadyPlans implements ReadyPlans {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async getReadyPlan(): Promise<ReadyPlan | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const head = await this.head();
      if (!head) return undefined;
      const parts = await this.parts(head.version);
      if (parts.length !== head.parts) continue;
      const body = JSON.parse(gunzipSync(Buffer.concat(parts)).toString('utf8')) as Pick<ReadyPlan, 'teams' | 'shortfalls'>;
      const { version: _v, parts: _p, ...fields } = head;
      return { zoneLevels: fields.zoneLevels, inputKey: fields.inputKey, madeAt: fields.madeAt, checkedAt: fields.checkedAt, startAt: fields.startAt, teams: body.teams, shortfalls: body.shortfalls };
    }
    return undefined;
  }

  async saveReadyPlan(plan: ReadyPlan): Promise<void> {
    const before = await this.head();
    if (before && before.madeAt > plan.madeAt) return;
    const version = `${plan.madeAt}#${plan.inputKey.slice(0, 12)}`;
    const bytes = gzipSync(Buffer.from(JSON.stringify({ teams: plan.teams, shortfalls: plan.shortfalls }), 'utf8'));
    const parts: Buffer[] = [];
    for (let at = 0; at < bytes.length || parts.length === 0; at += READY_PLAN_PART_BYTES) parts.push(bytes.subarray(at, at + READY_PLAN_PART_BYTES));
    const expiresAt = Math.floor(Date.parse(plan.madeAt) / 1000) + KEEP_SECONDS;
    await putAll(this.db, this.tableName, parts.map((data, i) => ({ ...operationsKeys.readyPlanPart(version, i), data, expiresAt })), 'ready plan parts');
    const head: Head = { version, parts: parts.length, zoneLevels: plan.zoneLevels, inputKey: plan.inputKey, madeAt: plan.madeAt, checkedAt: plan.checkedAt, startAt: plan.startAt };
    const written = await writeIf(this.db, {
      Put: {
        TableName: this.tableName, Item: { ...operationsKeys.readyPlanHead(), ...head },
        ConditionExpression: 'attribute_not_exists(pk) OR madeAt <= :madeAt', ExpressionAttributeValues: { ':madeAt': plan.madeAt },
      },
    }, true);
    // The version that lost, or the one replaced: its parts are not read any more.
    if (written === 'refused') await this.deleteParts(version);
    else if (before && before.version !== version) await this.deleteParts(before.version);
  }

  async confirmReadyPlan(inputKey: string, checkedAt: string): Promise<boolean> {
    const written = await writeIf(this.db, {
      Update: {
        TableName: this.tableName, Key: operationsKeys.readyPlanHead(), UpdateExpression: 'SET checkedAt = :checkedAt',
        ConditionExpression: 'inputKey = :inputKey', ExpressionAttributeValues: { ':checkedAt': checkedAt, ':inputKey': inputKey },
      },
    }, true);
    return written === 'written';
  }

  async clearReadyPlan(): Promise<void> {
    const before = await this.head();
    if (!before) return;
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: operationsKeys.readyPlanHead() }));
    await this.deleteParts(before.version);
  }

  private async head(): Promise<Head | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: operationsKeys.readyPlanHead(), ConsistentRead: true }));
    return out.Item as Head | undefined;
  }

  private async parts(version: string): Promise<Buffer[]> {
    const items = await queryAll<{ sk: string; data: Uint8Array }>(this.db, {
      TableName: this.tableName, ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': PARTITION.readyPlan, ':prefix': `${PREFIX.readyPlanPart}${version}#` },
    });
    return items.sort((a, b) => a.sk.localeCompare(b.sk)).map((i) => Buffer.from(i.data));
  }

  private async deleteParts(version: string): Promise<void> {
    const n = (await this.parts(version)).length;
    await deleteAll(this.db, this.tableName, Array.from({ length: n }, (_, i) => operationsKeys.readyPlanPart(version, i)), 'ready plan parts');
  }
}
