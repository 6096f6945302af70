import type { TeamStream } from '../../functions/core/dispatch/TeamStream.ts';
import type { BookedTeam, DispatchReceipt, DispatchRequest, DispatchRequests } from '../../functions/core/ports/DispatchRequests.ts';

/**
 * The dispatch queue as deployed (SqsDispatchRequests): the poller only enqueues the wave, and the
 * dispatcher, a Lambda of its own, sends it. The bench drains it as the dispatcher's invocations.
 * Booked teams, while a stream is attached, go to it at once: the dispatcher texting the streamed first
 * wave while the poller is still booking (deployed: small batches of teams on the same queue).
 */
export class QueuedDispatch implements DispatchRequests {
  private readonly queue: DispatchRequest[] = [];
  private stream: TeamStream | undefined;

  async request(request: DispatchRequest): Promise<DispatchReceipt> {
    this.queue.push(request);
    return { mode: 'queued' };
  }

  handTeam(team: BookedTeam): void {
    this.stream?.hand(team);
  }

  /** Booked teams go to `stream` from now on (undefined: they wait for the wave's request, as before streaming). */
  streamTo(stream: TeamStream | undefined): void {
    this.stream = stream;
  }

  take(): DispatchRequest | undefined {
    return this.queue.shift();
  }
}
