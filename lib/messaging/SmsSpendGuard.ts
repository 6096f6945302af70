import { Duration, Stack } from 'aws-cdk-lib';
import { Metric, TreatMissingData, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId, type AwsSdkCall } from 'aws-cdk-lib/custom-resources';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { stageSettings, type Stage } from '../config/Stage.ts';
import type { OperatorAlarms } from '../observability/OperatorAlarms.ts';
import { TelemetryKey } from '../observability/TelemetryKey.ts';

export interface SmsSpendGuardProps {
  stage: Stage;
  monthlyLimitUsd: number;
  /** The alarm fires at this percentage of the limit. */
  alarmPercent: number;
  /** Whether this stack sets the account's limit (one stage per account and region may). */
  manageAccountLimit: boolean;
  alarms: OperatorAlarms;
}

/**
 * The SMS monthly spend guard. SNS stops sending SMS for the rest of the month once the account's
 * MonthlySpendLimit is reached, which in a storm is a silent outage, so:
 *
 * - the limit is set from the stage's config. SNS SMS preferences are not a CloudFormation resource, so
 *   a custom resource calls SetSMSAttributes on create and update. It is one setting per account and
 *   region, so only the stage whose config says `manageAccountSpendLimit` sets it; on stack deletion
 *   the limit is left as it is (removing a guard is never a side effect). A limit above the account's
 *   approved SMS quota makes the deploy fail with SNS's error: raise the quota first (README, Deploy).
 * - an alarm on SMSMonthToDateSpentUSD fires at alarmPercent of the limit, while there is still budget
 *   to raise the limit or ration messages.
 */
export class SmsSpendGuard extends Construct {
  readonly alarm: Alarm;
  readonly limitSetting?: AwsCustomResource;

  constructor(scope: Construct, id: string, props: SmsSpendGuardProps) {
    super(scope, id);
    if (props.manageAccountLimit) this.limitSetting = this.setAccountLimit(props);
    const threshold = (props.monthlyLimitUsd * props.alarmPercent) / 100;
    this.alarm = props.alarms.above('SmsSpend', {
      // Account-wide (no dimensions): every stage in the account spends from the same limit.
      metric: new Metric({ namespace: 'AWS/SNS', metricName: 'SMSMonthToDateSpentUSD', statistic: 'Maximum', period: Duration.minutes(5) }),
      threshold,
      description: `SMS spend this month is above ${props.alarmPercent}% of the ${props.monthlyLimitUsd} USD limit (${threshold} USD). At the limit SNS stops sending SMS until the month ends: raise the limit (SNS text messaging preferences, and the account's SMS spend quota) or stop non-essential messages now.`,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  private setAccountLimit(props: SmsSpendGuardProps): AwsCustomResource {
    const settings = stageSettings(props.stage);
    const logGroup = new LogGroup(this, 'SetterLogs', { retention: settings.logRetention, removalPolicy: settings.removalPolicy, encryptionKey: TelemetryKey.of(this, props.stage) });
    // Its own role instead of the provider's default (AWSLambdaBasicExecutionRole): it may log to its
    // own group, and the custom resource adds SetSMSAttributes below.
    const role = new Role(this, 'SetterRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: 'snowops: sets the SNS SMS monthly spend limit' });
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    const call: AwsSdkCall = {
      service: 'SNS',
      action: 'SetSMSAttributes',
      parameters: { attributes: { MonthlySpendLimit: String(props.monthlyLimitUsd) } },
      physicalResourceId: PhysicalResourceId.of('sns-sms-monthly-spend-limit'),
    };
    const setter = new AwsCustomResource(this, 'MonthlySpendLimit', {
      onCreate: call,
      onUpdate: call,
      policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ actions: ['sns:SetSMSAttributes'], resources: ['*'] })]),
      role,
      logGroup,
      installLatestAwsSdk: false,
      timeout: Duration.minutes(1),
    });
    NagSuppressions.addResourceSuppressions([role, setter], [{
      id: 'AwsSolutions-IAM5',
      reason: "sns:SetSMSAttributes is an account setting with no resource type, so IAM accepts only Resource '*'; it is this role's only action besides writing to its own log group.",
      appliesTo: ['Resource::*'],
    }], true);
    // The provider function is a stack-level singleton that CDK names and configures.
    const provider = Stack.of(this).node.tryFindChild(`AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
    if (provider) {
      NagSuppressions.addResourceSuppressions(provider, [{
        id: 'AwsSolutions-L1',
        reason: "CDK's AwsCustomResource provider: its runtime is chosen by aws-cdk-lib and moves with CDK upgrades; it runs only on deploy, to call SetSMSAttributes.",
      }], true);
    }
    return setter;
  }
}
