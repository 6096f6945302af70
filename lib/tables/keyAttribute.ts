import { AttributeType, type Attribute } from 'aws-cdk-lib/aws-dynamodb';
import type { KeyAttribute } from '../../functions/config/tables.ts';

/** Translates a key from the shared table definitions into its CDK form. */
export function keyAttribute(key: KeyAttribute): Attribute {
  return { name: key.name, type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER };
}
