import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { BookedTeam, DispatchReceipt, DispatchRequest, DispatchRequests } from '../../core/ports/DispatchRequests.ts';
import type { DispatchRequestMessage } from './dispatchRequestMessage.ts';

/** Teams in one message at most: a small batch keeps the dispatcher's invocations short and the first SMS early. */
export const TEAMS_PER_MESSAGE = 10;

/**
 * Deployed dispatch: messages on the dispatch queue, which the dispatcher Lambda works from at the
 * account's SMS pace. Booked teams (the streamed first wave) go in small batches: the first team at once,
 * then whatever was booked while the previous message was being sent, up to TEAMS_PER_MESSAGE, so booking
 * never waits for SQS. The wave's own message follows them (the safety net: it sends what they did not).
 * A duplicate message is harmless (dispatch skips what was sent), so no deduplication is needed here.
 */
export class SqsDispatchRequests implements DispatchRequests {
  private readonly waiting = new Map<string, string[][]>();
  private sending: Promise<void> | undefined;
  /** Team batches that could not be queued (the wave's message, which follows, covers their tasks). */
  readonly unsentTeams: { activationId: string; taskIds: string[]; error: string }[] = [];

  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  handTeam(team: BookedTeam): void {
    const id = team.activation.id;
    this.waiting.set(id, [...(this.waiting.get(id) ?? []), team.tasks.map((t) => t.id)]);
    this.sending ??= this.sendTeams();
  }

  async request(request: DispatchRequest): Promise<DispatchReceipt> {
    // The teams first: the dispatcher texts them before it reads the whole wave.
    while (this.sending) await this.sending;
    const message: DispatchRequestMessage = {
      activationId: request.activationId,
      ...(request.shortfalls && request.shortfalls.length > 0 ? { shortfalls: [...request.shortfalls] } : {}),
    };
    await this.send(message);
    return { mode: 'queued' };
  }

  private async sendTeams(): Promise<void> {
    try {
      for (;;) {
        const next = [...this.waiting].find(([, teams]) => teams.length > 0);
        if (!next) return;
        const [activationId, teams] = next;
        const batch = teams.splice(0, TEAMS_PER_MESSAGE);
        if (teams.length === 0) this.waiting.delete(activationId);
        const taskIds = batch.flat();
        try {
          await this.send({ activationId, taskIds });
        } catch (error) {
          this.unsentTeams.push({ activationId, taskIds, error: error instanceof Error ? error.message : String(error) });
        }
      }
    } finally {
      // In the same turn as the last look for waiting teams: a team handed after it starts a new run.
      this.sending = undefined;
    }
  }

  private async send(message: DispatchRequestMessage): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message) }));
  }
}
