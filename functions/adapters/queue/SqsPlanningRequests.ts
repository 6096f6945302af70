import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { PlanningRequest, PlanningRequests } from '../../core/ports/PlanningRequests.ts';
import type { ReadyPlanRequest, ReadyPlanRequests } from '../../core/ports/ReadyPlanRequests.ts';
import type { ReadyPlanRequestMessage, WaveRequestMessage } from './planningRequestMessage.ts';

/**
 * Deployed planning: one message per wave on the planning queue, which the activation planner Lambda
 * works from: a wave, or the plan kept ready on watch. A duplicate message is harmless (planActivationWave
 * skips what is planned and dispatch sends nothing twice; a plan kept ready made from the same input is only
 * confirmed), so a retried send needs no deduplication here.
 */
export class SqsPlanningRequests implements PlanningRequests, ReadyPlanRequests {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async request(request: PlanningRequest): Promise<void> {
    const message: WaveRequestMessage = { activationId: request.activationId, wave: request.wave, ...(request.upgradedFrom ? { upgradedFrom: request.upgradedFrom } : {}) };
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message) }));
  }

  async keepReady(request: ReadyPlanRequest): Promise<void> {
    const message: ReadyPlanRequestMessage = { readyPlan: { requestedAt: request.requestedAt } };
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message) }));
  }
}
