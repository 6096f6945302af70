import { CreateTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../../functions/config/tables.ts';

/** Creates the tables from the same definitions the stack uses, named `${prefix}${id}`; returns the names by env var. */
export async function createTables(client: DynamoDBClient, definitions: readonly TableDefinition[], prefix: string): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const def of definitions) {
    const name = `${prefix}${def.id}`;
    const keys = [def.partitionKey, def.sortKey, ...def.indexes.flatMap((i) => [i.partitionKey, i.sortKey])].filter((k) => k !== undefined);
    const attributes = [...new Map(keys.map((k) => [k.name, { AttributeName: k.name, AttributeType: k.type }])).values()];
    await client.send(new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attributes,
      KeySchema: [{ AttributeName: def.partitionKey.name, KeyType: 'HASH' }, ...(def.sortKey ? [{ AttributeName: def.sortKey.name, KeyType: 'RANGE' as const }] : [])],
      ...(def.indexes.length > 0
        ? { GlobalSecondaryIndexes: def.indexes.map((i) => ({
            IndexName: i.indexName,
            KeySchema: [{ AttributeName: i.partitionKey.name, KeyType: 'HASH' as const }, ...(i.sortKey ? [{ AttributeName: i.sortKey.name, KeyType: 'RANGE' as const }] : [])],
            Projection: { ProjectionType: 'ALL' as const },
          })) }
        : {}),
    }));
    if (def.timeToLiveAttribute) {
      await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: def.timeToLiveAttribute } }));
    }
    names[def.envVar] = name;
  }
  return names;
}
