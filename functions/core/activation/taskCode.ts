/** The short code a leader types to pick a task: T01, T02, … (unique within an activation). */
export function taskCode(index: number): string {
  return `T${String(index + 1).padStart(2, '0')}`;
}
