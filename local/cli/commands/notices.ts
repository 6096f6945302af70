import type { DispatchReceipt } from '../../../functions/core/ports/DispatchRequests.ts';

/** What became of the SMS telling crews already sent out that their tasks are cancelled, for a one-line summary. */
export function notices(dispatch: DispatchReceipt | undefined): string {
  if (!dispatch) return '';
  if (dispatch.mode === 'queued') return ' Crews already sent out are being texted that their tasks are cancelled.';
  return dispatch.cancellationNotices > 0 ? ` ${dispatch.cancellationNotices} crews already sent out were texted that their tasks are cancelled.` : '';
}
