import { createHash } from 'node:crypto';
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

/** A version as a short, key-safe tag (versions are whatever the caller keys its answer by). */
const tagOf = (version: string) => createHash('sha256').update(version).digest('base64url').slice(0, 22);

/**
 * Built views in the operations table (pk=VIEW#<name>): the view gzipped and split over part items under its
 * version's tag (a 50,000-road map or board is megabytes of JSON), then a head naming that version; the parts of
 * the version it replaced are deleted after. A reader reads the parts of the version it wants in one Query and
 * trusts them only when all are there (each part says how many there are): a put under way, or one that died
 * part-way, reads as no view, and the reader builds its own.
 */
export class DynamoBuiltViews implements BuiltViews {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async getView<T>(name: ViewName, version: string): Promise<BuiltView<T> | undefined> {
    const parts = await queryAll<{ data: Uint8Array; parts: number; builtAt: string }>(this.db, {
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)', ConsistentRead: true,
      ExpressionAttributeValues: { ':pk': operationsKeys.viewHead(name).pk, ':v': `${PREFIX.viewPart}${tagOf(version)}#` },
    });
    if (parts.length === 0 || parts.length !== parts[0]!.parts) return undefined;
    return { value: JSON.parse(gunzipSync(Buffer.concat(parts.map((p) => p.data))).toString('utf8')) as T, builtAt: parts[0]!.builtAt };
  }

  async putView(name: ViewName, version: string, view: BuiltView<unknown>): Promise<void> {
    const tag = tagOf(version);
    const bytes = gzipSync(Buffer.from(JSON.stringify(view.value), 'utf8'));
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length || chunks.length === 0; at += VIEW_PART_BYTES) chunks.push(bytes.subarray(at, at + VIEW_PART_BYTES));
    const expiresAt = Math.floor(Date.parse(view.builtAt) / 1000) + KEEP_SECONDS;
    await putAll(this.db, this.tableName, chunks.map((data, i) => ({ ...operationsKeys.viewPart(name, tag, i), data, parts: chunks.length, builtAt: view.builtAt, expiresAt })), `${name} view parts`);
    const before = await this.db.send(new GetCommand({ TableName: this.tableName, Key: operationsKeys.viewHead(name), ConsistentRead: true }));
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...operationsKeys.viewHead(name), tag, parts: chunks.length } }));
    const replaced = before.Item as { tag: string; parts: number } | undefined;
    if (replaced && replaced.tag !== tag) {
      await deleteAll(this.db, this.tableName, Array.from({ length: replaced.parts }, (_, i) => operationsKeys.viewPart(name, replaced.tag, i)), `${name} view parts replaced`);
    }
  }
}
