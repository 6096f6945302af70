import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../functions/core/log/LogEntry.ts';
import { describeEntry } from '../../../functions/core/reports/describeEntry.ts';

const sms = (subject: string, details: Record<string, unknown>): LogEntry => ({
  activationId: 'act-1', at: '2026-12-14T01:00:00Z', actor: 'dispatcher', action: 'sms.sent', subject,
  details: { to: '+86 139****0101', segments: 1, encoding: 'UCS-2', ...details },
});

describe('describeEntry names what each SMS was in the activity log', () => {
  it('calls an SMS of a tasking a tasking SMS', () => {
    expect(describeEntry(sms('message:act-1#C01#w1#T01#a1', { caseId: 'act-1#C01#w1#T01', attempt: 1, tasks: ['T01', 'T02'] })))
      .toBe('Tasking SMS to +86 139****0101 for T01, T02 (1 × UCS-2)');
  });

  it('calls a notice of cancelled tasks a cancellation SMS, not a tasking', () => {
    expect(describeEntry(sms('message:act-1#cancelled#C01#leader#T01', { caseId: null, tasks: ['T01'] })))
      .toBe('Cancellation SMS to +86 139****0101 for T01 (1 × UCS-2)');
  });

  it('calls a notice to the duty officer a duty officer SMS, with no task list when it names none', () => {
    expect(describeEntry(sms('message:act-1#shortfall#w1', { caseId: null, recipient: 'duty-officer', tasks: [] })))
      .toBe('Duty officer SMS to +86 139****0101 (1 × UCS-2)');
  });
});
