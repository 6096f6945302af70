#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { DeployConfigError } from '../lib/config/DeployConfigError.ts';
import { defaultConfigFile, loadDeployConfig } from '../lib/config/loadDeployConfig.ts';
import { parseStage, stageSettings } from '../lib/config/Stage.ts';
import { applySecurityChecks } from '../lib/security/applySecurityChecks.ts';
import { SnowopsStack } from '../lib/SnowopsStack.ts';

const app = new App();
const stage = parseStage(app.node.tryGetContext('stage'));
// `-c config=path/to/city.json` deploys a city's own file; by default config/<stage>.json.
const configFile: unknown = app.node.tryGetContext('config');
const config = (() => {
  try {
    return loadDeployConfig(stage, typeof configFile === 'string' && configFile.length > 0 ? configFile : defaultConfigFile(stage));
  } catch (error) {
    // The message names the file and every bad field; a stack trace would only bury it.
    if (!(error instanceof DeployConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
})();

// No `env`: the stack is environment-agnostic, so `cdk synth` needs no account, credentials or network;
// `cdk deploy` takes the account and region from the caller's profile.
new SnowopsStack(app, `snowops-${stage}`, {
  config,
  description: `snowops (${stage}, ${config.city.name}): snow-emergency forecast polling, plan activation and SMS dispatch`,
  terminationProtection: stageSettings(stage).production,
});
applySecurityChecks(app);
