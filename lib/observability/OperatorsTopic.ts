import { Aws } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

export interface OperatorsTopicProps {
  key: IKey;
  /** Subscribed by email; the address must confirm before it receives anything. */
  email?: string;
}

/**
 * Where every alarm of the stack goes (RouteAlarmsToOperators). KMS-encrypted and TLS-only like every
 * topic here; only this account's CloudWatch alarms may publish.
 */
export class OperatorsTopic extends Topic {
  constructor(scope: Construct, id: string, props: OperatorsTopicProps) {
    super(scope, id, { masterKey: props.key, enforceSSL: true, displayName: 'snowops operators' });
    this.addToResourcePolicy(new PolicyStatement({
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [this.topicArn],
      conditions: {
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:*` },
      },
    }));
    if (props.email) this.addSubscription(new EmailSubscription(props.email));
  }
}
