import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { PlanningRequest, PlanningRequests } from '../../core/ports/PlanningRequests.ts';
import type { PlanningRequestMessage } from './planningRequestMessage.ts';

/**
 * Deployed planning: one message per wave on the planning queue, which the activation planner Lambda
 * works from. A duplicate message is harmless (planActivationWave skips what is planned and dispatch
 * sends nothing twice), so a retried send needs no deduplication here.
 */
export class SqsPlanningRequests implements PlanningRequests {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async request(request: PlanningRequest): Promise<void> {
    const message: PlanningRequestMessage = { activationId: request.activationId, wave: request.wave, ...(request.upgradedFrom ? { upgradedFrom: request.upgradedFrom } : {}) };
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message) }));
  }
}
