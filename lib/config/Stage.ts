import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * A deployment of the whole system: `dev` can be thrown away, `prod` holds a city's records, and `cn` is a city's
 * deployment in an AWS China region (Beijing or Ningxia): no Cognito, no SNS SMS, a mainland SMS provider.
 */
export type Stage = 'dev' | 'prod' | 'cn';

export const STAGES: readonly Stage[] = ['dev', 'prod', 'cn'];

/** Reads the stage from CDK context (`-c stage=...`); a typo fails the synth instead of deploying another stage. */
export function parseStage(value: unknown): Stage {
  if (value === undefined) return 'dev';
  if (typeof value === 'string' && (STAGES as readonly string[]).includes(value)) return value as Stage;
  throw new Error(`unknown stage ${JSON.stringify(value)}: use -c stage=dev, -c stage=prod or -c stage=cn`);
}

export interface StageSettings {
  /** A city's real records live here: kept when the stack is deleted, and the stack is termination-protected. */
  production: boolean;
  /** For stateful resources: prod keeps the response log and registry even if the stack is deleted. */
  removalPolicy: RemovalPolicy;
  /** DynamoDB deletion protection: a second lock in prod against deleting a table by hand or by replacement. */
  deletionProtection: boolean;
  logRetention: RetentionDays;
}

export function stageSettings(stage: Stage): StageSettings {
  // The China stage is a city's own deployment, kept like prod.
  return stage === 'dev'
    ? { production: false, removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false, logRetention: RetentionDays.TWO_WEEKS }
    : { production: true, removalPolicy: RemovalPolicy.RETAIN, deletionProtection: true, logRetention: RetentionDays.THREE_MONTHS };
}
