import { Aws, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { Stage } from '../config/Stage.ts';
import { CustomerManagedKey } from '../security/CustomerManagedKey.ts';

const ID = 'TelemetryKey';

/**
 * The key for what operators read: Lambda log groups and the operators' alarm topic. Separate from the
 * keys that protect phone numbers, so the CloudWatch Logs and CloudWatch alarm service principals get
 * nothing on those. One per stack, created by the first construct that asks for it.
 */
export class TelemetryKey extends CustomerManagedKey {
  static of(scope: Construct, stage: Stage): TelemetryKey {
    const stack = Stack.of(scope);
    return (stack.node.tryFindChild(ID) as TelemetryKey | undefined) ?? new TelemetryKey(stack, stage);
  }

  private constructor(stack: Stack, stage: Stage) {
    super(stack, ID, { stage, description: 'snowops log groups and operator alarm topic (phone numbers are masked before they are logged)' });
    // CloudWatch Logs encrypts a log group with the caller's key only if the key policy lets the regional
    // logs principal use it, and only for this account's log groups (CloudWatch Logs user guide, encrypt log data).
    // The regional principal ends in the partition's domain: logs.cn-north-1.amazonaws.com.cn in Beijing.
    this.addToResourcePolicy(new PolicyStatement({
      principals: [new ServicePrincipal(`logs.${Aws.REGION}.${Aws.URL_SUFFIX}`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*` } },
    }));
    // Alarm actions publish to an encrypted topic only if CloudWatch may use its key (SNS developer guide,
    // compatibility between event sources and encrypted topics).
    this.addToResourcePolicy(new PolicyStatement({
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }));
  }
}
