import { Aws } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

const SMS_SERVICE = new ServicePrincipal('sms-voice.amazonaws.com');

export interface InboundRepliesTopicProps {
  /** Customer-managed: End User Messaging SMS cannot use the AWS-managed SNS key. */
  key: IKey;
}

/**
 * Where AWS End User Messaging SMS publishes crew leaders' two-way replies. Messages carry phone
 * numbers, so the topic is KMS-encrypted and refuses plain-HTTP calls. Only the SMS service of this
 * account may publish (aws:SourceAccount guards against the confused-deputy problem).
 */
export class InboundRepliesTopic extends Topic {
  constructor(scope: Construct, id: string, props: InboundRepliesTopicProps) {
    super(scope, id, { masterKey: props.key, enforceSSL: true });
    this.addToResourcePolicy(new PolicyStatement({
      principals: [SMS_SERVICE],
      actions: ['sns:Publish'],
      resources: [this.topicArn],
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }));
    // Publishing to an encrypted topic needs the key too (End User Messaging SMS guide, two-way SMS topic policies).
    props.key.addToResourcePolicy(new PolicyStatement({
      principals: [SMS_SERVICE],
      actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:sms-voice:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` },
      },
    }));
  }
}
