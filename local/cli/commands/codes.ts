/** " (T01, T02, … and 37 more)": task codes for a one-line summary. */
export function codes(list: readonly string[], shown = 10): string {
  if (list.length === 0) return '';
  const more = list.length > shown ? `, … and ${list.length - shown} more` : '';
  return ` (${list.slice(0, shown).join(', ')}${more})`;
}
