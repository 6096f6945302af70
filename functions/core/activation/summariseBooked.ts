import type { BookedSummary } from '../operations/ActivationProgress.ts';
import type { Task } from '../operations/Task.ts';

/** What a wave booked, in a few figures: tasks, crews and lane-km per tier (the tasks themselves are listed at /activations/{id}/tasks). */
export function summariseBooked(tasks: readonly Task[]): BookedSummary {
  const km = (tier: number) => Math.round(tasks.filter((t) => t.tier === tier).reduce((sum, t) => sum + t.laneKm, 0) * 100) / 100;
  return { tasks: tasks.length, crews: new Set(tasks.map((t) => t.crewId)).size, laneKmByTier: { 1: km(1), 2: km(2), 3: km(3) } };
}
