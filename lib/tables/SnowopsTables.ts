import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { ALL_TABLES, type TableDefinition } from '../../functions/config/tables.ts';
import type { Stage } from '../config/Stage.ts';
import { SnowopsTable } from './SnowopsTable.ts';

export interface SnowopsTablesProps {
  stage: Stage;
  encryptionKey: IKey;
}

/** Every table in ALL_TABLES, looked up by its shared definition (never by a name typed twice). */
export class SnowopsTables extends Construct {
  private readonly byId = new Map<string, SnowopsTable>();

  constructor(scope: Construct, id: string, props: SnowopsTablesProps) {
    super(scope, id);
    for (const definition of ALL_TABLES) {
      this.byId.set(definition.id, new SnowopsTable(this, { definition, ...props }));
    }
  }

  get(definition: TableDefinition): SnowopsTable {
    const table = this.byId.get(definition.id);
    if (!table) throw new Error(`table ${definition.id} is not in ALL_TABLES`);
    return table;
  }

  get all(): SnowopsTable[] {
    return [...this.byId.values()];
  }
}
