import type { ActivationStore } from '../ports/ActivationStore.ts';

/**
 * Runs `book` (anything that may leave planned tasks in the activation) between two marks of a booking run:
 * the first covers a run that dies part-way, the second a wave dispatch that read the activation between the
 * first mark and the tasks landing. Either way the activation's bookingRuns passes what the last finished
 * dispatch had read, so the poller asks for the wave's dispatch again without reading the activation's tasks.
 */
export async function withBookingRun<T>(activations: Pick<ActivationStore, 'noteBookingRun'>, activationId: string, book: () => Promise<T>): Promise<T> {
  await activations.noteBookingRun(activationId);
  try {
    return await book();
  } finally {
    await activations.noteBookingRun(activationId);
  }
}
