/**
 * Roads being deleted from the registry. A deletion marks its road before it reads the road's open tasks, and
 * every booking checks in its own write that none of its roads is marked: so a booking either landed before
 * the read (the deletion sees its task and is refused) or is refused itself. A mark expires (`until`), so a
 * deletion that crashed half-way holds its road for minutes, not for ever.
 */
export interface RoadRetirements {
  /** Marks a road retiring until `until`, for the deletion `token`; 'busy' (nothing written) while another deletion's unexpired retiring mark stands. */
  beginRetiring(roadId: string, token: string, at: string, until: string): Promise<'marked' | 'busy'>;
  /** The road is deleted: its mark stays, as retired, until `until` (a planner that read the road before may still try to book it). */
  markRetired(roadId: string, token: string, until: string): Promise<void>;
  /** The deletion was refused: removes its mark (only this deletion's). */
  cancelRetiring(roadId: string, token: string): Promise<void>;
  /** The road is saved again: removes a retired mark, never a deletion still in progress. */
  clearRetired(roadId: string): Promise<void>;
}
