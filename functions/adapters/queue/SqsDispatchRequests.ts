import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DispatchReceipt, DispatchRequest, DispatchRequests } from '../../core/ports/DispatchRequests.ts';
import type { DispatchRequestMessage } from './dispatchRequestMessage.ts';

/**
 * Deployed dispatch: one message per wave on the dispatch queue, which the dispatcher Lambda works
 * from at the account's SMS pace. A duplicate message is harmless (dispatchWave skips what was sent),
 * so a retried send or a retried caller needs no deduplication here.
 */
export class SqsDispatchRequests implements DispatchRequests {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async request(request: DispatchRequest): Promise<DispatchReceipt> {
    const message: DispatchRequestMessage = {
      activationId: request.activationId,
      ...(request.shortfalls && request.shortfalls.length > 0 ? { shortfalls: [...request.shortfalls] } : {}),
    };
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message) }));
    return { mode: 'queued' };
  }
}
