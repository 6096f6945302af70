import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** A deployment of the whole system: `dev` can be thrown away, `prod` holds a city's records. */
export type Stage = 'dev' | 'prod';

export const STAGES: readonly Stage[] = ['dev', 'prod'];

/** Reads the stage from CDK context (`-c stage=...`); a typo fails the synth instead of deploying a third stage. */
export function parseStage(value: unknown): Stage {
  if (value === undefined) return 'dev';
  if (typeof value === 'string' && (STAGES as readonly string[]).includes(value)) return value as Stage;
  throw new Error(`unknown stage ${JSON.stringify(value)}: use -c stage=dev or -c stage=prod`);
}

export interface StageSettings {
  /** For stateful resources: prod keeps the response log and registry even if the stack is deleted. */
  removalPolicy: RemovalPolicy;
  /** DynamoDB deletion protection: a second lock in prod against deleting a table by hand or by replacement. */
  deletionProtection: boolean;
  logRetention: RetentionDays;
}

export function stageSettings(stage: Stage): StageSettings {
  return stage === 'prod'
    ? { removalPolicy: RemovalPolicy.RETAIN, deletionProtection: true, logRetention: RetentionDays.THREE_MONTHS }
    : { removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false, logRetention: RetentionDays.TWO_WEEKS };
}
