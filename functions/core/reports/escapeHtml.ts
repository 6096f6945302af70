import { showHidden } from '../text/hiddenCharacters.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML or SVG elements and quoted attributes, its hidden characters shown (showHidden). */
export function escapeHtml(value: unknown): string {
  return showHidden(String(value ?? '')).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
