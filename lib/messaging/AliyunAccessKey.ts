import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { ACCESS_KEY_PLACEHOLDER } from '../../functions/config/aliyunAccessKeyPlaceholder.ts';
import { stageSettings, type Stage } from '../config/Stage.ts';

export interface AliyunAccessKeyProps {
  stage: Stage;
  key: IKey;
}

/**
 * The Alibaba Cloud RAM user's AccessKey, which the SMS-sending Lambdas read at a cold start. The stack creates it
 * with a placeholder id (and a generated secret, so that nothing guessable is ever stored); the city puts the real
 * AccessKey in after deploy (README, Deploy in China), and a Lambda that finds the placeholder refuses to start,
 * naming the secret.
 */
export class AliyunAccessKey extends Secret {
  constructor(scope: Construct, id: string, props: AliyunAccessKeyProps) {
    super(scope, id, {
      description: 'snowops: Alibaba Cloud SMS AccessKey of a RAM user allowed only dysmsapi:SendSms and SendBatchSms, as {"accessKeyId": "LTAI…", "accessKeySecret": "…"}',
      encryptionKey: props.key,
      generateSecretString: { secretStringTemplate: JSON.stringify({ accessKeyId: ACCESS_KEY_PLACEHOLDER }), generateStringKey: 'accessKeySecret', excludePunctuation: true, passwordLength: 30 },
      removalPolicy: stageSettings(props.stage).removalPolicy,
    });
    NagSuppressions.addResourceSuppressions(this, [{
      id: 'AwsSolutions-SMG4',
      reason: 'An Alibaba Cloud AccessKey is issued and revoked in Alibaba Cloud RAM, which no Secrets Manager rotation function here can reach; the city rotates it there and puts the new one in this secret (README, Deploy in China).',
    }]);
  }
}
