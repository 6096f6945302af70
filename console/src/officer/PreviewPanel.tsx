import type { Board, CityMap, Preview, RoadState } from '../api/types.ts';
import { MapView } from '../board/MapView.tsx';
import { clock, smsTime } from '../ui/format.ts';
import { t } from '../ui/i18n.ts';
import { sayReason } from '../ui/reasons.ts';

/** What an activation would send: the tasks, the crews, the SMS (the API's count where it gives one), and how long they take at the stage's pace. */
export function previewConsequence(p: Preview): string {
  const crews = new Set(p.teams.map((team) => team.crewId)).size;
  const sms = p.summary.waveSms;
  const base = t('consequence', { tasks: p.summary.tasks, crews, sms: sms?.messages ?? crews });
  return sms ? `${base}${t('colon') === '：' ? '，' : ', '}${t('atPace', { time: smsTime(sms.seconds) })}` : base;
}

/** What an activation at the level would book now: the teams' tasks, the passes left short, and the map of both. */
export function PreviewPanel({ preview, board, map }: { preview: Preview; board: Board; map: CityMap }) {
  const roads: Record<string, RoadState> = {};
  for (const team of preview.teams) for (const task of team.tasks) roads[task.roadId] = 'planned';
  for (const s of preview.shortfalls) roads[s.roadId] = 'short';
  return (
    <section class="panel" aria-label={`${t('preview')} ${preview.level}`} data-preview>
      <h2>{t('preview')} {preview.level}: {previewConsequence(preview)}{preview.summary.shortfalls ? `, ${preview.summary.shortfalls} ${t('wouldBeShort')}` : ''}</h2>
      <MapView map={map} board={{ ...board, roads }} />
      <table>
        <caption class="sr-only">{t('preview')}</caption>
        <thead><tr><th>{t('crew')}</th><th>{t('vehicle')}</th><th>{t('roads')}</th><th>{t('start')}</th><th>{t('passable')}</th></tr></thead>
        <tbody>
          {preview.teams.map((team) => (
            <tr key={`${team.crewId}#${team.vehicleId}`}>
              <td>{team.team}</td><td>{team.vehicle}</td>
              <td>{team.tasks.map((x) => `${x.road} (${x.tier}, ${x.pass})`).join('、')}</td>
              <td>{clock(team.tasks[0]!.startBy, preview.timeZone)}</td>
              <td>{clock(team.tasks.at(-1)!.passableAt, preview.timeZone)}</td>
            </tr>
          ))}
          {preview.shortfalls.map((s) => <tr key={`${s.roadId}#${s.pass}`} class="short-row"><td colSpan={2}>{t('short')}</td><td>{s.roadName} ({s.tier}, {s.pass})</td><td colSpan={2} data-short-reason>{sayReason(s.reasonCode, s.reason, preview.timeZone)}</td></tr>)}
        </tbody>
      </table>
    </section>
  );
}
