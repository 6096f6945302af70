import type { BookedTeam, DispatchReceipt, DispatchRequest, DispatchRequests } from '../ports/DispatchRequests.ts';
import { dispatchWave } from './dispatchWave.ts';
import type { MessagingDeps } from './MessagingDeps.ts';
import { TeamStream } from './TeamStream.ts';

/**
 * Dispatch in the caller's process (the local runtime, tests): booked teams are texted as they are handed
 * (TeamStream, while booking goes on), and the wave is sent before request() returns: the streamed teams
 * are waited for first, then the whole-wave dispatch sends whatever they did not (the safety net).
 */
export class InlineDispatch implements DispatchRequests {
  readonly stream: TeamStream;

  constructor(private readonly deps: MessagingDeps) {
    this.stream = new TeamStream(deps);
  }

  handTeam(team: BookedTeam): void {
    this.stream.hand(team);
  }

  async request(request: DispatchRequest): Promise<DispatchReceipt> {
    // A streamed team that failed is not lost: the wave dispatch below finds its tasks still planned.
    const { counts } = await this.stream.drain();
    const summary = await dispatchWave(this.deps, request.activationId, request.shortfalls ? { shortfalls: request.shortfalls } : {});
    return {
      mode: 'sent', ...summary,
      sent: summary.sent + counts.sent, skipped: summary.skipped + counts.skipped, failed: summary.failed + counts.failed,
      inDoubt: summary.inDoubt + counts.inDoubt, unreachable: summary.unreachable + counts.unreachable,
    };
  }
}
