import type { IAspect } from 'aws-cdk-lib';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IConstruct } from 'constructs';

/**
 * Sends every alarm in the stack, whoever made it, to the operators' topic when it fires and when it
 * clears: a new Lambda's errors alarm or a new dead-letter queue's alarm needs no wiring of its own.
 */
export class RouteAlarmsToOperators implements IAspect {
  private readonly routed = new WeakSet<Alarm>();

  constructor(private readonly topic: ITopic) {}

  visit(node: IConstruct): void {
    if (!(node instanceof Alarm) || this.routed.has(node)) return;
    this.routed.add(node);
    const action = new SnsAction(this.topic);
    node.addAlarmAction(action);
    node.addOkAction(action);
  }
}
