import { BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { TableDefinition } from '../../functions/config/tables.ts';
import { stageSettings, type Stage } from '../config/Stage.ts';
import { keyAttribute } from './keyAttribute.ts';

export interface SnowopsTableProps {
  /** From functions/config/tables.ts: the same definition DynamoDB Local is created from. */
  definition: TableDefinition;
  stage: Stage;
  encryptionKey: IKey;
}

/**
 * One table as the Lambdas expect it. Keys, indexes and TTL come only from the shared definition;
 * nothing here names the table, so two stages (or two copies of a stage) can live in one account.
 */
export class SnowopsTable extends Table {
  readonly definition: TableDefinition;

  constructor(scope: Construct, props: SnowopsTableProps) {
    const { definition, stage, encryptionKey } = props;
    const settings = stageSettings(stage);
    super(scope, definition.id, {
      partitionKey: keyAttribute(definition.partitionKey),
      ...(definition.sortKey ? { sortKey: keyAttribute(definition.sortKey) } : {}),
      ...(definition.timeToLiveAttribute ? { timeToLiveAttribute: definition.timeToLiveAttribute } : {}),
      // Storm traffic is spiky and idle most of the year: on-demand costs nothing between storms.
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey,
      removalPolicy: settings.removalPolicy,
      deletionProtection: settings.deletionProtection,
    });
    this.definition = definition;
    for (const index of definition.indexes) {
      this.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: keyAttribute(index.partitionKey),
        ...(index.sortKey ? { sortKey: keyAttribute(index.sortKey) } : {}),
        // Same projection as local/dynamo/createTables.ts, so a Query on the index returns whole items in both.
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
