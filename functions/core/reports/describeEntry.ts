import type { LogEntry } from '../log/LogEntry.ts';

const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : '');
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** What an SMS entry was: a tasking (it has a case), a cancellation notice, or another notice. */
function smsKind(e: LogEntry): string {
  if (typeof e.details.caseId === 'string') return 'Tasking SMS';
  if (e.subject?.includes('#cancelled#')) return 'Cancellation SMS';
  return e.details.recipient === 'duty-officer' ? 'Duty officer SMS' : 'SMS';
}

/** One log entry as a sentence for the ICS-214 activity log; unknown actions fall back to their name and subject. */
export function describeEntry(e: LogEntry): string {
  const d = e.details;
  const why = e.reason ? ` (${e.reason})` : '';
  switch (e.action) {
    case 'activation.opened': return `Plan activated at level ${text(d.level)}${why}`;
    case 'activation.upgraded':
    case 'activation.raised': // the name before upgrade / downgrade became the one word
      return `Level upgraded from ${text(d.from)} to ${text(d.to)}${why}`;
    case 'activation.downgraded':
    case 'activation.lowered':
      return `Level downgraded from ${text(d.from)} to ${text(d.to)}${why}`;
    // Entries written since the dispatcher cancels a stand-down's tasks name none: its tasks.cancelled entry does.
    case 'activation.stood-down': return d.cancelledTasks === undefined ? `Stood down${why}; its open tasks cancelled by the dispatcher` : `Stood down${why}; ${list(d.cancelledTasks) || 'no'} open tasks cancelled`;
    case 'team.booked': return `${e.subject ?? 'crew'} booked with vehicle ${text(d.vehicleId)}${d.lent ? ' (lent across zones)' : ''}: ${Array.isArray(d.tasks) ? d.tasks.length : 0} tasks`;
    case 'team.booking-conflict': return `${e.subject ?? 'crew'} could not be booked${why}`;
    case 'road.shortfall': return `Short: ${text(d.road)} (tier ${text(d.tier)}, ${text(d.pass)}, ${text(d.laneKm)} lane-km)${why}`;
    case 'sms.sent': return `${smsKind(e)} to ${text(d.to)}${list(d.tasks) ? ` for ${list(d.tasks)}` : ''} (${text(d.segments)} × ${text(d.encoding)})`;
    case 'sms.failed': return `${smsKind(e)} to ${text(d.to)} failed${why}`;
    case 'reply.ack': return `${e.actor} acknowledged ${list(d.tasks) || 'nothing open'}`;
    case 'reply.onsite': return `${e.actor} on site for ${list(d.tasks) || 'nothing open'}`;
    case 'reply.done': return `${e.actor} reported ${list(d.tasks) || 'nothing open'} done`;
    case 'reply.cannot': return `${e.actor} cannot do ${list(d.tasks) || 'nothing open'}`;
    case 'tasks.cancelled': return `Tasks ${list(d.tasks)} cancelled${why}`;
    default: return `${e.action}${e.subject ? ` ${e.subject}` : ''}${why}`;
  }
}
