import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/ApiClient.ts';
import type { LogEntry } from '../api/types.ts';
import { usePoll } from '../api/usePoll.ts';
import { describeEntry } from '../board/describeEntry.ts';
import { clock, fromCityTime } from '../ui/format.ts';
import { hashQuery } from '../ui/hashQuery.ts';
import { t } from '../ui/i18n.ts';
import { latestActivationId } from './latestActivationId.ts';

const PAGE = 50;

/**
 * The response log as a timeline: a stream, a time window and an action filter, paged with the API's cursors.
 * The window is typed year-month-day in the city's zone (a browser's date picker shows its own locale's
 * order, mm/dd/yyyy in an English browser, and reads the time in the browser's zone).
 */
export function LogPage({ api, pollMs, timeZone }: { api: ApiClient; pollMs: number; timeZone: string }) {
  // Empty: the latest activation's stream (open or stood down), found on each read.
  const [stream, setStream] = useState(hashQuery().get('stream') ?? '');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const fromIso = from ? fromCityTime(from, timeZone) : undefined;
  const toIso = to ? fromCityTime(to, timeZone) : undefined;
  const query = new URLSearchParams({ limit: String(PAGE), ...(cursor ? { cursor } : {}), ...(fromIso ? { from: fromIso } : {}), ...(toIso ? { to: toIso } : {}) }).toString();
  const polled = usePoll(async () => (await api.read<{ entries: LogEntry[]; next?: string }>(`/logs/${encodeURIComponent(stream || await latestActivationId(api))}?${query}`)).data, pollMs, [stream, query]);
  const entries = (polled.data?.entries ?? []).filter((e) => !action || e.action.includes(action));
  const reset = () => setCursors([]);
  return (
    <section class="panel" aria-label={t('log')} data-log>
      <h2>{t('log')}</h2>
      <div class="row">
        <label>{t('stream')} <input value={stream} placeholder={t('latestActivation')} onChange={(e) => { setStream((e.target as HTMLInputElement).value.trim()); reset(); }} size={30} data-log-stream /></label>
        <label>{t('action')} <input value={action} onInput={(e) => setAction((e.target as HTMLInputElement).value)} size={14} data-log-action /></label>
        <label>{t('from')} <input value={from} placeholder="2026-12-14 08:00" size={16} aria-invalid={from !== '' && !fromIso} aria-describedby="log-time-format" onChange={(e) => { setFrom((e.target as HTMLInputElement).value); reset(); }} data-log-from /></label>
        <label>{t('to')} <input value={to} placeholder="2026-12-14 20:00" size={16} aria-invalid={to !== '' && !toIso} aria-describedby="log-time-format" onChange={(e) => { setTo((e.target as HTMLInputElement).value); reset(); }} data-log-to /></label>
        <small id="log-time-format" class={(from && !fromIso) || (to && !toIso) ? 'problem' : ''} data-time-format>{t('timeFormat', { zone: timeZone })}</small>
      </div>
      {polled.error && <p role="alert" class="problem">{(polled.error as { sentence?: string }).sentence ?? polled.error.message}</p>}
      <ol class="timeline" data-timeline>
        {entries.map((e) => <li key={e.id} data-action-name={e.action}><time dateTime={e.at}>{clock(e.at, timeZone, true)}</time> {describeEntry(e, timeZone)}</li>)}
      </ol>
      <div class="row">
        <button type="button" class="secondary" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))} data-page="prev">{t('prev')}</button>
        <button type="button" class="secondary" disabled={!polled.data?.next} onClick={() => setCursors([...cursors, polled.data!.next!])} data-page="next">{t('next')}</button>
      </div>
    </section>
  );
}
