import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/ApiClient.ts';
import type { LogEntry, Task, TaskState } from '../api/types.ts';
import { usePoll } from '../api/usePoll.ts';
import { describeEntry } from '../board/describeEntry.ts';
import { clock } from '../ui/format.ts';
import { t } from '../ui/i18n.ts';
import { ReassignDialog } from './ReassignDialog.tsx';

const STATES: TaskState[] = ['planned', 'dispatched', 'acknowledged', 'on-site', 'done', 'verified', 'cannot', 'cancelled'];

/** A task's history from the response log: the SMS sent (with segments), the replies, escalations and moves. */
function History({ api, code, timeZone }: { api: ApiClient; code: string; timeZone: string }) {
  const polled = usePoll(async () => {
    const entries: LogEntry[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const { data } = await api.read<{ entries: LogEntry[]; next?: string }>(`/logs/current?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      entries.push(...data.entries);
      if (!data.next) break;
      cursor = data.next;
    }
    return entries.filter((e) => e.subject === `task:${code}` || (Array.isArray(e.details.tasks) && (e.details.tasks as string[]).includes(code)) || (Array.isArray(e.details.taskCodes) && (e.details.taskCodes as string[]).includes(code)));
  }, 15_000, [code]);
  return (
    <ol class="timeline" data-history={code}>
      {(polled.data ?? []).map((e) => <li key={e.id}><time dateTime={e.at}>{clock(e.at, timeZone)}</time> {describeEntry(e, timeZone)}{typeof e.details.segments === 'number' ? ` [${e.details.segments} SMS, ${String(e.details.encoding)}]` : ''}</li>)}
    </ol>
  );
}

/** Every task of the open activation, filtered by zone, tier, state and crew; officers can reassign an open one. */
export function TasksPage({ api, pollMs, timeZone, canAct }: { api: ApiClient; pollMs: number; timeZone: string; canAct: boolean }) {
  const [filter, setFilter] = useState({ zone: '', tier: '', state: '', crew: '' });
  const [open, setOpen] = useState<string>();
  const [reassign, setReassign] = useState<string>();
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '')).toString();
  const polled = usePoll(async () => (await api.read<{ tasks: Task[] }>(`/activations/current/tasks${query ? `?${query}` : ''}`)).data.tasks, pollMs, [query]);
  const tasks = polled.data ?? [];
  const set = (k: keyof typeof filter) => (e: Event) => setFilter({ ...filter, [k]: (e.target as HTMLInputElement).value });
  return (
    <section class="panel" aria-label={t('tasks')} data-tasks>
      <h2>{t('tasks')} ({tasks.length})</h2>
      {polled.error && <p role="alert" class="problem">{(polled.error as { sentence?: string }).sentence ?? polled.error.message}</p>}
      <div class="row">
        <label>{t('zone')} <input value={filter.zone} onChange={set('zone')} size={10} data-filter="zone" /></label>
        <label>{t('tier')} <select value={filter.tier} onChange={set('tier')} data-filter="tier"><option value="">{t('all')}</option>{['1', '2', '3'].map((x) => <option key={x} value={x}>{x}</option>)}</select></label>
        <label>{t('state')} <select value={filter.state} onChange={set('state')} data-filter="state"><option value="">{t('all')}</option>{STATES.map((x) => <option key={x} value={x}>{x}</option>)}</select></label>
        <label>{t('crew')} <input value={filter.crew} onChange={set('crew')} size={8} data-filter="crew" /></label>
      </div>
      <table>
        <thead><tr><th>{t('code')}</th><th>{t('roads')}</th><th>{t('zone')}</th><th>{t('tier')}</th><th>{t('pass')}</th><th>{t('crew')}</th><th>{t('vehicle')}</th><th>{t('state')}</th><th>{t('start')}</th><th /></tr></thead>
        <tbody>
          {tasks.map((task) => [
            <tr key={task.id} data-task-row={task.code}>
              <td>{task.code}</td><td>{task.roadName}</td><td>{task.zoneId}</td><td>{task.tier}</td><td>{task.pass}</td><td>{task.crewId}</td><td>{task.vehicleLabel}</td>
              <td><span class={`state-chip s-${task.state}`} data-state={task.state}>{task.state}</span></td>
              <td>{clock(task.startBy, timeZone)}</td>
              <td class="row">
                <button type="button" class="secondary" aria-expanded={open === task.code} onClick={() => setOpen(open === task.code ? undefined : task.code)} data-action="history">{t('history')}</button>
                {canAct && ['planned', 'dispatched', 'acknowledged', 'on-site'].includes(task.state) && <button type="button" onClick={() => setReassign(task.code)} data-action="reassign" data-task={task.code}>{t('reassign')}</button>}
              </td>
            </tr>,
            open === task.code && <tr key={`${task.id}-h`}><td colSpan={10}><History api={api} code={task.code} timeZone={timeZone} /></td></tr>,
          ])}
        </tbody>
      </table>
      {reassign && <ReassignDialog api={api} taskCode={reassign} onClose={() => setReassign(undefined)} onDone={() => { setReassign(undefined); polled.refresh(); }} />}
    </section>
  );
}
