import type { OfficialWarning } from '../forecast/OfficialWarning.ts';

const key = (w: OfficialWarning) => `${w.source}|${(w.codes?.[0] ?? w.code ?? w.event).toLowerCase()}|${(w.areas ?? []).flatMap((a) => a.geocodes).sort().join(',')}`;

/**
 * The warnings known and in force as of `now`, after following updates and cancellations: a message
 * issued after `now` is not known yet; an Update or Cancel replaces every message its `references` name
 * (or, for publishers that give no references, like the CMA signals, the earlier message of the same
 * publisher, signal and areas); a Cancel itself leaves nothing in force.
 */
export function resolveWarnings(warnings: readonly OfficialWarning[], now: Date): OfficialWarning[] {
  const nowMs = now.getTime();
  const known = warnings.filter((w) => !w.issuedAt || Date.parse(w.issuedAt) <= nowMs);
  const replaced = new Set(known.flatMap((w) => w.references ?? []));
  const changedAt = new Map<string, string>();
  for (const w of known) {
    const type = w.messageType?.toLowerCase();
    if ((type === 'update' || type === 'cancel') && !w.references?.length && w.issuedAt && (changedAt.get(key(w)) ?? '') < w.issuedAt) changedAt.set(key(w), w.issuedAt);
  }
  return known.filter((w) => {
    if (replaced.has(w.id) || w.messageType?.toLowerCase() === 'cancel') return false;
    const changed = changedAt.get(key(w));
    return !(changed && w.issuedAt && w.issuedAt < changed);
  });
}
