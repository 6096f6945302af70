import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/ApiClient.ts';
import { ProblemError } from '../api/ProblemError.ts';
import type { AcceptedActivation, ActiveLevel, Board, CityMap, Preview, WaveProgress } from '../api/types.ts';
import { ConfirmAction } from '../ui/ConfirmAction.tsx';
import { smsTime } from '../ui/format.ts';
import { t } from '../ui/i18n.ts';
import { sayReason } from '../ui/reasons.ts';
import { PreviewPanel, previewConsequence } from './PreviewPanel.tsx';
import { WaveProgressLine } from './WaveProgressLine.tsx';

const LEVELS: ActiveLevel[] = ['IV', 'III', 'II', 'I'];
const rank = (l: ActiveLevel) => LEVELS.indexOf(l);

type Act = 'activate' | 'upgrade' | 'downgrade' | 'standDown' | 'pretreat';

/** Acts answered at once (202) whose wave the console then follows until it is active. */
const WAVES: Act[] = ['activate', 'upgrade', 'pretreat'];

/**
 * The duty officer's level controls: preview a level (table and map), then activate, upgrade,
 * downgrade or stand down, each behind a confirmation that states what it will do; while zones are on
 * watch and nothing is open, start the pre-treatment wave (spreaders before the snow).
 */
export function LevelControls({ api, board, map, refresh, canPreview, canAct, initial }: {
  api: ApiClient; board: Board; map: CityMap; refresh: () => void; canPreview: boolean; canAct: boolean; initial?: { act: Act; level: ActiveLevel };
}) {
  const open = board.activation?.status === 'open' ? board.activation : null;
  const onWatch = board.zones.filter((z) => z.watch);
  const [level, setLevel] = useState<ActiveLevel>(initial?.level ?? (board.forecastLevel !== 'none' ? board.forecastLevel : 'IV'));
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState<Act | undefined>();
  const [done, setDone] = useState<string>();
  // An activation or upgrade answers before its wave is planned: the console follows it until it is active.
  const [following, setFollowing] = useState<{ act: Act; id: string; wave: number }>();

  const runPreview = async () => {
    setError(undefined);
    try {
      setPreview(await api.act<Preview>('POST', '/activations/preview', { level }, crypto.randomUUID()));
    } catch (e) {
      setError(e instanceof ProblemError ? e.sentence : (e as Error).message);
    }
  };
  // Activating or upgrading states its consequence from a preview at that level, made first if needed.
  const ask = async (act: Act) => {
    if ((act === 'activate' || act === 'upgrade') && preview?.level !== level && canPreview) await runPreview();
    setConfirming(act);
  };
  useEffect(() => { if (initial) void ask(initial.act); }, []);
  const consequence = (act: Act): string => {
    if (act === 'standDown') return t('standDownConsequence', { id: open?.id ?? '', open: board.kpis ? board.kpis.tasks - board.kpis.tasksDone : 0 });
    if (act === 'downgrade') return t('downgradeConsequence', { from: open?.level ?? '', to: level });
    if (act === 'pretreat') return t('pretreatConsequence', { zones: onWatch.map((z) => z.name).join(t('colon') === '：' ? '、' : ', ') });
    const base = preview && preview.level === level ? previewConsequence(preview) : `${t('level')} ${level}`;
    return act === 'upgrade' ? `${open?.level} → ${level}: ${base}` : base;
  };
  // The progress line stays, saying active or failed, until the next action.
  const settled = (act: Act, p: WaveProgress) => {
    if (p.phase === 'failed') setError(t('waveFailed', { wave: p.wave, reason: sayReason(p.reasonCode, p.reason ?? '', board.timeZone) }));
    else {
      const sms = p.waveSms ? `${t('colon') === '：' ? '；' : '; '}${t('waveSms', { wave: p.wave, sms: p.waveSms.messages, parts: p.waveSms.parts, time: smsTime(p.waveSms.seconds) })}` : '';
      setDone(`${t(act)} ✓ ${t('waveDone', { tasks: p.booked?.tasks ?? 0, crews: p.booked?.crews ?? 0, short: p.shortfalls ?? 0 })}${sms}`);
    }
    refresh();
  };
  const path: Record<Act, string> = {
    activate: '/activations', pretreat: '/pretreatment', upgrade: `/activations/${open?.id}/upgrade`, downgrade: `/activations/${open?.id}/downgrade`, standDown: `/activations/${open?.id ?? 'current'}/stand-down`,
  };
  return (
    <section class="panel" aria-label={t('level')} data-controls>
      <h2>{t('level')}</h2>
      <div class="row">
        <label>{t('level')}
          <select value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value as ActiveLevel)} data-level-select>
            {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        {canPreview && <button type="button" onClick={() => void runPreview()} data-action="preview">{t('preview')}</button>}
        {canAct && !open && <button type="button" onClick={() => void ask('activate')} data-action="activate">{t('activate')} {level}</button>}
        {canAct && open && rank(level) > rank(open.level) && <button type="button" onClick={() => void ask('upgrade')} data-action="upgrade">{t('upgrade')} → {level}</button>}
        {canAct && open && rank(level) < rank(open.level) && <button type="button" onClick={() => void ask('downgrade')} data-action="downgrade">{t('downgrade')} → {level}</button>}
        {canAct && !open && onWatch.length > 0 && <button type="button" onClick={() => void ask('pretreat')} data-action="pretreat">{t('pretreat')}</button>}
        {canAct && open && <button type="button" class="danger" onClick={() => void ask('standDown')} data-action="stand-down">{t('standDown')}</button>}
      </div>
      {error && <p role="alert" class="problem" data-problem>{error}</p>}
      {following && <WaveProgressLine api={api} activationId={following.id} wave={following.wave} onSettled={(p) => settled(following.act, p)} />}
      {done && <p role="status" data-done>{done}</p>}
      {preview && <PreviewPanel preview={preview} board={board} map={map} />}
      {confirming && (
        <ConfirmAction
          title={`${t(confirming)}${confirming === 'standDown' || confirming === 'pretreat' ? '' : ` ${level}`}`}
          consequence={consequence(confirming)}
          danger={confirming === 'standDown'}
          act={(reason, key) => api.act('POST', path[confirming], confirming === 'standDown' || confirming === 'pretreat' ? { reason } : { level, reason }, key)}
          onDone={(result) => {
            setConfirming(undefined); setPreview(undefined); setDone(undefined); setError(undefined); setFollowing(undefined);
            const accepted = WAVES.includes(confirming) ? (result as AcceptedActivation).activation : undefined;
            if (accepted) setFollowing({ act: confirming, id: accepted.id, wave: accepted.wave });
            else setDone(`${t(confirming)} ✓`);
            refresh();
          }}
          onClose={() => setConfirming(undefined)}
        />
      )}
    </section>
  );
}
