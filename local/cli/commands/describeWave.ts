import type { Activation } from '../../../functions/core/operations/Activation.ts';

/** What an active wave booked and what became of its SMS, in two lines (activate and upgrade print them). */
export function describeWave(activation: Activation): string[] {
  const p = activation.progress;
  const booked = p?.booked ?? { tasks: 0, crews: 0, laneKmByTier: { 1: 0, 2: 0, 3: 0 } };
  const km = Object.entries(booked.laneKmByTier).filter(([, v]) => v > 0).map(([tier, v]) => `tier ${tier} ${v} lane-km`).join(', ');
  const lines = [`${booked.tasks} tasks for ${booked.crews} crews (${km || 'nothing booked'}).`];
  const d = p?.dispatch;
  lines.push(!d ? 'SMS: not handed to dispatch yet.' : d.mode === 'sent'
    ? `SMS: ${d.sent} sent, ${d.failed} failed, ${d.skipped} already sent.`
    : 'SMS: the wave is queued for the dispatcher; `snowops tasks` shows the tasks move to dispatched.');
  if ((p?.shortfalls ?? 0) > 0) lines.push(`${p!.shortfalls} road passes have no team (\`snowops log\` lists them as road.shortfall).`);
  return lines;
}
