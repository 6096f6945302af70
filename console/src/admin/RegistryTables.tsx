import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/ApiClient.ts';
import { ProblemError } from '../api/ProblemError.ts';
import { usePoll } from '../api/usePoll.ts';
import { newKey } from '../ui/format.ts';
import { lang, t, type Key } from '../ui/i18n.ts';

type Kind = 'roads' | 'crews' | 'vehicles';
type RecordRow = Record<string, unknown> & { id: string };

const COLUMNS: Record<Kind, string[]> = {
  roads: ['id', 'name', 'zoneId', 'tier', 'laneKm', 'passes', 'agentAllowed'],
  crews: ['id', 'name', 'zoneId', 'depot', 'size', 'certified'],
  vehicles: ['id', 'label', 'class', 'zoneId', 'depot', 'status'],
};

/** Column headings: the CSV import's column name, with its Chinese name in zh-CN (admins write those columns). */
const COLUMN_ZH: Record<string, string> = {
  id: '编号', name: '名称', zoneId: '片区', tier: '等级', laneKm: '车道公里', passes: '作业', agentAllowed: '可撒融雪剂',
  depot: '车场', size: '人数', certified: '资质', label: '车牌', class: '车型', status: '状态',
};
const heading = (c: string) => (lang.get() === 'en' ? c : `${COLUMN_ZH[c] ?? c} (${c})`);

const cell = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v));

/** The registry's roads, crews and vehicles; a vehicle can be switched between ready and maintenance. */
export function RegistryTables({ api, pollMs }: { api: ApiClient; pollMs: number }) {
  const [kind, setKind] = useState<Kind>('vehicles');
  const [error, setError] = useState<string>();
  const polled = usePoll(async () => (await api.read<Record<Kind, RecordRow[]>>(`/registry/${kind}`)).data[kind], pollMs, [kind]);
  const toggle = async (v: RecordRow) => {
    setError(undefined);
    const status = v.status === 'ready' ? 'maintenance' : 'ready';
    try {
      await api.act('PUT', `/registry/vehicles/${encodeURIComponent(v.id)}`, { ...v, status }, newKey());
      polled.refresh();
    } catch (e) {
      setError(e instanceof ProblemError ? e.sentence : (e as Error).message);
    }
  };
  return (
    <section class="panel" aria-label={t('registry')} data-registry>
      <h2>{t('registry')}</h2>
      <div class="row" role="group" aria-label={t('registry')}>
        {(['roads', 'crews', 'vehicles'] as Kind[]).map((k) => <button key={k} type="button" class={k === kind ? '' : 'secondary'} aria-pressed={k === kind} onClick={() => setKind(k)} data-kind-tab={k}>{t(k as Key)}</button>)}
      </div>
      {error && <p role="alert" class="problem">{error}</p>}
      <table data-registry-table={kind}>
        <thead><tr>{COLUMNS[kind].map((c) => <th key={c}>{heading(c)}</th>)}{kind === 'vehicles' && <th>{t('inService')}</th>}</tr></thead>
        <tbody>
          {(polled.data ?? []).map((r) => (
            <tr key={r.id} data-record={r.id}>
              {COLUMNS[kind].map((c) => <td key={c}>{cell(r[c])}</td>)}
              {kind === 'vehicles' && (
                <td>
                  {(r.status === 'ready' || r.status === 'maintenance') && (
                    <label><input type="checkbox" role="switch" checked={r.status === 'ready'} onChange={() => void toggle(r)} data-ready-switch={r.id} /> {r.status === 'ready' ? t('ready') : t('maintenance')}</label>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
