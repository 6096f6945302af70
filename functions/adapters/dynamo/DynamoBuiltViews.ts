import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BuiltView, BuiltViews, ViewName } from '../../core/ports/BuiltViews.ts';
import { operationsKeys, PREFIX } from '../../config/operationsKeys.ts';
import { deleteAll, putAll } from './putAll.ts';
import { queryAll } from './queryAll.ts';

/** Compressed bytes per part item: under DynamoDB's 400 KB item limit with room for the keys. */
export const VIEW_PART_BYTES = 350_000;
/** Parts a replaced or interrupted put left behind are swept by the table's TTL after this long. */
const KEEP_SECONDS = 86_400;

type Head = { version: string; tag: string; parts: number };

/**
 * Built views in the operations table (pk=VIEW#<name>): the view gzipped and split over part items under a tag of
 * its own (a 50,000-road map or board is megabytes of JSON; two puts of one version never mix their parts), then a
 * head naming the version and the tag; the parts of the put it replaced are deleted after. A reader reads the head,
 * then the parts of its tag in one Query, and trusts them only when all are there (each part says how many there
 * are): a put under way, one that died part-way, or parts deleted by a newer put read as no view, and the reader
 * builds its own.
 */
export class DynamoBuiltViews implements BuiltViews {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async getView<T>(name: ViewName, version: string): Promise<BuiltView<T> | undefined> {
    const head = await this.head(name);
    return head?.version === version ? this.parts<T>(name, head) : undefined;
  }

  async getLatestView<T>(name: ViewName): Promise<{ version: string; view: BuiltView<T> } | undefined> {
    const head = await this.head(name);
    const view = head ? await this.parts<T>(name, head) : undefined;
    return head && view ? { version: head.version, view } : undefined;
  }

  async putView(name: ViewName, version: string, view: BuiltView<unknown>): Promise<void> {
    const tag = randomBytes(12).toString('base64url');
    const bytes = gzipSync(Buffer.from(JSON.stringify(view.value), 'utf8'));
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length || chunks.length === 0; at += VIEW_PART_BYTES) chunks.push(bytes.subarray(at, at + VIEW_PART_BYTES));
    const expiresAt = Math.floor(Date.parse(view.builtAt) / 1000) + KEEP_SECONDS;
    await putAll(this.db, this.tableName, chunks.map((data, i) => ({ ...operationsKeys.viewPart(name, tag, i), data, parts: chunks.length, builtAt: view.builtAt, expiresAt })), `${name} view parts`);
    const replaced = await this.head(name);
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...operationsKeys.viewHead(name), version, tag, parts: chunks.length } satisfies Head & Record<string, unknown> }));
    if (replaced && replaced.tag !== tag) {
      await deleteAll(this.db, this.tableName, Array.from({ length: replaced.parts }, (_, i) => operationsKeys.viewPart(name, replaced.tag, i)), `${name} view parts replaced`);
    }
  }

  private async head(name: ViewName): Promise<Head | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: operationsKeys.viewHead(name), ConsistentRead: true }));
    return out.Item as Head | undefined;
  }

  private async parts<T>(name: ViewName, head: Head): Promise<BuiltView<T> | undefined> {
    const parts = await queryAll<{ data: Uint8Array; parts: number; builtAt: string }>(this.db, {
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)', ConsistentRead: true,
      ExpressionAttributeValues: { ':pk': operationsKeys.viewHead(name).pk, ':v': `${PREFIX.viewPart}${head.tag}#` },
    });
    if (parts.length === 0 || parts.length !== parts[0]!.parts) return undefined;
    return { value: JSON.parse(gunzipSync(Buffer.concat(parts.map((p) => p.data))).toString('utf8')) as T, builtAt: parts[0]!.builtAt };
  }
}
