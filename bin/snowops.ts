#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { parseStage } from '../lib/config/Stage.ts';
import { SnowopsStack } from '../lib/SnowopsStack.ts';

const app = new App();
const stage = parseStage(app.node.tryGetContext('stage'));
const optional = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

// No `env`: the stack is environment-agnostic, so `cdk synth` needs no account, credentials or network;
// `cdk deploy` takes the account and region from the caller's profile.
new SnowopsStack(app, `snowops-${stage}`, {
  stage,
  description: `snowops (${stage}): snow-emergency forecast polling, plan activation and SMS dispatch`,
  sms: { senderId: optional('smsSenderId'), originationNumber: optional('smsOriginationNumber') },
  openMeteoBaseUrl: optional('openMeteoBaseUrl'),
  terminationProtection: stage === 'prod',
});
