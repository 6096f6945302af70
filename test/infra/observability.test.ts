import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOYMENT_DIMENSION, METRIC, METRICS_NAMESPACE } from '../../functions/config/metrics.ts';
import type { Stage } from '../../lib/config/Stage.ts';
import { SnowopsFunction } from '../../lib/SnowopsFunction.ts';
import { synthStack, type Synthesised } from './synthStack.ts';

type Resource = { Type: string; Properties: Record<string, any> };

describe.each(['dev', 'prod'] as Stage[])('observability of the %s stack', (stage) => {
  let s: Synthesised;
  let resources: Record<string, Resource>;
  beforeAll(() => {
    s = synthStack(stage);
    resources = s.template.toJSON().Resources as Record<string, Resource>;
  });
  afterAll(() => s?.dispose());

  const alarms = () => Object.entries(resources).filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm').map(([id, r]) => ({ id, ...r.Properties }) as Record<string, any>);
  const snowopsFunctions = () => s.stack.node.findAll().filter((c): c is SnowopsFunction => c instanceof SnowopsFunction);
  const alarmOn = (metricName: string) => alarms().find((a) => a.MetricName === metricName);

  it('every alarm notifies the operators\' topic when it fires and when it clears', () => {
    const topic = { Ref: s.logicalId(s.stack.operatorsTopic) };

    expect(alarms().length).toBeGreaterThanOrEqual(8);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions, alarm.id).toEqual([topic]);
      expect(alarm.OKActions, alarm.id).toEqual([topic]);
    }
  });

  it('every Lambda built with SnowopsFunction has an alarm on its errors', () => {
    const errorAlarms = alarms().filter((a) => a.Namespace === 'AWS/Lambda' && a.MetricName === 'Errors');

    expect(snowopsFunctions()).toHaveLength(7);
    for (const fn of snowopsFunctions()) {
      expect(errorAlarms.some((a) => JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: s.logicalId(fn) } }])), fn.node.path).toBe(true);
    }
  });

  it('every Lambda tells its telemetry the deployment, keeps errors out of traces, and is traced', () => {
    for (const fn of snowopsFunctions()) {
      const props = resources[s.logicalId(fn)]!.Properties;
      expect(props.Environment.Variables).toMatchObject({ SNOWOPS_DEPLOYMENT: `snowops-${stage}`, POWERTOOLS_TRACER_CAPTURE_ERROR: 'false' });
      expect(props.TracingConfig).toEqual({ Mode: 'Active' });
    }
  });

  it('the stale-forecast alarm fires on the first zone core judges stale, and treats the poller\'s silence as stale', () => {
    const alarm = alarmOn(METRIC.staleZones);

    expect(alarm).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      Dimensions: [{ Name: DEPLOYMENT_DIMENSION, Value: `snowops-${stage}` }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'breaching',
    });
  });

  it('a failed SMS, a dead-lettered reply and an escalation to the duty officer each raise an alarm on the first one', () => {
    for (const metric of [METRIC.smsFailed, METRIC.smsDeadLettered, METRIC.dutyOfficerEscalations]) {
      expect(alarmOn(metric), metric).toMatchObject({ Namespace: METRICS_NAMESPACE, Statistic: 'Sum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    }
  });

  it('the SMS spend alarm fires at the configured share of the monthly limit', () => {
    const sms = s.stack.config.sms;
    if (sms.provider !== 'sns') throw new Error('this suite synthesises an SNS stage');
    const { monthlySpendLimitUsd, spendAlarmPercent } = sms;

    expect(alarmOn('SMSMonthToDateSpentUSD')).toMatchObject({ Namespace: 'AWS/SNS', Threshold: (monthlySpendLimitUsd * spendAlarmPercent) / 100 });
    expect(spendAlarmPercent).toBeLessThanOrEqual(80);
  });

  it('the per-activation SMS budget alarm sums the stage\'s segments over the configured window and fires past the budget, to the operators\' topic', () => {
    const { segments, windowHours } = s.stack.config.sms.activationBudget;
    const topic = { Ref: s.logicalId(s.stack.operatorsTopic) };
    const alarm = alarms().find((a) => a.id.includes('ActivationSmsBudget'));

    expect(alarm).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      MetricName: METRIC.smsSegments,
      Dimensions: [{ Name: DEPLOYMENT_DIMENSION, Value: `snowops-${stage}` }],
      Statistic: 'Sum',
      Period: windowHours * 3600,
      EvaluationPeriods: 1,
      Threshold: segments,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [topic],
    });
  });

  it('subscribes the configured operators\' address to the topic, and no address when none is configured', () => {
    const email = s.stack.config.alarms.email;
    const subscriptions = Object.values(s.template.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'email' } })).map((r) => r.Properties.Endpoint);

    expect(subscriptions).toEqual(email ? [email] : []);
  });

  it('the operators\' topic accepts alarms from this account\'s CloudWatch only', () => {
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: s.logicalId(s.stack.operatorsTopic) }],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }) })]),
      }),
    });
  });

  it('sets the account\'s SMS spend limit to the configured amount only when this stage owns it', () => {
    const sms = s.stack.config.sms;
    if (sms.provider !== 'sns') throw new Error('this suite synthesises an SNS stage');
    const { manageAccountSpendLimit, monthlySpendLimitUsd } = sms;
    const setters = Object.values(s.template.findResources('Custom::AWS')).map((r) => JSON.stringify(r.Properties.Create));

    expect(setters).toHaveLength(manageAccountSpendLimit ? 1 : 0);
    for (const create of setters) {
      expect(create).toContain('SetSMSAttributes');
      expect(create).toContain(`\\"MonthlySpendLimit\\":\\"${monthlySpendLimitUsd}\\"`);
    }
  });

  it('the dashboard graphs the level of every configured zone, the tasks, the SMS and the acknowledgements', () => {
    const body = JSON.stringify(Object.values(resources).find((r) => r.Type === 'AWS::CloudWatch::Dashboard')?.Properties.DashboardBody);

    for (const zone of s.stack.config.city.zones) expect(body).toContain(`\\"Zone\\",\\"${zone.id}\\"`);
    for (const metric of [METRIC.zoneLevel, METRIC.taskTransitions, METRIC.smsSent, METRIC.smsFailed, METRIC.smsSegments, METRIC.timeToAcknowledge, METRIC.replies]) {
      expect(body, metric).toContain(`\\"${metric}\\"`);
    }
  });
});
