import { setTimeout as sleep } from 'node:timers/promises';
import type { Activation } from '../../../functions/core/operations/Activation.ts';
import { isSettled } from '../../../functions/core/operations/ActivationProgress.ts';
import type { ApiClient } from '../api/ApiClient.ts';
import { CliError } from '../CliError.ts';

/** Longer than the activation planner's own limit (15 minutes), after which the poller finishes the wave. */
const GIVE_UP_MS = 20 * 60_000;

/**
 * Follows a wave the API accepted (202) until it is active or failed, printing each phase as it is
 * reached (planning, booking, dispatching, active); a failed wave is an error with its reason.
 */
export async function followWave(client: ApiClient, accepted: Activation, say: (line: string) => void, pollMs = 1000): Promise<Activation> {
  const wave = accepted.wave;
  let last = '';
  const started = Date.now();
  let activation = accepted;
  for (;;) {
    const phase = activation.progress?.wave === wave ? activation.progress.phase : 'planning';
    if (phase !== last) say(`wave ${wave}: ${phase}`);
    last = phase;
    if (isSettled(activation.progress, wave)) break;
    if (Date.now() - started > GIVE_UP_MS) throw new CliError(`wave ${wave} of ${accepted.id} is still ${phase} after ${GIVE_UP_MS / 60_000} minutes; \`snowops activations\` and the response log say more`);
    await sleep(pollMs);
    activation = (await client.request<Activation>('GET', `/activations/${encodeURIComponent(accepted.id)}`)).body;
  }
  if (activation.progress?.phase === 'failed') throw new CliError(`wave ${wave} of ${accepted.id} failed: ${activation.progress.reason ?? 'no reason given'}`);
  return activation;
}
