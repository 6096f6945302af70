import type { Construct } from 'constructs';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { DeployConfig } from '../config/deployConfigSchema.ts';
import { pacePartsPerSecond } from '../config/smsPaceSchema.ts';
import type { Stage } from '../config/Stage.ts';
import { AliyunAccessKey } from './AliyunAccessKey.ts';
import type { SmsWiring } from './SmsWiring.ts';

/** The stage's SMS wiring from its config; for Alibaba Cloud, the AccessKey secret is made here (once per stack). */
export function smsWiringFromConfig(scope: Construct, stage: Stage, sms: DeployConfig['sms'], key: IKey): SmsWiring {
  const partsPerSecond = pacePartsPerSecond(sms.pace);
  const origination = sms.pace.origination;
  if (sms.provider === 'sns') return { provider: 'sns', senderId: sms.senderId, originationNumber: sms.originationNumber, signature: sms.signature, partsPerSecond, origination };
  return {
    provider: 'aliyun', partsPerSecond, origination,
    signature: sms.signature,
    templateCodes: sms.aliyun.templateCodes,
    endpoint: sms.aliyun.endpoint,
    accessKey: new AliyunAccessKey(scope, 'AliyunAccessKey', { stage, key }),
  };
}
