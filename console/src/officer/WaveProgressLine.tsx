import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/ApiClient.ts';
import type { WaveProgress } from '../api/types.ts';
import { t } from '../ui/i18n.ts';

const POLL_MS = 1000;

/**
 * Follows a wave the API accepted (202) until it is active or failed, saying which phase it is in
 * (planning, booking, dispatching), then how it ended; the caller is told once.
 */
export function WaveProgressLine({ api, activationId, wave, onSettled }: {
  api: ApiClient; activationId: string; wave: number; onSettled: (progress: WaveProgress) => void;
}) {
  const [progress, setProgress] = useState<WaveProgress>();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { data } = await api.read<{ progress?: WaveProgress }>(`/activations/${encodeURIComponent(activationId)}`);
        if (stopped) return;
        const p = data.progress?.wave === wave ? data.progress : undefined;
        if (p) setProgress(p);
        if (p && (p.phase === 'active' || p.phase === 'failed')) return onSettled(p);
      } catch {
        // A lost poll is tried again: the wave goes on whether or not the console watches it.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => { stopped = true; clearTimeout(timer); };
  }, [activationId, wave]);
  const phase = progress?.phase ?? 'planning';
  const settled = phase === 'active' || phase === 'failed';
  return <p role="status" aria-live="polite" data-progress data-phase={phase}>{t(settled ? 'waveSettled' : 'waveProgress', { wave, phase: t(`phase_${phase}`) })}</p>;
}
