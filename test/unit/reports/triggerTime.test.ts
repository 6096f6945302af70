import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../functions/core/log/LogEntry.ts';
import { triggerTime } from '../../../functions/core/reports/triggerTime.ts';

const change = (at: string, zone: string, to: string): LogEntry => ({ activationId: 'system', at, actor: 'poller', action: 'forecast.level-changed', subject: `zone:${zone}`, details: { to } });

describe('triggerTime', () => {
  it('is the first time any zone left "none" before the activation', () => {
    expect(triggerTime([change('2026-12-14T01:00:00Z', 'a', 'IV'), change('2026-12-14T02:00:00Z', 'b', 'II')], '2026-12-14T03:00:00Z')).toBe('2026-12-14T01:00:00Z');
  });

  it('starts again after the city went back to "none"', () => {
    const log = [change('2026-12-14T01:00:00Z', 'a', 'IV'), change('2026-12-14T01:30:00Z', 'a', 'none'), change('2026-12-14T02:00:00Z', 'b', 'III')];
    expect(triggerTime(log, '2026-12-14T03:00:00Z')).toBe('2026-12-14T02:00:00Z');
  });

  it('keeps the stretch going while another zone stays above none', () => {
    const log = [change('2026-12-14T01:00:00Z', 'a', 'IV'), change('2026-12-14T01:10:00Z', 'b', 'IV'), change('2026-12-14T01:30:00Z', 'a', 'none')];
    expect(triggerTime(log, '2026-12-14T03:00:00Z')).toBe('2026-12-14T01:00:00Z');
  });

  it('ignores changes after the activation and other actions', () => {
    const log = [change('2026-12-14T04:00:00Z', 'a', 'IV'), { ...change('2026-12-14T01:00:00Z', 'a', 'IV'), action: 'forecast.failed' }];
    expect(triggerTime(log, '2026-12-14T03:00:00Z')).toBeNull();
  });
});
