import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/ApiClient.ts';
import { ProblemError } from '../api/ProblemError.ts';
import type { Candidates } from '../api/types.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { t } from '../ui/i18n.ts';
import { useAction } from '../ui/useAction.ts';

/** Moves a task to another crew and vehicle; the pickers offer only those the API says are eligible. */
export function ReassignDialog({ api, taskCode, onClose, onDone }: { api: ApiClient; taskCode: string; onClose: () => void; onDone: () => void }) {
  const [candidates, setCandidates] = useState<Candidates['crews']>();
  const [loadError, setLoadError] = useState<string>();
  const [crewId, setCrewId] = useState('');
  const [vehicleId, setVehicleId] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    api.read<{ crews: Candidates['crews'] }>(`/activations/current/tasks/${taskCode}/candidates`).then(
      ({ data }) => { setCandidates(data.crews); setCrewId(data.crews[0]?.id ?? ''); setVehicleId(data.crews[0]?.vehicles[0]?.id ?? ''); },
      (e: Error) => setLoadError(e instanceof ProblemError ? e.sentence : e.message),
    );
  }, [taskCode]);
  const crew = candidates?.find((c) => c.id === crewId);
  const move = useAction((key) => api.act('POST', `/activations/current/tasks/${taskCode}/reassign`, { crewId, vehicleId, reason }, key));
  useEffect(() => { if (move.result) onDone(); }, [move.result]);
  return (
    <Dialog title={`${t('reassign')} ${taskCode}`} onClose={onClose}>
      {loadError && <p role="alert" class="problem">{loadError}</p>}
      {candidates && candidates.length === 0 && <p>—</p>}
      {candidates && candidates.length > 0 && (
        <form onSubmit={(e) => { e.preventDefault(); void move.run(); }}>
          <p><label>{t('crew')}
            <select value={crewId} onChange={(e) => { const id = (e.target as HTMLSelectElement).value; setCrewId(id); setVehicleId(candidates.find((c) => c.id === id)?.vehicles[0]?.id ?? ''); }} data-crew-select>
              {candidates.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.id}, {c.zoneId})</option>)}
            </select>
          </label></p>
          <p><label>{t('vehicle')}
            <select value={vehicleId} onChange={(e) => setVehicleId((e.target as HTMLSelectElement).value)} data-vehicle-select>
              {crew?.vehicles.map((v) => <option key={v.id} value={v.id}>{v.label} ({v.id})</option>)}
            </select>
          </label></p>
          <p><label>{t('reason')} <textarea required minLength={3} rows={2} cols={40} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} data-reason /></label></p>
          {move.error && <p role="alert" class="problem" data-problem>{move.error}</p>}
          <div class="row">
            <button type="submit" disabled={move.pending} data-confirm>{t('reassign')}</button>
            <button type="button" class="secondary" onClick={onClose}>{t('cancel')}</button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
