import { Duration } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { stageSettings, type Stage } from '../config/Stage.ts';

export interface CustomerManagedKeyProps {
  stage: Stage;
  description: string;
}

/**
 * A symmetric KMS key we own. Phone numbers are personal data (DESIGN.md, Stores), and service
 * integrations such as End User Messaging SMS -> encrypted SNS need a key whose policy we can edit.
 * Rotation is on; in prod the key is retained, because deleting it makes every backup unreadable.
 */
export class CustomerManagedKey extends Key {
  constructor(scope: Construct, id: string, props: CustomerManagedKeyProps) {
    super(scope, id, {
      description: props.description,
      enableKeyRotation: true,
      removalPolicy: stageSettings(props.stage).removalPolicy,
      // Shortest window in dev so a torn-down stack stops costing quickly; longest in prod to undo a mistake.
      pendingWindow: Duration.days(stageSettings(props.stage).production ? 30 : 7),
    });
  }
}
